// demo/frameworks/react18: React 18 through the @lit/react wrappers of helpdesk-elements/react.
import { MemoryAdapter } from '../../src/adapters/memory/index.js';
import { defineElements } from '../../src/elements/registry.js';
import { createFixture } from '../../src/fixtures/index.js';
import { HelpDeskStore } from '../../src/state/store.js';
import { describeExample } from './example-suite.js';

defineElements();

describeExample('React 18', async () => ({
  kit: { HelpDeskStore, MemoryAdapter, createFixture },
  mount: (await import('../../demo/frameworks/react18/app.js')).mount,
}));
