// The reference server's own promises: auth, CORS, input validated by the OpenAPI document with
// nothing written on bad input, the channel side (idempotent publish, threading, signed webhooks
// retried and failed after the last try, delivery reports), and SSE resume.
/* global fetch, AbortController, TextDecoderStream */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { tsImport } from 'tsx/esm/api';

const h = await tsImport('../adapters/http-adapter.node-harness.ts', import.meta.url);
const { api, ORIGIN } = h;

let running;
let base;
before(async () => {
  running = await h.startServer();
  base = running.baseUrl;
});
after(() => running.close());

const count = (table) => running.server.repo.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get().n;
const snapshot = () => ['messages', 'events', 'conversations', 'uploads', 'views'].map(count);
const publishToken = async (accountId) =>
  (await api(base, `/accounts/${accountId}/integration`)).body.publishToken;
const publish = async (accountId, body, token) =>
  api(base, `/channel/accounts/${accountId}/messages`, {
    method: 'POST',
    token: token ?? (await publishToken(accountId)),
    body: JSON.stringify(body),
  });

describe('auth', () => {
  it('refuses a missing or bad agent token with 401 and a JSON error', async () => {
    for (const token of [null, 'wrong-token']) {
      const { status, body } = await api(base, '/conversations?limit=5', { token });
      assert.equal(status, 401);
      assert.equal(body.error.code, 'unauthorized');
    }
    const malformed = await api(base, '/agents', { token: null, headers: { Authorization: 'Basic abc' } });
    assert.equal(malformed.status, 401);
  });

  it('refuses a publish with an agent token or another account’s token, writing nothing', async () => {
    const before = snapshot();
    const other = await publishToken('acc-parrot');
    for (const token of [h.AGENT_TOKEN, other]) {
      const { status } = await publish('acc-lumen', { externalId: 'x1', threadId: 't', text: 'hi' }, token);
      assert.equal(status, 401);
    }
    assert.deepEqual(snapshot(), before);
  });
});

describe('CORS', () => {
  it('allows the configured origin', async () => {
    const { status, headers } = await api(base, '/agents/me', { headers: { Origin: ORIGIN } });
    assert.equal(status, 200);
    assert.equal(headers.get('access-control-allow-origin'), ORIGIN);
  });

  it('refuses an unknown origin, preflight and request, without CORS headers', async () => {
    const preflight = await fetch(`${base}/conversations/conv-1/messages`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://evil.example',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization,content-type',
      },
    });
    assert.equal(preflight.status, 403);
    assert.equal(preflight.headers.get('access-control-allow-origin'), null);
    const before = snapshot();
    const { status, headers } = await api(base, '/conversations/conv-1/messages', {
      method: 'POST',
      headers: { Origin: 'https://evil.example' },
      body: JSON.stringify({ clientId: 'evil-1', text: 'hi', channel: 'custom' }),
    });
    assert.equal(status, 403);
    assert.equal(headers.get('access-control-allow-origin'), null);
    assert.deepEqual(snapshot(), before);
  });
});

