import * as stories from '../../stories/reply-editor.stories.js';
import { describeStories } from './harness/describe-stories.js';

describeStories('reply-editor', stories, {
  stabilise: {
    Uploading: {
      parameters: { desk: { latencyMs: 24 * 3600_000 } },
      reason: 'uploads held at 0%: with 60 s latency the progress moves every 15 s',
    },
  },
});
