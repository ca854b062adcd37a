import * as stories from '../../stories/help-desk.stories.js';
import { describeStories } from './harness/describe-stories.js';

describeStories('help-desk', stories, {
  stabilise: {
    Default: {
      parameters: { desk: { simulateTraffic: false } },
      reason: 'without simulated traffic: new messages arrive on a timer',
    },
  },
});
