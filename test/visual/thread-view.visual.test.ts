import * as stories from '../../stories/thread-view.stories.js';
import { describeStories } from './harness/describe-stories.js';

describeStories('thread-view', stories, {
  stabilise: {
    LiveTraffic: {
      parameters: { desk: { simulateTraffic: false } },
      reason: 'without simulated traffic: new messages arrive on a timer',
    },
  },
  unstable: {
    EveryAttachmentKind: 'the log settles at a sub-pixel offset that varies between runs',
    TenThousand: 'the log settles at a sub-pixel offset that varies between runs',
  },
});
