// The soak test of issue 8: a desk (a <help-desk-provider> and the <thread-view> the rep has open)
// on a MemoryAdapter wrapped in withFaults at 10% of each fault, 10,000 incoming and outgoing
// messages across 100 conversations. Afterwards every thread shows each message exactly once, in
// seq order, none lost, none stuck as sending; removing the desk leaves no subscription, timer or
// listener behind, and the store's repair bookkeeping returns to its baseline.
//
// What "memory" means here: what can be counted honestly in a page without a forced GC (Chromium
// runs without --expose-gc, and performance.memory is coarse and GC-dependent): the store's live
// subscriptions, the adapter's event subscribers, the store's repair bookkeeping (conversations
// tracked, timers, repairs in flight), timers not yet run, and listeners on window and document.
//
// Seeded throughout (fixture, traffic, fault dice): a failure replays with the same SEED.
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { render } from 'lit';
import { tap } from 'rxjs';

import type { HelpDeskAdapter, HelpDeskEvent } from '../../src/adapters/adapter.js';
import { MemoryAdapter } from '../../src/adapters/memory/index.js';
import { defineElements } from '../../src/elements/registry.js';
import { createFixture, type Fixture } from '../../src/fixtures/index.js';
import { seededRandom } from '../../src/internal/random.js';
import type { Message } from '../../src/model/index.js';
import { HelpDeskStore } from '../../src/state/store.js';
import { type FaultyAdapter, withFaults } from '../../src/testing/index.js';
import { installLeakTracker } from '../helpers/leak-tracker.js';
import { queryAllByRole } from '../helpers/queries.js';

defineElements();

const SEED = 2026;
const CONVERSATIONS = 100;
/** Half incoming, half outgoing: 50 of each per conversation. */
const MESSAGES = 10_000;
const BATCH = 50;
const RATE = 0.1;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls until `check` holds; throws `what` (with the last diagnosis) after `timeoutMs`. */
async function until(check: () => true | string, what: string, timeoutMs: number): Promise<void> {
  const end = performance.now() + timeoutMs;
  for (;;) {
    const result = check();
    if (result === true) return;
    if (performance.now() > end) throw new Error(`Timed out waiting for ${what}: ${result}`);
    await sleep(20);
  }
}

/** 100 conversations the channel can write into and the rep can answer on. */
function soakFixture(): { data: Fixture; ids: string[]; accountOf: Map<string, string> } {
  const data = createFixture({ seed: SEED, conversations: 400, messagesPerConversation: 1 });
  const accounts = new Map(data.accounts.map((a) => [a.id, a]));
  const channels = new Map(data.channels.map((c) => [c.id, c]));
  const usable = data.conversations.filter((c) => {
    const account = c.channelAccountId ? accounts.get(c.channelAccountId) : undefined;
    const channel = account ? channels.get(account.channelId) : undefined;
    return account && account.status !== 'disabled' && channel?.capabilities.outgoingMessages;
  });
  const chosen = usable.slice(0, CONVERSATIONS);
  return {
    data,
    ids: chosen.map((c) => c.id),
    accountOf: new Map(chosen.map((c) => [c.id, c.channelAccountId!])),
  };
}

/** Every operation of the run, shuffled with the seeded dice. */
function schedule(ids: string[], random: () => number) {
  const ops: { conversationId: string; kind: 'in' | 'out'; text: string }[] = [];
  const perKind = MESSAGES / ids.length / 2;
  ids.forEach((conversationId, c) => {
    for (let n = 0; n < perKind; n++) {
      ops.push({ conversationId, kind: 'in', text: `in ${c}.${n}` });
      ops.push({ conversationId, kind: 'out', text: `out ${c}.${n}` });
    }
  });
  for (let i = ops.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [ops[i], ops[j]] = [ops[j]!, ops[i]!];
  }
  return ops;
}

/** The store's unsent messages (pending or failed), all threads. */
function unsent(store: HelpDeskStore): Message[] {
  return Object.values(store.state.messages.threads).flatMap((t) =>
    t.pendingOrder.map((id) => t.pending[id]!),
  );
}

/** What the backend holds for a conversation, oldest first. */
function truthOf(inner: MemoryAdapter, conversationId: string): Promise<Message[]> {
  return inner.listMessages(conversationId, { limit: 1_000_000 }).then((page) => page.items);
}

