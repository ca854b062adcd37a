// demo/frameworks/vue: Vue 3 with the custom elements as they are, through render functions.
import { MemoryAdapter } from '../../src/adapters/memory/index.js';
import { defineElements } from '../../src/elements/registry.js';
import { createFixture } from '../../src/fixtures/index.js';
import { HelpDeskStore } from '../../src/state/store.js';
import { describeExample } from './example-suite.js';

defineElements();

describeExample('Vue 3', async () => ({
  kit: { HelpDeskStore, MemoryAdapter, createFixture },
  mount: (await import('../../demo/frameworks/vue/app.js')).mount,
}));
