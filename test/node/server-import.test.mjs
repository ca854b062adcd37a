// Hosts that render on the server import the kit in Node, with no DOM: no entry may throw there.
// Runs on the built package (`dist/`), exactly what a host installs.
import assert from 'node:assert/strict';
import { test } from 'node:test';

const entries = [
  'helpdesk-elements',
  'helpdesk-elements/define',
  'helpdesk-elements/fixtures',
  'helpdesk-elements/testing',
];

for (const entry of entries) {
  test(`${entry} imports in Node without a DOM`, async () => {
    assert.equal(typeof globalThis.document, 'undefined');
    await assert.doesNotReject(import(entry));
  });
}

test('the store, the MemoryAdapter and the fixtures work in Node', async () => {
  const { HelpDeskStore, MemoryAdapter } = await import('helpdesk-elements');
  const { createFixture } = await import('helpdesk-elements/fixtures');
  const adapter = new MemoryAdapter({ fixture: createFixture({ seed: 3, conversations: 20 }) });
  const store = new HelpDeskStore(adapter);
  const result = await store.start();
  assert.equal(result.ok, true);
  assert.equal(store.state.conversations.ids.length, 20);
  store.dispose();
  adapter.dispose();
});

test('createFixture refuses absurd sizes with a RangeError', async () => {
  const { createFixture } = await import('helpdesk-elements/fixtures');
  assert.throws(() => createFixture({ conversations: -1 }), RangeError);
});
