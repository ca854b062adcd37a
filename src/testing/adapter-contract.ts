// The adapter contract as one test suite, run on every adapter: same inputs, same observable
// results. It depends on no test framework: pass the runner's describe/it (mocha's globals are
// the default), so it runs in the browser (web-test-runner) and in Node (node --test) alike.
import { Subject } from 'rxjs';

import type { HelpDeskAdapter, HelpDeskEvent } from '../adapters/adapter.js';
import { HelpDeskError } from '../adapters/errors.js';
import { MemoryAdapter } from '../adapters/memory/index.js';
import { createFixture, type FixtureOptions } from '../fixtures/index.js';
import type { Conversation, IncomingMessage, Message } from '../model/index.js';
import { HelpDeskStore } from '../state/store.js';

/** What the suite needs of a backend besides the adapter. */
export interface ContractTarget {
  adapter: HelpDeskAdapter;
  /** The external channel publishes a message (idempotent by `externalId`). */
  publish(incoming: IncomingMessage & { externalId: string }): Promise<void>;
  /** Drops the real-time connection mid-way, as a network or proxy would. */
  dropConnection(): Promise<void> | void;
  /** Lets the connection come back, for backends that don't reconnect on their own. */
  restoreConnection?(): Promise<void> | void;
  /** Makes the next sendMessage's answer get lost after the backend handled it (HTTP only). */
  loseNextSendResponse?(): void;
  /** The channel's webhook receiver (backends that deliver replies to a channel). */
  webhook?: {
    /** Answers the next `n` deliveries with an error. */
    failNext(n: number): void;
    /** The message ids the receiver acknowledged, once per acknowledged delivery. */
    acknowledged(): string[];
    /** Points `accountId`'s webhook at the receiver. */
    attach(accountId: string): Promise<void>;
  };
  dispose(): Promise<void> | void;
}

export interface TestApi {
  describe(name: string, run: () => void): unknown;
  it(name: string, run: () => Promise<void>): unknown;
}

/** Options of the suite: the conversation it works in must be on an active account whose channel takes replies. */
export interface ContractOptions {
  accountId?: string;
  timeoutMs?: number;
}

