import * as stories from '../../stories/channel-settings.stories.js';
import { describeStories } from './harness/describe-stories.js';

describeStories('channel-settings', stories, {
  stabilise: {
    Loading: {
      parameters: { desk: { latencyMs: 24 * 3600_000 } },
      reason: 'held loading: after its 4 s latency it would show the accounts',
    },
  },
});