/** What is wrong with a thread as the store shows it (what <thread-view> renders), or null. */
function threadProblems(store: HelpDeskStore, conversationId: string, truth: Message[]): string | null {
  const thread = store.state.messages.threads[conversationId];
  if (!thread?.loaded) return 'not loaded';
  if (thread.pendingOrder.length > 0) return `${thread.pendingOrder.length} unsent`;
  const shown = thread.ids.map((id) => thread.byId[id]!);
  const ids = shown.map((m) => m.id);
  if (new Set(ids).size !== ids.length) return 'a message shown twice';
  const seqs = shown.map((m) => m.seq);
  if (seqs.some((seq, i) => i > 0 && seq <= seqs[i - 1]!)) return 'out of seq order';
  const missing = truth.filter((m) => !thread.byId[m.id]).map((m) => m.seq);
  if (missing.length > 0) return `missing seqs ${missing.join(',')}`;
  if (shown.length !== truth.length) return `${shown.length} shown, ${truth.length} stored`;
  const wrong = shown.filter((m, i) => m.text !== truth[i]!.text);
  return wrong.length > 0 ? `texts differ at ${wrong.map((m) => m.seq).join(',')}` : null;
}

describe('Soak: 10,000 messages through withFaults', () => {
  it('shows every message of 100 threads exactly once, in seq order, and leaves nothing behind', async function () {
    this.timeout(230_000);
    await setViewport({ width: 1400, height: 900 });
    const random = seededRandom(SEED);
    const { data, ids, accountOf } = soakFixture();
    expect(ids, 'the fixture has 100 usable conversations').to.have.length(CONVERSATIONS);

    const leaks = installLeakTracker();
    try {
      const inner = new MemoryAdapter({ fixture: data });
      const faulty: FaultyAdapter<MemoryAdapter> = withFaults(inner, {
        latencyMs: 0,
        jitterMs: 5,
        dropRate: RATE,
        duplicateRate: RATE,
        reorderRate: RATE,
        failRate: RATE,
        lostResponseRate: RATE,
        failCode: 'unavailable',
        // The hardest reconnect: what was pushed during an outage is gone; the store must fetch it.
        resumeOnReconnect: false,
        seed: SEED,
      });
      // The backend's last event seq per conversation, and the last the store was handed.
      const backendSeq = new Map<string, number>();
      const storeSeq = new Map<string, number>();
      const seqOf = (event: HelpDeskEvent): [string, number] | null =>
        event.type === 'message.created' || event.type === 'message.updated'
          ? [event.message.conversationId, event.seq]
          : event.type === 'conversation.updated'
            ? [event.conversation.id, event.seq]
            : null;
      const record = (into: Map<string, number>) => (event: HelpDeskEvent) => {
        const at = seqOf(event);
        if (at) into.set(at[0], Math.max(into.get(at[0]) ?? 0, at[1]));
      };
      let pushed = 0;
      const backendTap = inner.events$.subscribe((event) => {
        pushed += 1;
        record(backendSeq)(event);
      });
      // What the store was handed per conversation, to explain a failure.
      const trail = new Map<string, string[]>();
      const note = (event: HelpDeskEvent) => {
        const at = seqOf(event);
        if (!at) return;
        const m = 'message' in event ? `m${event.message.seq}` : '';
        if (!trail.has(at[0])) trail.set(at[0], []);
        trail.get(at[0])!.push(`${event.type.split('.')[1]}#${at[1]}${m}`);
      };
      const observed = new Proxy(faulty, {
        get: (target, key) =>
          key === 'events$'
            ? target.events$.pipe(tap(record(storeSeq)), tap(note))
            : Reflect.get(target, key),
      }) as HelpDeskAdapter;

      const store = new HelpDeskStore(observed, {
        storage: null,
        threadSync: { graceMs: 100, retryDelaysMs: [20, 50, 100, 200, 400] },
      });
      const baseline = { subscriptions: store.activeSubscriptions, ...store.syncBacklog };
      void store.start();

      // The desk: a provider and the thread the rep has open. Before the traffic starts the rep
      // opens each of the 100 conversations once, so the store holds all 100 threads and must keep
      // each one whole while it is not on screen.
      const host = await fixture<HTMLElement>(html`<div></div>`);
      render(
        html`<help-desk-provider .store=${store}>
          <thread-view style="display: block; height: 600px"></thread-view>
        </help-desk-provider>`,
        host,
      );
      const view = host.querySelector('thread-view')!;
      const open = async (id: string) => {
        store.selectConversation(id);
        await until(
          () => {
            const thread = store.state.messages.threads[id];
            // As a rep would: a thread that failed to load gets "Try again".
            if (thread?.error)
              for (const b of queryAllByRole(view.shadowRoot!, 'button', 'Try again')) b.click();
            return (thread?.loaded && !thread.loading) || `${id} not loaded`;
          },
          `${id} to load`,
          20_000,
        );
      };
      for (const id of ids) await open(id);

      // Failed sends are retried as the rep would: the Retry button under the message when it is on
      // screen, else the store's retry (what the button calls) for rows scrolled out of view.
      const retries = { clicked: 0, direct: 0 };
      const retryFailed = () => {
        for (const button of queryAllByRole(view.shadowRoot!, 'button', 'Retry')) {
          if (!button.closest('[data-key]')?.getAttribute('data-key')?.startsWith('local:')) continue;
          button.click();
          retries.clicked += 1;
        }
        for (const message of unsent(store)) {
          if (message.status !== 'failed') continue;
          void store.retry(message.conversationId, message.clientId);
          retries.direct += 1;
        }
      };
      const allSent = () =>
        until(
          () => {
            const left = unsent(store);
            if (left.some((m) => m.status === 'failed')) retryFailed();
            return left.length === 0 || `${left.length} unsent`;
          },
          'every send to be confirmed',
          30_000,
        );

      const ops = schedule(ids, random);
      const sentTexts = new Set<string>();
      for (let start = 0; start < ops.length; start += BATCH) {
        // 10% of the batches run during an outage of the real-time connection.
        const outage = random() < RATE;
        if (outage) faulty.disconnect();
        await Promise.all(
          ops.slice(start, start + BATCH).map(async (op) => {
            if (op.kind === 'in') {
              const channelAccountId = accountOf.get(op.conversationId)!;
              await inner.receive({ channelAccountId, conversationId: op.conversationId, text: op.text });
            } else {
              sentTexts.add(op.text);
              await store.send(op.conversationId, { text: op.text });
            }
          }),
        );
        if (outage) faulty.reconnect();
        retryFailed();
        // The rep moves on to another conversation now and then.
        if (random() < 0.2) store.selectConversation(ids[Math.floor(random() * ids.length)]!);
      }
      await allSent();

      // Quiescence: nothing unsent, no repair waiting or on its way, and the state unchanged for
      // longer than the adapter's late pushes (re-order window, delivery receipts) take.
      const quiesce = async () => {
        let last = store.state;
        let since = performance.now();
        await until(
          () => {
            const { timers, repairs } = store.syncBacklog;
            if (store.state !== last || unsent(store).length > 0 || timers > 0 || repairs > 0) {
              if (unsent(store).some((m) => m.status === 'failed')) retryFailed();
              last = store.state;
              since = performance.now();
            }
            return performance.now() - since > 300 || 'still changing';
          },
          'the desk to settle',
          30_000,
        );
      };
      await quiesce();

      const f = faulty.faults;
      console.log(
        `soak: ${MESSAGES} messages; faults ${JSON.stringify(f)}; retries ${JSON.stringify(retries)}`,
      );
      for (const fault of [
        'dropped',
        'duplicated',
        'reordered',
        'failed',
        'lostResponses',
        'disconnects',
      ] as const)
        expect(f[fault], `${fault} faults happened`).to.be.above(0);
      // About 10% of the events that met the dice (those pushed while connected).
      const rolled = pushed - f.missedWhileDisconnected;
      expect(f.dropped / rolled, 'share dropped').to.be.within(0.08, 0.12);
      expect(f.duplicated / (rolled - f.dropped), 'share duplicated').to.be.within(0.08, 0.12);

      const truths = new Map<string, Message[]>();
      for (const id of ids) truths.set(id, await truthOf(inner, id));
      // Each message once at the backend: no retry made a second copy.
      const texts = [...truths.values()].flat().map((m) => m.text);
      for (const text of sentTexts)
        expect(
          texts.filter((t) => t === text),
          text,
        ).to.have.length(1);
      expect(
        texts.filter((t) => t.startsWith('in ') || t.startsWith('out ')),
        'all 10,000 at the backend',
      ).to.have.length(MESSAGES);

      // Every thread the store was told about up to its last event is already repaired. The others
      // lost their last events with nothing after them to reveal it (both pushes of a final incoming
      // message dropped, or an outage): only a reconnect tells the store about those.
      const revealed = ids.filter((id) => storeSeq.get(id) === backendSeq.get(id));
      const early = revealed.flatMap((id) => {
        const problem = threadProblems(store, id, truths.get(id)!);
        return problem ? [`${id}: ${problem}`] : [];
      });
      console.log(`soak: ${revealed.length} threads saw their last event before the final reconnect`);
      // On a failure, what the store was handed for each thread that is wrong, and what it holds.
      for (const problem of early) {
        const id = problem.split(':')[0]!;
        const thread = store.state.messages.threads[id]!;
        const held = thread.ids.map((m) => thread.byId[m]!.seq).join(',');
        console.log(`soak: ${problem}; events ${trail.get(id)?.join(' ')}; thread seqs ${held}`);
      }
      expect(early, 'threads repaired from seq gaps alone').to.deep.equal([]);

      // The final forced disconnect and reconnect, then every thread.
      faulty.disconnect();
      faulty.reconnect();
      await quiesce();
      const problems = ids.flatMap((id) => {
        const problem = threadProblems(store, id, truths.get(id)!);
        return problem ? [`${id}: ${problem}`] : [];
      });
      expect(problems, 'threads that differ from the backend').to.deep.equal([]);

      // What the rep sees, opening each thread in turn: the rows on screen are the newest of the
      // backend's messages, each once, in seq order, numbered out of the thread's full count, none
      // sending. Every 20th thread is also shown whole (the view made tall enough for every row).
      const rowsOf = () =>
        [...view.shadowRoot!.querySelectorAll('[data-rows] > [data-key]')].map((row) => ({
          id: row.getAttribute('data-key')!,
          at: Number(row.querySelector('article')!.getAttribute('aria-posinset')),
          of: Number(row.querySelector('article')!.getAttribute('aria-setsize')),
          text: (row.querySelector('.bubble')?.textContent ?? '').trim(),
          sending: (row.textContent ?? '').includes('Sending…'),
        }));
      for (const [index, id] of ids.entries()) {
        const truth = truths.get(id)!;
        const whole = index % 20 === 0;
        if (whole) view.style.height = `${truth.length * 140}px`;
        await open(id);
        await until(
          () => {
            const shown = rowsOf();
            if (shown.at(-1)?.id !== truth.at(-1)!.id) return `newest row of ${id} not shown`;
            return (
              !whole || shown.length === truth.length || `${shown.length} of ${truth.length} rows of ${id}`
            );
          },
          `the rows of ${id}`,
          10_000,
        );
        const shown = rowsOf();
        const expected = truth.slice(truth.length - shown.length).map((m, i) => ({
          id: m.id,
          at: truth.length - shown.length + i + 1,
          of: truth.length,
          text: m.text.trim(),
          sending: false,
        }));
        expect(shown, id).to.deep.equal(expected);
        if (whole) view.style.height = '600px';
      }
      // Remove the desk, then the host lets go of its store and adapter.
      expect(store.activeSubscriptions).to.be.above(baseline.subscriptions);
      render(html``, host);
      host.remove();
      await until(
        () =>
          store.activeSubscriptions === baseline.subscriptions ||
          `${store.activeSubscriptions} subscriptions`,
        'the subscriptions to end',
        5_000,
      );
      store.dispose();
      expect(faulty.subscribers, "subscribers to the adapter's events").to.equal(0);
      // A repair whose request is on its way ends when the answer comes, changing nothing.
      const { tracked, timers, repairs } = baseline;
      await until(
        () =>
          JSON.stringify(store.syncBacklog) === JSON.stringify({ tracked, timers, repairs }) ||
          JSON.stringify(store.syncBacklog),
        "the store's repair bookkeeping to return to its baseline",
        5_000,
      );
      backendTap.unsubscribe();
      inner.dispose();
      // Timers already running finish (the adapter's delivery receipts, a repair's retry wait); none
      // may be left after the longest of them.
      await leaks.waitUntil(
        () => leaks.liveIntervals === 0 && leaks.pendingCallbacks === 0,
        'no timer or frame left',
      );
      expect(leaks.globalListeners(), 'listeners on window and document').to.deep.equal([]);
    } finally {
      leaks.uninstall();
    }
  });
});
