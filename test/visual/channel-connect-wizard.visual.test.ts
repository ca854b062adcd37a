import * as stories from '../../stories/channel-connect-wizard.stories.js';
import { describeStories } from './harness/describe-stories.js';

describeStories('channel-connect-wizard', stories, {
  stabilise: {
    Loading: {
      parameters: { desk: { latencyMs: 24 * 3600_000 } },
      reason: 'held loading: after its 4 s latency it would show the channels',
    },
  },
});
