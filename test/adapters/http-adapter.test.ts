// The HttpAdapter in the browser against a fake fetch: what it retries and what it never does,
// errors as HelpDeskError codes, headers per request, the SSE stream (resume, de-duplication,
// connection states) and uploads with progress and cancellation. End to end against the real
// server it runs in Node (test/node/server-contract.test.mjs).
import { expect } from '@open-wc/testing';

import type { HelpDeskEvent } from '../../src/adapters/adapter.js';
import { HelpDeskError } from '../../src/adapters/errors.js';
import { HttpAdapter, type HttpAdapterOptions } from '../../src/adapters/http/index.js';

type Call = { url: string; init: RequestInit };
type Reply = Response | Error | ((call: Call) => Response | Promise<Response>);

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
const apiError = (status: number, code: string, message: string, fieldErrors?: Record<string, string>) =>
  json(status, { error: { code, message, fieldErrors } });

/** A fetch that answers from a queue and records each call. */
function fakeFetch(replies: Reply[]) {
  const calls: Call[] = [];
  const fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const call = { url: String(input), init };
    calls.push(call);
    const reply = replies.shift() ?? new Error('no more replies');
    if (reply instanceof Error) throw reply;
    return typeof reply === 'function' ? reply(call) : reply;
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

const adapterWith = (
  fetch: typeof globalThis.fetch,
  headers: HttpAdapterOptions['headers'] = { Authorization: 'Bearer t' },
) =>
  new HttpAdapter({
    baseUrl: 'https://desk.test/api/',
    headers,
    fetch,
    retry: { retries: 2, baseDelayMs: 1, maxDelayMs: 2 },
    reconnect: { baseDelayMs: 1, maxDelayMs: 5, offlineAfter: 3 },
  });

async function rejection(promise: Promise<unknown>): Promise<HelpDeskError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(HelpDeskError);
    return error as HelpDeskError;
  }
  throw new Error('expected a rejection');
}

