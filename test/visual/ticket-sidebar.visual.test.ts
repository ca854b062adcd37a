import * as stories from '../../stories/ticket-sidebar.stories.js';
import { describeStories } from './harness/describe-stories.js';

describeStories('ticket-sidebar', stories);