describe('input validated by the protocol; nothing written on bad input', () => {
  const cases = [
    ['malformed JSON', '/conversations/conv-1/messages', { method: 'POST', body: '{"clientId": ' }, 400],
    [
      'an unknown field',
      '/conversations/conv-1/messages',
      { method: 'POST', body: JSON.stringify({ clientId: 'v1', text: 'a', channel: 'custom', html: '<b>' }) },
      400,
    ],
    [
      'a missing field',
      '/conversations/conv-1/messages',
      { method: 'POST', body: JSON.stringify({ text: 'a', channel: 'custom' }) },
      400,
    ],
    ['a wrong type', '/views', { method: 'POST', body: JSON.stringify({ name: 5, filters: {} }) }, 400],
    [
      'an oversized text',
      '/conversations/conv-1/messages',
      {
        method: 'POST',
        body: JSON.stringify({ clientId: 'v2', text: 'x'.repeat(20_001), channel: 'custom' }),
      },
      400,
    ],
    [
      'a text over the channel’s limit',
      '/conversations/conv-1/messages',
      {
        method: 'POST',
        body: JSON.stringify({ clientId: 'v3', text: 'x'.repeat(10_001), channel: 'custom' }),
      },
      400,
    ],
    [
      'an unknown conversation',
      '/conversations/conv-nope/messages',
      { method: 'POST', body: JSON.stringify({ clientId: 'v4', text: 'a', channel: 'custom' }) },
      404,
    ],
    [
      'an unknown ticket',
      '/tickets/ticket-nope',
      { method: 'PATCH', body: JSON.stringify({ priority: 'high' }) },
      404,
    ],
    ['a bad query parameter', '/conversations?limit=0', {}, 400],
    [
      'an oversized upload',
      '/uploads?name=big.bin',
      { method: 'POST', headers: { 'Content-Type': 'application/octet-stream' }, body: new Uint8Array(2048) },
      413,
    ],
    [
      'an empty upload',
      '/uploads?name=empty.txt',
      { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: '' },
      400,
    ],
  ];
  let small;
  before(async () => {
    small = await h.startServer({ maxUploadBytes: 1024 });
  });
  after(() => small.close());

  for (const [name, path, init, expected] of cases) {
    it(`answers ${expected} to ${name}`, async () => {
      const db = small.server.repo.db;
      const counts = () =>
        ['messages', 'events', 'uploads', 'views', 'sends'].map(
          (t) => db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get().n,
        );
      const before = counts();
      const { status, body } = await api(small.baseUrl, path, init);
      assert.equal(status, expected, JSON.stringify(body));
      assert.ok(body.error.code && body.error.message, 'a JSON error');
      small.server.protocol.check('Error', body);
      assert.deepEqual(counts(), before, 'nothing written');
    });
  }

  it('names the bad fields', async () => {
    const { body } = await api(small.baseUrl, '/conversations/conv-1/messages', {
      method: 'POST',
      body: JSON.stringify({ text: 'a', channel: 'fax' }),
    });
    assert.equal(body.error.fieldErrors.clientId, 'Required');
    assert.ok(body.error.fieldErrors.channel);
  });
});

