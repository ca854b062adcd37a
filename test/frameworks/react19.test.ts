// demo/frameworks/react19: React 19 with the custom elements as they are (no wrappers).
import { MemoryAdapter } from '../../src/adapters/memory/index.js';
import { defineElements } from '../../src/elements/registry.js';
import { createFixture } from '../../src/fixtures/index.js';
import { HelpDeskStore } from '../../src/state/store.js';
import { describeExample } from './example-suite.js';

defineElements();

describeExample('React 19', async () => ({
  kit: { HelpDeskStore, MemoryAdapter, createFixture },
  mount: (await import('../../demo/frameworks/react19/app.js')).mount,
}));
