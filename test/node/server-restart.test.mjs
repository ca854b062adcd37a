// Killing and restarting the server loses nothing: the data is in the SQLite file, and the
// HttpAdapter resumes its event stream from the last event id it saw.
/* global URL */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, it } from 'node:test';

import { tsImport } from 'tsx/esm/api';

const h = await tsImport('../adapters/http-adapter.node-harness.ts', import.meta.url);
const dir = mkdtempSync(join(tmpdir(), 'helpdesk-restart-'));
after(() => rmSync(dir, { recursive: true, force: true }));

it('resumes across a server restart on the same database without losing an event', async () => {
  const database = join(dir, 'desk.sqlite');
  let running = await h.startServer({ database });
  const port = new URL(running.baseUrl).port;
  const adapter = h.httpAdapter(running.baseUrl);
  const created = [];
  const states = [];
  const subscription = adapter.events$.subscribe((e) => {
    if (e.type === 'message.created') created.push(e.message.text);
    if (e.type === 'connection') states.push(e.state);
  });
  const publish = async (externalId, text) => {
    const integration = await h.api(running.baseUrl, '/accounts/acc-lumen/integration');
    const result = await h.api(running.baseUrl, '/channel/accounts/acc-lumen/messages', {
      method: 'POST',
      token: integration.body.publishToken,
      body: JSON.stringify({ externalId, conversationId: 'conv-1', text }),
    });
    assert.ok(result.status === 201 || result.status === 200);
  };
  try {
    await h.waitFor(() => running.server.streams.size > 0, 'the stream');
    await publish('r-1', 'before the restart');
    await h.waitFor(() => created.includes('before the restart'), 'the first event');
    const sent = await adapter.sendMessage('conv-1', {
      clientId: 'restart-send',
      text: 'a reply',
      channel: 'custom',
    });
    await running.close();
    await h.waitFor(() => states.includes('reconnecting'), 'reconnecting');
    running = await h.startServer({ database, port: Number(port) });
    // Written on the new process before the adapter is back: it must still arrive.
    await publish('r-2', 'after the restart');
    await h.waitFor(() => created.includes('after the restart'), 'the event after the restart', 10_000);
    assert.deepEqual(created, ['before the restart', 'a reply', 'after the restart']);
    assert.equal(states.at(-1), 'online');
    const again = await adapter.sendMessage('conv-1', {
      clientId: 'restart-send',
      text: 'a reply',
      channel: 'custom',
    });
    assert.equal(again.id, sent.id, 'the clientId is remembered across the restart');
  } finally {
    subscription.unsubscribe();
    await running.close();
  }
});
