// For the Node tests (test/node/server*.test.mjs): the reference server on an ephemeral port with
// SQLite in memory, a webhook receiver that checks signatures, and the contract targets of both
// adapters. Loaded through tsx in one import, so the whole graph shares one copy of each class.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { createServer, type HelpDeskServer, type ServerConfig } from '../../demo/server/app.js';
import { HttpAdapter, type HttpAdapterOptions } from '../../src/adapters/http/index.js';
import { MemoryAdapter } from '../../src/adapters/memory/index.js';
import { createFixture } from '../../src/fixtures/index.js';
import type { ContractTarget } from '../../src/testing/adapter-contract.js';
import { withFaults } from '../../src/testing/index.js';

export { HelpDeskError } from '../../src/adapters/errors.js';
export { HelpDeskStore } from '../../src/state/store.js';
export { describeAdapterContract, memoryTarget, waitFor } from '../../src/testing/adapter-contract.js';
export { createFixture, HttpAdapter, MemoryAdapter, withFaults };

export const AGENT_TOKEN = 'test-agent-token';
export const ORIGIN = 'http://desk.test';
export const FIXTURE = { seed: 7, conversations: 30 };

export interface Running {
  server: HelpDeskServer;
  baseUrl: string;
  close(): Promise<void>;
}

export async function startServer({
  port = 0,
  ...config
}: Partial<ServerConfig> & { port?: number } = {}): Promise<Running> {
  const server = await createServer({
    database: ':memory:',
    corsOrigins: [ORIGIN],
    agentTokens: { [AGENT_TOKEN]: 'agent-1' },
    fixture: FIXTURE,
    validateResponses: true,
    webhooks: { baseDelayMs: 10, maxDelayMs: 50, maxAttempts: 4, timeoutMs: 2000 },
    ...config,
  });
  const baseUrl = await server.listen(port);
  return { server, baseUrl, close: () => server.close() };
}

export function httpAdapter(baseUrl: string, options: Partial<HttpAdapterOptions> = {}): HttpAdapter {
  return new HttpAdapter({
    baseUrl,
    headers: { Authorization: `Bearer ${AGENT_TOKEN}` },
    retry: { baseDelayMs: 5, maxDelayMs: 20 },
    reconnect: { baseDelayMs: 5, maxDelayMs: 50 },
    ...options,
  });
}

// The tests read bodies of many shapes (success and error) and check them with the protocol.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyBody = any;

export async function api(
  baseUrl: string,
  path: string,
  init: RequestInit & { token?: string | null } = {},
): Promise<{ status: number; body: AnyBody; headers: Headers }> {
  const headers = new Headers(init.headers);
  const token = init.token === undefined ? AGENT_TOKEN : init.token;
  if (token) headers.set('Authorization', `Bearer ${token}`);
  if (init.body !== undefined && !headers.has('Content-Type'))
    headers.set('Content-Type', 'application/json');
  const response = await fetch(`${baseUrl}${path}`, { ...init, headers });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON
  }
  return { status: response.status, body, headers: response.headers };
}

export interface Receiver {
  url: string;
  /** Deliveries, in arrival order, with whether the signature held and what was answered. */
  deliveries: { deliveryId: string; messageId: string; signatureValid: boolean; answered: number }[];
  failNext(n: number): void;
  secret: string;
  close(): Promise<void>;
}

/** A channel's webhook receiver: verifies the HMAC signature, fails on demand, then acknowledges. */
export async function startReceiver(secret: string): Promise<Receiver> {
  let failures = 0;
  const receiver: Receiver = {
    url: '',
    deliveries: [],
    failNext: (n) => void (failures = n),
    secret,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  const server: Server = createHttpServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const timestamp = String(request.headers['x-helpdesk-timestamp'] ?? '');
      const expected = Buffer.from(
        `sha256=${createHmac('sha256', receiver.secret).update(`${timestamp}.${body}`).digest('hex')}`,
      );
      const given = Buffer.from(String(request.headers['x-helpdesk-signature'] ?? ''));
      const signatureValid = expected.length === given.length && timingSafeEqual(expected, given);
      const payload = JSON.parse(body) as { deliveryId: string; message: { id: string } };
      const answered = !signatureValid ? 401 : failures > 0 ? 500 : 200;
      if (answered === 500) failures--;
      receiver.deliveries.push({
        deliveryId: payload.deliveryId,
        messageId: payload.message.id,
        signatureValid,
        answered,
      });
      response.writeHead(answered, { 'Content-Type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return receiver;
}

let shared: Promise<Running> | undefined;

/** One server for a whole test file (each test uses its own ids); close it with `closeShared`. */
export function sharedServer(): Promise<Running> {
  return (shared ??= startServer());
}

export async function closeShared(): Promise<void> {
  const running = shared;
  shared = undefined;
  await (await running)?.close();
}

/** The contract's target on the reference server (shared per file) and a fresh HttpAdapter. */
export async function httpTarget(): Promise<ContractTarget> {
  const running = await sharedServer();
  let loseNext = false;
  const fetchThatLoses: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    if (loseNext && init?.method === 'POST' && String(input).endsWith('/messages')) {
      loseNext = false;
      // The server handled it; the answer never arrives.
      await response.body?.cancel();
      throw new TypeError('fetch failed: connection reset');
    }
    return response;
  };
  const adapter = httpAdapter(running.baseUrl, { fetch: fetchThatLoses });
  let receiver: Receiver | undefined;
  return {
    adapter,
    async publish(incoming) {
      const { channelAccountId, ...message } = incoming;
      const integration = await api(running.baseUrl, `/accounts/${channelAccountId}/integration`);
      const result = await api(running.baseUrl, `/channel/accounts/${channelAccountId}/messages`, {
        method: 'POST',
        token: integration.body.publishToken,
        body: JSON.stringify(message),
      });
      if (result.status !== 200 && result.status !== 201)
        throw new Error(`publish: ${result.status} ${JSON.stringify(result.body)}`);
    },
    dropConnection: () => running.server.streams.dropAll(true),
    loseNextSendResponse: () => void (loseNext = true),
    webhook: {
      failNext: (n) => receiver?.failNext(n),
      acknowledged: () =>
        (receiver?.deliveries ?? []).filter((d) => d.answered === 200).map((d) => d.messageId),
      async attach(accountId) {
        const integration = await api(running.baseUrl, `/accounts/${accountId}/integration`);
        receiver = await startReceiver(integration.body.signingSecret);
        await api(running.baseUrl, `/accounts/${accountId}/integration`, {
          method: 'PUT',
          body: JSON.stringify({ webhookUrl: receiver.url }),
        });
      },
    },
    async dispose() {
      if (receiver) {
        await api(running.baseUrl, `/accounts/acc-lumen/integration`, {
          method: 'PUT',
          body: JSON.stringify({ webhookUrl: null }),
        });
        await receiver.close();
      }
    },
  };
}
