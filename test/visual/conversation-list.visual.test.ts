import * as stories from '../../stories/conversation-list.stories.js';
import { describeStories } from './harness/describe-stories.js';

describeStories('conversation-list', stories, {
  stabilise: {
    HundredThousand: {
      parameters: { desk: { simulateTraffic: false } },
      reason: 'without simulated traffic: new messages arrive on a timer',
    },
  },
});
