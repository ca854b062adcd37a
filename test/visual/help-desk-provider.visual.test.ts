import * as stories from '../../stories/help-desk-provider.stories.js';
import { describeStories } from './harness/describe-stories.js';

describeStories('help-desk-provider', stories);
