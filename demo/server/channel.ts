// The channel simulator: plays the external messaging service of a custom channel.
//
//   npm run channel -- send "Hello!" [--from "Sam Rivera"] [--account acc-lumen] [--thread t-1]
//       publishes an incoming message and exits once the server has accepted it;
//   npm run channel -- listen [--account acc-lumen] [--port 8790]
//       runs a webhook receiver that checks each reply's signature, prints it, acknowledges it
//       and reports it delivered, so a reply typed in the desk can be watched arriving.
//
// It reads HELPDESK_API_URL (default http://127.0.0.1:8787/api) and HELPDESK_AGENT_TOKEN (default
// the dev token) to look up the account's publish token and signing secret.
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';

import type { ChannelAccount, ChannelDefinition, Message } from '../../src/model/index.js';
import { DEV_AGENT_TOKEN } from './config.js';

const API = (process.env['HELPDESK_API_URL'] ?? 'http://127.0.0.1:8787/api').replace(/\/+$/, '');
const TOKEN = process.env['HELPDESK_AGENT_TOKEN'] || DEV_AGENT_TOKEN;

interface Integration {
  accountId: string;
  webhookUrl: string | null;
  publishToken: string;
  signingSecret: string;
}

async function call<T>(path: string, init: RequestInit & { token?: string } = {}): Promise<T> {
  const { token = TOKEN, ...rest } = init;
  const headers: Record<string, string> = { Authorization: `Bearer ${token}` };
  if (rest.body) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(`${API}${path}`, { ...rest, headers });
  } catch {
    throw new Error(
      `Can't reach the help desk at ${API}. Start it with \`npm run server\` (or set HELPDESK_API_URL).`,
    );
  }
  const body = (await response.json().catch(() => ({}))) as T & { error?: { message: string } };
  if (!response.ok) throw new Error(`${response.status}: ${body.error?.message ?? 'request failed'}`);
  return body;
}

function option(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
}

async function pickAccounts(
  id: string | undefined,
): Promise<{ account: ChannelAccount; channel: ChannelDefinition }[]> {
  const [accounts, channels] = await Promise.all([
    call<ChannelAccount[]>('/accounts'),
    call<ChannelDefinition[]>('/channels'),
  ]);
  const active = accounts.filter((a) => (id ? a.id === id : a.status === 'active'));
  if (active.length === 0) throw new Error(id ? `No channel account "${id}".` : 'No active channel account.');
  return active.map((account) => ({ account, channel: channels.find((c) => c.id === account.channelId)! }));
}

async function send(argv: string[]): Promise<void> {
  const text = argv.find((a, i) => !a.startsWith('--') && !argv[i - 1]?.startsWith('--'));
  if (!text)
    throw new Error(
      'Usage: npm run channel -- send "<text>" [--from <name>] [--account <id>] [--thread <id>]',
    );
  const [{ account, channel }] = await pickAccounts(option(argv, 'account'));
  const name = option(argv, 'from') ?? 'Sam Rivera';
  const slug =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '.')
      .replace(/^\.|\.$/g, '') || 'sender';
  const byThread = channel!.capabilities.threadingModel === 'integration-thread';
  // A delivery-identifier channel threads by address: a phone number for SMS-like channels.
  const address = byThread
    ? `${slug}@simulator.example`
    : `+1555${String(hash(slug) % 10_000_000).padStart(7, '0')}`;
  const integration = await call<Integration>(`/accounts/${account.id}/integration`);
  const body = {
    externalId: `sim-${randomUUID()}`,
    text,
    from: { name, address },
    ...(byThread ? { threadId: option(argv, 'thread') ?? `simulator-${slug}` } : {}),
  };
  const result = await call<{ message: Message; duplicate: boolean }>(
    `/channel/accounts/${account.id}/messages`,
    {
      method: 'POST',
      token: integration.publishToken,
      body: JSON.stringify(body),
    },
  );
  console.log(
    `Accepted on ${account.name}: message ${result.message.id} in conversation ${result.message.conversationId}.`,
  );
}

function hash(text: string): number {
  let h = 0;
  for (const c of text) h = (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0;
  return h;
}

async function listen(argv: string[]): Promise<void> {
  const port = Number(option(argv, 'port') ?? process.env['HELPDESK_CHANNEL_PORT'] ?? 8790);
  const picked = await pickAccounts(option(argv, 'account'));
  const secrets = new Map<string, Integration>();
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      let payload: { accountId: string; message: Message; deliveryId: string };
      try {
        payload = JSON.parse(raw) as typeof payload;
      } catch {
        return void response.writeHead(400).end();
      }
      const integration = secrets.get(payload.accountId);
      const timestamp = String(request.headers['x-helpdesk-timestamp'] ?? '');
      const expected = Buffer.from(
        `sha256=${createHmac('sha256', integration?.signingSecret ?? '')
          .update(`${timestamp}.${raw}`)
          .digest('hex')}`,
      );
      const given = Buffer.from(String(request.headers['x-helpdesk-signature'] ?? ''));
      if (!integration || expected.length !== given.length || !timingSafeEqual(expected, given)) {
        console.log(`Refused a delivery with a bad signature (${payload.deliveryId}).`);
        return void response.writeHead(401).end();
      }
      response.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}');
      console.log(
        `Reply from ${payload.message.sender.name} in ${payload.message.conversationId}: ${payload.message.text}`,
      );
      // Like a real channel, report the delivery a moment later.
      setTimeout(() => {
        void call(`/channel/accounts/${payload.accountId}/messages/${payload.message.id}/status`, {
          method: 'POST',
          token: integration.publishToken,
          body: JSON.stringify({ status: 'delivered' }),
        }).catch((error: unknown) => console.error(String(error)));
      }, 300);
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${port}/webhook`;
  for (const { account } of picked) {
    secrets.set(
      account.id,
      await call<Integration>(`/accounts/${account.id}/integration`, {
        method: 'PUT',
        body: JSON.stringify({ webhookUrl: url }),
      }),
    );
  }
  console.log(
    `Webhook receiver at ${url} for ${picked.map((p) => p.account.name).join(', ')}. Ctrl+C to stop.`,
  );
  const stop = async () => {
    for (const { account } of picked) {
      await call(`/accounts/${account.id}/integration`, {
        method: 'PUT',
        body: JSON.stringify({ webhookUrl: null }),
      }).catch(() => undefined);
    }
    server.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

const [command, ...rest] = process.argv.slice(2);
const run = command === 'send' ? send : command === 'listen' ? listen : undefined;
if (!run) {
  console.error(
    'Usage: npm run channel -- send "<text>" [--from <name>] [--account <id>] [--thread <id>]\n       npm run channel -- listen [--account <id>] [--port <port>]',
  );
  process.exit(2);
}
run!(rest).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