describe('HttpAdapter', () => {
  describe('requests', () => {
    it('sends JSON with the headers to the base URL, and reads JSON back', async () => {
      const { fetch, calls } = fakeFetch([json(200, { items: [], nextCursor: null })]);
      await adapterWith(fetch).listConversations({
        limit: 20,
        text: 'refund',
        filters: { status: 'open', unreadOnly: true },
      });
      const url = new URL(calls[0]!.url);
      expect(url.origin + url.pathname).to.equal('https://desk.test/api/conversations');
      expect(Object.fromEntries(url.searchParams)).to.deep.equal({
        limit: '20',
        text: 'refund',
        status: 'open',
        unreadOnly: 'true',
      });
      expect((calls[0]!.init.headers as Record<string, string>)['Authorization']).to.equal('Bearer t');
    });

    it('asks a headers function on every request, so a refreshed token is used', async () => {
      let token = 0;
      const { fetch, calls } = fakeFetch([json(200, []), json(200, [])]);
      const adapter = adapterWith(fetch, async () => ({ Authorization: `Bearer ${++token}` }));
      await adapter.listAgents();
      await adapter.listTeams();
      expect(calls.map((c) => (c.init.headers as Record<string, string>)['Authorization'])).to.deep.equal([
        'Bearer 1',
        'Bearer 2',
      ]);
    });

    it('retries a GET that failed with 503, 429 or a network error, then succeeds', async () => {
      const { fetch, calls } = fakeFetch([
        apiError(503, 'unavailable', 'busy'),
        json(429, {}, { 'Retry-After': '0' }),
        json(200, [{ id: 'a' }]),
      ]);
      expect(await adapterWith(fetch).listChannels()).to.deep.equal([{ id: 'a' }]);
      expect(calls).to.have.length(3);
      const flaky = fakeFetch([new TypeError('Failed to fetch'), json(200, [])]);
      await adapterWith(flaky.fetch).listViews();
      expect(flaky.calls).to.have.length(2);
    });

    it('gives up after the last retry with unavailable', async () => {
      const { fetch, calls } = fakeFetch([
        new TypeError('x'),
        new TypeError('x'),
        new TypeError('x'),
        json(200, []),
      ]);
      const error = await rejection(adapterWith(fetch).listAgents());
      expect(error.code).to.equal('unavailable');
      expect(calls).to.have.length(3);
    });

    it('retries sendMessage with the same clientId, and never retries other writes', async () => {
      const message = { id: 'm1', clientId: 'c-1' };
      const send = fakeFetch([new TypeError('connection reset'), json(200, message)]);
      await adapterWith(send.fetch).sendMessage('conv-1', { clientId: 'c-1', text: 'hi', channel: 'custom' });
      expect(send.calls).to.have.length(2);
      expect(send.calls.map((c) => JSON.parse(String(c.init.body)).clientId)).to.deep.equal(['c-1', 'c-1']);
      const write = fakeFetch([apiError(503, 'unavailable', 'busy'), json(200, {})]);
      const error = await rejection(adapterWith(write.fetch).updateTicket('t-1', { priority: 'high' }));
      expect(error.code).to.equal('unavailable');
      expect(write.calls).to.have.length(1);
    });

    it('never retries a 4xx, and keeps its code, message and field errors', async () => {
      const { fetch, calls } = fakeFetch([
        apiError(400, 'invalid', 'Check these fields: Bot token.', { botToken: 'Starts with lc_' }),
      ]);
      const error = await rejection(adapterWith(fetch).getTicket('t-1'));
      expect(calls).to.have.length(1);
      expect(error.code).to.equal('invalid');
      expect(error.message).to.equal('Check these fields: Bot token.');
      expect(error.fieldErrors).to.deep.equal({ botToken: 'Starts with lc_' });
    });

    it('maps statuses to codes when the body is not the protocol’s', async () => {
      const cases: [Response, string][] = [
        [new Response('nope', { status: 401 }), 'unauthorized'],
        [new Response('<html>', { status: 404 }), 'not-found'],
        [new Response('', { status: 409 }), 'conflict'],
        [new Response('<html>bad gateway', { status: 502 }), 'unavailable'],
      ];
      for (const [response, code] of cases) {
        const { fetch } = fakeFetch([response, response.clone(), response.clone()]);
        expect((await rejection(adapterWith(fetch).getContact('c'))).code).to.equal(code);
      }
    });

    it('reports an unreadable success body as unavailable', async () => {
      const { fetch } = fakeFetch([
        new Response('not json', { status: 200 }),
        new Response('x', { status: 200 }),
        new Response('x', { status: 200 }),
      ]);
      expect((await rejection(adapterWith(fetch).listPipelines())).code).to.equal('unavailable');
    });

    it('refuses to be made without a base URL', () => {
      expect(() => new HttpAdapter({ baseUrl: '' })).to.throw(TypeError);
    });
  });

  describe('events', () => {
    /** A response whose SSE body the test writes to. */
    function sseResponse() {
      let controller!: ReadableStreamDefaultController<Uint8Array>;
      const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
      const encoder = new TextEncoder();
      return {
        response: new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } }),
        write: (text: string) => controller.enqueue(encoder.encode(text)),
        end: () => controller.close(),
      };
    }
    const created = (id: number, text: string) =>
      `id: ${id}\nevent: message.created\ndata: ${JSON.stringify({ type: 'message.created', seq: id, message: { id: `m${id}`, text } })}\n\n`;

    it('resumes with Last-Event-ID after a drop, delivering each event once, and reports the connection', async () => {
      const first = sseResponse();
      const second = sseResponse();
      const { fetch, calls } = fakeFetch([first.response, new TypeError('offline'), second.response]);
      const adapter = adapterWith(fetch);
      const events: HelpDeskEvent[] = [];
      const subscription = adapter.events$.subscribe((e) => events.push(e));
      try {
        first.write('retry: 1000\nid: 5\nevent: ready\ndata: {}\n\n');
        // Split mid-event and with CRLF line ends: the parser must not care.
        const chunk = created(6, 'six').replaceAll('\n', '\r\n');
        first.write(chunk.slice(0, 17));
        first.write(chunk.slice(17) + ': keep-alive\n\n' + created(7, 'seven'));
        await waitFor(() => events.length >= 2);
        first.end();
        await waitFor(() => calls.length === 3);
        expect((calls[2]!.init.headers as Record<string, string>)['Last-Event-ID']).to.equal('7');
        second.write('id: 7\nevent: ready\ndata: {}\n\n' + created(7, 'seven again') + created(8, 'eight'));
        await waitFor(() => events.some((e) => e.type === 'message.created' && e.message.id === 'm8'));
        const summary = events.map((e) =>
          e.type === 'connection' ? e.state : e.type === 'message.created' ? e.message.text : e.type,
        );
        expect(summary).to.deep.equal(['six', 'seven', 'reconnecting', 'online', 'eight']);
        expect(adapter.lastEventId).to.equal(8);
      } finally {
        subscription.unsubscribe();
      }
    });

    it('goes offline after repeated failures and online when it reconnects', async () => {
      const stream = sseResponse();
      const { fetch } = fakeFetch([
        new TypeError('x'),
        new TypeError('x'),
        new TypeError('x'),
        stream.response,
      ]);
      const states: string[] = [];
      const subscription = adapterWith(fetch).events$.subscribe(
        (e) => e.type === 'connection' && states.push(e.state),
      );
      try {
        stream.write('id: 1\nevent: ready\ndata: {}\n\n');
        await waitFor(() => states.at(-1) === 'online');
        expect(states).to.deep.equal(['reconnecting', 'offline', 'online']);
      } finally {
        subscription.unsubscribe();
      }
    });

    it('never opens the stream for a subscription ended before the adapter was ready', async () => {
      const { fetch, calls } = fakeFetch([json(200, [])]);
      const adapter = adapterWith(fetch);
      adapter.events$.subscribe().unsubscribe();
      // A request waits for the same workings the stream does: once it is answered, they are there.
      await adapter.listAgents();
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(calls.map((c) => new URL(c.url).pathname)).to.deep.equal(['/api/agents']);
    });

    it('closes the connection when the last subscriber leaves', async () => {
      const stream = sseResponse();
      const { fetch, calls } = fakeFetch([stream.response]);
      const subscription = adapterWith(fetch).events$.subscribe();
      await waitFor(() => calls.length === 1);
      stream.write('id: 1\nevent: ready\ndata: {}\n\n');
      expect(calls[0]!.init.signal!.aborted).to.be.false;
      subscription.unsubscribe();
      expect(calls[0]!.init.signal!.aborted).to.be.true;
    });

    it('stops with unauthorized when the token is refused', async () => {
      const { fetch, calls } = fakeFetch([apiError(401, 'unauthorized', 'Sign in.')]);
      const states: string[] = [];
      const error = await new Promise<unknown>((resolve) =>
        adapterWith(fetch).events$.subscribe({
          next: (e) => e.type === 'connection' && states.push(e.state),
          error: resolve,
        }),
      );
      expect((error as HelpDeskError).code).to.equal('unauthorized');
      expect(states).to.deep.equal(['offline']);
      expect(calls).to.have.length(1);
    });
  });

  describe('uploads', () => {
    const OriginalXhr = globalThis.XMLHttpRequest;
    afterEach(() => {
      globalThis.XMLHttpRequest = OriginalXhr;
    });

    /** A stand-in XMLHttpRequest: reports progress, then answers, unless aborted first. */
    function installFakeXhr(status: number, body: unknown) {
      const sent: { url: string; headers: Record<string, string> }[] = [];
      class FakeXhr {
        upload: { onprogress: ((e: ProgressEvent) => void) | null } = { onprogress: null };
        status = 0;
        responseText = '';
        onload: (() => void) | null = null;
        onerror: (() => void) | null = null;
        onabort: (() => void) | null = null;
        private url = '';
        private headers: Record<string, string> = {};
        private aborted = false;
        open(_method: string, url: string) {
          this.url = url;
        }
        setRequestHeader(name: string, value: string) {
          this.headers[name] = value;
        }
        getResponseHeader() {
          return null;
        }
        abort() {
          this.aborted = true;
          this.onabort?.();
        }
        send(file: File) {
          sent.push({ url: this.url, headers: this.headers });
          setTimeout(() => {
            if (this.aborted) return;
            this.upload.onprogress?.({
              lengthComputable: true,
              loaded: file.size / 2,
              total: file.size,
            } as ProgressEvent);
            setTimeout(() => {
              if (this.aborted) return;
              this.status = status;
              this.responseText = JSON.stringify(body);
              this.onload?.();
            }, 20);
          }, 5);
        }
      }
      globalThis.XMLHttpRequest = FakeXhr as unknown as typeof XMLHttpRequest;
      return sent;
    }

    it('uploads with XMLHttpRequest, reporting progress, with the headers and the name', async () => {
      const attachment = { id: 'u1', kind: 'image', name: 'a.png', mimeType: 'image/png', sizeBytes: 4 };
      const sent = installFakeXhr(201, attachment);
      const progress: number[] = [];
      const file = new File([new Uint8Array(4)], 'a.png', { type: 'image/png' });
      const result = await adapterWith(fakeFetch([]).fetch).uploadAttachment(file, {
        onProgress: (f) => progress.push(f),
      });
      expect(result).to.deep.equal(attachment);
      expect(progress).to.deep.equal([0, 0.5, 1]);
      expect(sent[0]!.url).to.equal('https://desk.test/api/uploads?name=a.png');
      expect(sent[0]!.headers['Authorization']).to.equal('Bearer t');
      expect(sent[0]!.headers['Content-Type']).to.equal('image/png');
    });

    it('cancels with the signal (an AbortError, not a failure)', async () => {
      installFakeXhr(201, {});
      const controller = new AbortController();
      const upload = adapterWith(fakeFetch([]).fetch).uploadAttachment(new File(['abc'], 'a.txt'), {
        signal: controller.signal,
      });
      controller.abort();
      const error = await upload.then(
        () => null,
        (e: unknown) => e,
      );
      expect((error as DOMException).name).to.equal('AbortError');
    });

    it('rejects a refused upload with the server’s code', async () => {
      installFakeXhr(413, { error: { code: 'invalid', message: 'The request is too large.' } });
      const error = await rejection(
        adapterWith(fakeFetch([]).fetch).uploadAttachment(new File(['abc'], 'big.bin')),
      );
      expect(error.code).to.equal('invalid');
      expect(error.message).to.equal('The request is too large.');
    });
  });
});

async function waitFor(check: () => boolean, timeoutMs = 3000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