function fail(message: string): never {
  throw new Error(message);
}
const equal = (actual: unknown, expected: unknown, what: string) => {
  if (JSON.stringify(actual) !== JSON.stringify(expected))
    fail(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
};
const ok = (value: unknown, what: string) => value || fail(what);

async function rejectsWith(run: () => Promise<unknown>, code: string, what: string): Promise<HelpDeskError> {
  try {
    await run();
  } catch (error) {
    if (!(error instanceof HelpDeskError))
      fail(`${what}: rejected with ${String(error)}, not a HelpDeskError`);
    equal(error.code, code, `${what}: error code`);
    return error;
  }
  return fail(`${what}: resolved, expected a rejection with ${code}`);
}

/** Polls `check` until it returns a truthy value. */
export async function waitFor<T>(
  check: () => T | undefined | null | false,
  what: string,
  timeoutMs = 5000,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > end) fail(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const defaultApi = (): TestApi => globalThis as unknown as TestApi;

/**
 * Defines the contract suite for one adapter. `makeTarget` gives a fresh backend per test.
 *
 * @example
 * describeAdapterContract('MemoryAdapter', () => memoryTarget());
 */
export function describeAdapterContract(
  name: string,
  makeTarget: () => Promise<ContractTarget>,
  api: TestApi = defaultApi(),
  options: ContractOptions = {},
): void {
  const accountId = options.accountId ?? 'acc-lumen';
  const timeoutMs = options.timeoutMs ?? 5000;
  const withTarget = (run: (t: ContractTarget) => Promise<void>) => async () => {
    const target = await makeTarget();
    try {
      await run(target);
    } finally {
      await target.dispose();
    }
  };
  const conversationOn = async (adapter: HelpDeskAdapter): Promise<Conversation> => {
    const page = await adapter.listConversations({
      limit: 1,
      filters: { channelAccountId: accountId, status: 'all' },
    });
    return page.items[0] ?? fail(`No conversation on ${accountId}`);
  };
  let serial = 0;
  const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${++serial}`;

  api.describe(`adapter contract: ${name}`, () => {
    api.it(
      'reads the desk: channels, accounts, people, pipelines, views, insertables',
      withTarget(async ({ adapter }) => {
        ok((await adapter.listChannels()).length > 0, 'channels');
        ok(
          (await adapter.listAccounts()).some((a) => a.id === accountId),
          'the account',
        );
        ok((await adapter.listAgents()).length > 0, 'agents');
        ok((await adapter.listTeams()).length > 0, 'teams');
        ok((await adapter.listPipelines())[0]?.stages.length, 'pipeline stages');
        ok(Array.isArray(await adapter.listViews()), 'views');
        ok((await adapter.getCurrentAgent()).id, 'current agent');
        const snippets = await adapter.searchInsertables('snippet', '');
        ok(snippets.length > 0 && snippets.every((s) => s.kind === 'snippet'), 'snippets only');
      }),
    );

    api.it(
      'pages conversations newest first and messages oldest first, without overlap',
      withTarget(async ({ adapter }) => {
        const first = await adapter.listConversations({ limit: 4 });
        equal(first.items.length, 4, 'first page size');
        ok(first.nextCursor, 'a next cursor');
        const second = await adapter.listConversations({ limit: 4, cursor: first.nextCursor });
        const ids = [...first.items, ...second.items].map((c) => c.id);
        equal(new Set(ids).size, ids.length, 'no conversation on two pages');
        const at = (c: Conversation) => c.lastMessage?.at ?? c.createdAt;
        const all = [...first.items, ...second.items];
        ok(
          all.every((c, i) => i === 0 || at(all[i - 1]!) >= at(c)),
          'newest activity first',
        );
        const conversation = first.items[0]!;
        const page = await adapter.listMessages(conversation.id, { limit: 3 });
        ok(
          page.items.every((m, i) => i === 0 || page.items[i - 1]!.seq < m.seq),
          'oldest first within a page',
        );
        if (page.nextCursor) {
          const older = await adapter.listMessages(conversation.id, { limit: 3, before: page.nextCursor });
          ok(
            older.items.every((m) => m.seq < page.items[0]!.seq),
            'the next page is older',
          );
        }
      }),
    );

    api.it(
      'rejects with HelpDeskError codes: not-found, invalid with field errors',
      withTarget(async ({ adapter }) => {
        await rejectsWith(() => adapter.getTicket('no-such-ticket'), 'not-found', 'unknown ticket');
        await rejectsWith(
          () => adapter.listMessages('no-such-conversation', { limit: 5 }),
          'not-found',
          'unknown conversation',
        );
        const conversation = await conversationOn(adapter);
        const empty = await rejectsWith(
          () =>
            adapter.sendMessage(conversation.id, {
              clientId: unique('empty'),
              text: '  ',
              channel: 'custom',
            }),
          'invalid',
          'empty reply',
        );
        ok(empty.fieldErrors['text'], 'a field error on text');
        const pipeline = (await adapter.listPipelines())[0]!;
        const strict = pipeline.stages.find((s) => s.requiredProperties.length > 0)!;
        const ticket = (
          await adapter.listConversations({ limit: 50, filters: { status: 'all' } })
        ).items.find((c) => c.ticketId);
        if (ticket?.ticketId) {
          const current = await adapter.getTicket(ticket.ticketId);
          const cleared = Object.fromEntries(strict.requiredProperties.map((p) => [p, null]));
          if (current.stageId !== strict.id) {
            const error = await rejectsWith(
              () => adapter.updateTicket(current.id, { stageId: strict.id, properties: cleared }),
              'invalid',
              'missing required properties',
            );
            ok(
              strict.requiredProperties.every((p) => error.fieldErrors[p]),
              'field errors name the required properties',
            );
          }
        }
      }),
    );

    api.it(
      'sends idempotently: the same clientId, retried, is one message',
      withTarget(async (target) => {
        const { adapter } = target;
        const conversation = await conversationOn(adapter);
        const clientId = unique('send');
        const draft = { clientId, text: 'Retried reply', channel: 'custom' as const };
        target.loseNextSendResponse?.();
        const [a, b] = await Promise.all([
          adapter.sendMessage(conversation.id, draft),
          adapter.sendMessage(conversation.id, draft),
        ]);
        const c = await adapter.sendMessage(conversation.id, draft);
        equal([b.id, c.id], [a.id, a.id], 'the same message each time');
        equal(a.clientId, clientId, 'the clientId is kept');
        const page = await adapter.listMessages(conversation.id, { limit: 50 });
        equal(page.items.filter((m) => m.clientId === clientId).length, 1, 'the message in the thread');
      }),
    );

    api.it(
      'delivers events to the store exactly once across a dropped connection',
      withTarget(async (target) => {
        const { adapter } = target;
        const conversation = await conversationOn(adapter);
        const seen = new Map<string, number>();
        const counting = adapter.events$.subscribe((event: HelpDeskEvent) => {
          if (event.type === 'message.created')
            seen.set(event.message.id, (seen.get(event.message.id) ?? 0) + 1);
        });
        const store = new HelpDeskStore(adapter, { storage: null });
        try {
          equal((await store.start()).ok, true, 'the store starts');
          await store.loadMessages(conversation.id);
          const threadKey = conversation.externalThreadId ?? conversation.id;
          const texts = ['before the drop', 'while dropped 1', 'while dropped 2', 'after the drop'];
          const publish = (text: string) =>
            target.publish({
              channelAccountId: accountId,
              conversationId: conversation.id,
              threadId: threadKey,
              externalId: unique('ext'),
              text,
            });
          const shown = (text: string) =>
            store.state.messages.threads[conversation.id]?.ids.some(
              (id) => store.state.messages.threads[conversation.id]!.byId[id]!.text === text,
            );
          await publish(texts[0]!);
          await waitFor(() => shown(texts[0]!), 'the first message in the store', timeoutMs);
          await target.dropConnection();
          await publish(texts[1]!);
          await publish(texts[2]!);
          await target.restoreConnection?.();
          await publish(texts[3]!);
          await waitFor(() => texts.every(shown), 'every message in the store', timeoutMs);
          const thread = store.state.messages.threads[conversation.id]!;
          const messages: Message[] = thread.ids.map((id) => thread.byId[id]!);
          for (const text of texts)
            equal(messages.filter((m) => m.text === text).length, 1, `"${text}" once in the thread`);
          ok(
            messages.every((m, i) => i === 0 || messages[i - 1]!.seq < m.seq),
            'the thread in order',
          );
          for (const m of messages.filter((x) => texts.includes(x.text)))
            equal(seen.get(m.id), 1, `message.created of "${m.text}" delivered once`);
        } finally {
          store.dispose();
          counting.unsubscribe();
        }
      }),
    );

    api.it(
      'shows a message the channel published twice only once',
      withTarget(async (target) => {
        const { adapter } = target;
        const conversation = await conversationOn(adapter);
        const externalId = unique('dup');
        const incoming = {
          channelAccountId: accountId,
          conversationId: conversation.id,
          externalId,
          text: 'Published twice',
        };
        await target.publish(incoming);
        await target.publish(incoming);
        const page = await adapter.listMessages(conversation.id, { limit: 50 });
        equal(page.items.filter((m) => m.text === 'Published twice').length, 1, 'the message in the thread');
      }),
    );

    api.it(
      'delivers a reply once to a webhook that fails twice, then acknowledges',
      withTarget(async (target) => {
        if (!target.webhook) return; // This backend has no channel webhook (MemoryAdapter).
        const { adapter, webhook } = target;
        await webhook.attach(accountId);
        const conversation = await conversationOn(adapter);
        webhook.failNext(2);
        const message = await adapter.sendMessage(conversation.id, {
          clientId: unique('hook'),
          text: 'Through the webhook',
          channel: 'custom',
        });
        await waitFor(
          () => webhook.acknowledged().includes(message.id),
          'the acknowledged delivery',
          timeoutMs,
        );
        // Once acknowledged the reply reads as sent, and is never delivered again.
        let stored: Message | undefined;
        const end = Date.now() + timeoutMs;
        while (stored?.status !== 'sent' && Date.now() < end) {
          stored = (await adapter.listMessages(conversation.id, { limit: 50 })).items.find(
            (m) => m.id === message.id,
          );
          if (stored?.status !== 'sent') await new Promise((resolve) => setTimeout(resolve, 20));
        }
        equal(stored?.status, 'sent', 'the reply is sent');
        equal(webhook.acknowledged().filter((id) => id === message.id).length, 1, 'acknowledged once');
      }),
    );
  });
}

/**
 * The contract's target on the MemoryAdapter. The connection is cut by a gate in front of its
 * events: held while "dropped", then delivered once, as a resume would. (withFaults holds each
 * event once per subscriber and then hands every subscriber all copies, so with two subscribers
 * it delivers duplicates; the gate avoids that.)
 */
export async function memoryTarget(
  fixture: FixtureOptions = { seed: 7, conversations: 30 },
): Promise<ContractTarget> {
  const inner = new MemoryAdapter({ fixture: createFixture(fixture) });
  const out = new Subject<HelpDeskEvent>();
  let connected = true;
  const held: HelpDeskEvent[] = [];
  const feed = inner.events$.subscribe((event) => (connected ? out.next(event) : held.push(event)));
  const adapter = new Proxy(inner, {
    get: (target, key) => {
      if (key === 'events$') return out.asObservable();
      const value = Reflect.get(target, key) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return {
    adapter,
    publish: async (incoming) => void (await inner.receive(incoming)),
    dropConnection: () => {
      connected = false;
      out.next({ type: 'connection', state: 'reconnecting' });
    },
    restoreConnection: () => {
      connected = true;
      out.next({ type: 'connection', state: 'online' });
      held.splice(0).forEach((event) => out.next(event));
    },
    dispose: () => {
      feed.unsubscribe();
      inner.dispose();
    },
  };
}