describe('the channel side', () => {
  it('is idempotent by the channel’s message id', async () => {
    const message = {
      externalId: 'lumen-msg-1',
      threadId: 'thread-new-1',
      text: 'Hello from Lumen',
      from: { name: 'Ana', address: 'ana@example.com' },
    };
    const first = await publish('acc-lumen', message);
    assert.equal(first.status, 201);
    assert.equal(first.body.duplicate, false);
    const events = count('events');
    const second = await publish('acc-lumen', message);
    assert.equal(second.status, 200);
    assert.equal(second.body.duplicate, true);
    assert.equal(second.body.message.id, first.body.message.id);
    assert.equal(count('events'), events, 'a duplicate logs no event');
  });

  it('threads by the channel’s threading model', async () => {
    // integration-thread: the channel names the thread.
    const a = await publish('acc-lumen', { externalId: 'th-1', threadId: 'thread-x', text: 'first' });
    const b = await publish('acc-lumen', { externalId: 'th-2', threadId: 'thread-x', text: 'second' });
    const c = await publish('acc-lumen', { externalId: 'th-3', threadId: 'thread-y', text: 'other thread' });
    assert.equal(b.body.message.conversationId, a.body.message.conversationId);
    assert.notEqual(c.body.message.conversationId, a.body.message.conversationId);
    // delivery-identifier: one open conversation per sender address.
    const from = { name: 'Bruno', address: '+5511999990000' };
    const d = await publish('acc-parrot', { externalId: 'sms-1', from, text: 'oi' });
    const e = await publish('acc-parrot', { externalId: 'sms-2', from, text: 'tudo bem?' });
    assert.equal(e.body.message.conversationId, d.body.message.conversationId);
    const missing = await publish('acc-parrot', { externalId: 'sms-3', text: 'no sender' });
    assert.equal(missing.status, 400);
    assert.ok(missing.body.error.fieldErrors.from);
  });

  it('signs webhook deliveries with HMAC-SHA256, retries, and takes delivery reports', async () => {
    const integration = (await api(base, '/accounts/acc-lumen/integration')).body;
    const receiver = await h.startReceiver(integration.signingSecret);
    try {
      await api(base, '/accounts/acc-lumen/integration', {
        method: 'PUT',
        body: JSON.stringify({ webhookUrl: receiver.url }),
      });
      receiver.failNext(1);
      const sent = await api(base, '/conversations/conv-1/messages', {
        method: 'POST',
        body: JSON.stringify({ clientId: 'hook-1', text: 'Signed reply', channel: 'custom' }),
      });
      assert.equal(sent.status, 201);
      assert.equal(sent.body.status, 'pending');
      await h.waitFor(() => receiver.deliveries.some((d) => d.answered === 200), 'the acknowledged delivery');
      assert.ok(
        receiver.deliveries.every((d) => d.signatureValid),
        'every signature verifies',
      );
      assert.equal(receiver.deliveries.length, 2, 'one failed try, one acknowledged');
      assert.equal(
        new Set(receiver.deliveries.map((d) => d.deliveryId)).size,
        1,
        'the same delivery id on retry',
      );
      await h.waitFor(() => running.server.repo.message(sent.body.id).status === 'sent', 'sent');
      const token = await publishToken('acc-lumen');
      const report = await api(base, `/channel/accounts/acc-lumen/messages/${sent.body.id}/status`, {
        method: 'POST',
        token,
        body: JSON.stringify({ status: 'read' }),
      });
      assert.equal(report.status, 200);
      assert.equal(report.body.status, 'read');
      const late = await api(base, `/channel/accounts/acc-lumen/messages/${sent.body.id}/status`, {
        method: 'POST',
        token,
        body: JSON.stringify({ status: 'delivered' }),
      });
      assert.equal(late.body.status, 'read', 'a late report does not go backwards');
    } finally {
      await api(base, '/accounts/acc-lumen/integration', {
        method: 'PUT',
        body: JSON.stringify({ webhookUrl: null }),
      });
      await receiver.close();
    }
  });

  it('marks a reply failed after the last try, and tells the desk', async () => {
    const integration = (await api(base, '/accounts/acc-lumen/integration')).body;
    const receiver = await h.startReceiver('not-the-secret'); // refuses every signature: 401
    const adapter = h.httpAdapter(base);
    const updates = [];
    const subscription = adapter.events$.subscribe(
      (e) => e.type === 'message.updated' && updates.push(e.message),
    );
    try {
      await api(base, '/accounts/acc-lumen/integration', {
        method: 'PUT',
        body: JSON.stringify({ webhookUrl: receiver.url }),
      });
      await h.waitFor(() => running.server.streams.size > 0, 'the stream');
      const sent = await adapter.sendMessage('conv-1', {
        clientId: 'hook-fail-1',
        text: 'Never acknowledged',
        channel: 'custom',
      });
      await h.waitFor(
        () => updates.some((m) => m.id === sent.id && m.status === 'failed'),
        'the failed update',
      );
      assert.equal(receiver.deliveries.length, 4, 'maxAttempts tries, then no more');
      assert.match(updates.find((m) => m.id === sent.id).error, /401.*Gave up after 4 tries/);
      assert.ok(integration.signingSecret);
    } finally {
      subscription.unsubscribe();
      await api(base, '/accounts/acc-lumen/integration', {
        method: 'PUT',
        body: JSON.stringify({ webhookUrl: null }),
      });
      await receiver.close();
    }
  });
});

describe('server-sent events', () => {
  it('resumes from Last-Event-ID with every event after it, each matching the protocol', async () => {
    const head = running.server.repo.headEventId();
    await publish('acc-lumen', { externalId: 'sse-1', threadId: 'sse-thread', text: 'one' });
    await publish('acc-lumen', { externalId: 'sse-2', threadId: 'sse-thread', text: 'two' });
    const controller = new AbortController();
    const response = await fetch(`${base}/events`, {
      headers: { Authorization: `Bearer ${h.AGENT_TOKEN}`, 'Last-Event-ID': String(head) },
      signal: controller.signal,
    });
    assert.equal(response.headers.get('content-type'), 'text/event-stream; charset=utf-8');
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    while (!text.includes('"two"') || !text.trimEnd().endsWith('}')) text += (await reader.read()).value;
    controller.abort();
    const events = text.split('\n\n').filter((block) => block.includes('data: {"type"'));
    const ids = events.map((block) => Number(/^id: (\d+)$/m.exec(block)[1]));
    assert.equal(ids[0], head + 1, 'starts right after the given id');
    assert.deepEqual(
      ids,
      ids.map((_, i) => head + 1 + i),
      'no gap',
    );
    for (const block of events)
      running.server.protocol.check('HelpDeskEvent', JSON.parse(/^data: (.*)$/m.exec(block)[1]));
  });

  it('refuses the stream without a token', async () => {
    const response = await fetch(`${base}/events`);
    assert.equal(response.status, 401);
  });
});
