import { expect } from '@open-wc/testing';

import type { HelpDeskEvent } from '../../src/adapters/adapter.js';
import { HelpDeskError } from '../../src/adapters/errors.js';
import { MemoryAdapter } from '../../src/adapters/memory/index.js';
import { createFixture } from '../../src/fixtures/index.js';
import { withFaults } from '../../src/testing/index.js';
import { waitFor } from '../helpers/thread-view-dom.js';

function setUp(options: Parameters<typeof withFaults>[1]) {
  const fixture = createFixture({ seed: 3, conversations: 5 });
  const inner = new MemoryAdapter({ fixture });
  const adapter = withFaults(inner, options);
  const conversation = fixture.conversations[0]!;
  const arrive = (text: string) =>
    inner.receive({
      channelAccountId: conversation.channelAccountId!,
      conversationId: conversation.id,
      text,
    });
  const seen: HelpDeskEvent[] = [];
  const listen = () => adapter.events$.subscribe((event) => seen.push(event));
  return { adapter, inner, arrive, conversation, seen, listen };
}

/** Texts of the message events a subscriber saw, in order. */
function messageTexts(events: HelpDeskEvent[]): string[] {
  return events.flatMap((event) => (event.type === 'message.created' ? [event.message.text] : []));
}

/** Runs `body` with setTimeout recording the delays asked for (the timers still run). */
async function recordingDelays(body: () => Promise<unknown>): Promise<number[]> {
  const delays: number[] = [];
  const original = window.setTimeout;
  window.setTimeout = ((handler: TimerHandler, ms?: number, ...rest: unknown[]) => {
    delays.push(ms ?? 0);
    return original(handler, ms, ...rest);
  }) as typeof window.setTimeout;
  try {
    await body();
  } finally {
    window.setTimeout = original;
  }
  return delays;
}

describe('withFaults', () => {
  describe('Latency and jitter', () => {
    it('delays every call by the latency plus a seeded share of the jitter', async () => {
      const { adapter } = setUp({ latencyMs: 20, jitterMs: 10, seed: 5 });
      const delays = await recordingDelays(async () => {
        for (let i = 0; i < 20; i++) await adapter.listTeams();
      });
      expect(delays).to.have.length(20);
      for (const ms of delays) expect(ms).to.be.within(20, 30);
      expect(new Set(delays).size, 'jitter varies the delay').to.be.above(10);
      const again = setUp({ latencyMs: 20, jitterMs: 10, seed: 5 }).adapter;
      const replayed = await recordingDelays(async () => {
        for (let i = 0; i < 20; i++) await again.listTeams();
      });
      expect(replayed, 'the same seed replays the same delays').to.deep.equal(delays);
    });

    it('answers at once without latency', async () => {
      const { adapter } = setUp({});
      const delays = await recordingDelays(() => adapter.listTeams());
      expect(delays).to.deep.equal([]);
    });
  });

  describe('Failing calls', () => {
    it('fails the chosen methods with the chosen code', async () => {
      const { adapter } = setUp({ failRate: 1, failCode: 'conflict', failMethods: ['listAgents'] });
      const error = await adapter.listAgents().catch((e: unknown) => e);
      expect(error).to.be.instanceOf(HelpDeskError);
      expect((error as HelpDeskError).code).to.equal('conflict');
      expect(await adapter.listTeams()).to.be.an('array');
      expect(adapter.faults.failed).to.equal(1);
    });

    it('fails about the given share of calls, the same ones for the same seed', async () => {
      const outcomes = async (seed: number) => {
        const { adapter } = setUp({ failRate: 0.1, seed });
        const results: boolean[] = [];
        for (let i = 0; i < 500; i++)
          results.push(
            await adapter.listTeams().then(
              () => true,
              () => false,
            ),
          );
        return results;
      };
      const first = await outcomes(11);
      const failures = first.filter((ok) => !ok).length;
      expect(failures).to.be.within(25, 75);
      expect(await outcomes(11)).to.deep.equal(first);
      expect(await outcomes(12)).not.to.deep.equal(first);
    });

    it('can lose the answer of a call that took effect, and a retry with the same clientId gets the same message', async () => {
      const { adapter, inner, conversation } = setUp({ lostResponseRate: 1, failMethods: ['sendMessage'] });
      const draft = { clientId: 'client-lost-1', text: 'Are you there?', channel: 'custom' as const };
      const error = await adapter.sendMessage(conversation.id, draft).catch((e: unknown) => e);
      expect((error as HelpDeskError).code).to.equal('unavailable');
      expect(adapter.faults.lostResponses).to.equal(1);
      const stored = await inner.listMessages(conversation.id, { limit: 1 });
      expect(stored.items[0]!.clientId, 'the backend has it').to.equal('client-lost-1');
      const again = await inner.sendMessage(conversation.id, draft);
      expect(again.id).to.equal(stored.items[0]!.id);
    });
  });

  describe('Events', () => {
    it('drops and duplicates every event at rate 1', async () => {
      const dropped = setUp({ dropRate: 1 });
      dropped.listen();
      await dropped.arrive('one');
      expect(messageTexts(dropped.seen)).to.deep.equal([]);
      expect(dropped.adapter.faults.dropped).to.be.above(0);

      const doubled = setUp({ duplicateRate: 1 });
      doubled.listen();
      await doubled.arrive('two');
      expect(messageTexts(doubled.seen)).to.deep.equal(['two', 'two']);
    });

    it('drops, duplicates and re-orders about the given share of events', async () => {
      const { adapter, arrive, seen, listen } = setUp({
        dropRate: 0.1,
        duplicateRate: 0.1,
        reorderRate: 0.1,
        seed: 9,
      });
      listen();
      const texts = Array.from({ length: 300 }, (_, i) => `m${i}`);
      for (const text of texts) await arrive(text);
      // An event held with nothing after it comes out after the re-order window.
      await new Promise((resolve) => setTimeout(resolve, 50));
      const got = messageTexts(seen);
      const unique = new Set(got);
      // Each arrival is two events (message.created, conversation.updated): about 600 dice per fault.
      expect(adapter.faults.dropped).to.be.within(30, 90);
      expect(adapter.faults.duplicated).to.be.within(30, 90);
      expect(adapter.faults.reordered).to.be.within(30, 90);
      expect(unique.size).to.be.below(texts.length);
      expect(got.length).to.be.above(unique.size);
      const seqs = seen.flatMap((e) => ('seq' in e ? [e.seq] : []));
      const inOrder = seqs.every((seq, i) => i === 0 || seq >= seqs[i - 1]!);
      expect(inOrder, 'some events arrive out of order').to.be.false;
    });

    it('swaps a held event with the next one', async () => {
      const { arrive, seen, listen } = setUp({ reorderRate: 1 });
      listen();
      await arrive('first');
      // message.created(first) was held; conversation.updated came next and went out ahead of it.
      const types = seen.map((event) => event.type);
      expect(types.slice(0, 2)).to.deep.equal(['conversation.updated', 'message.created']);
    });

    it('delivers a held event late when nothing follows it', async () => {
      const { adapter, conversation, seen, listen } = setUp({ reorderRate: 1, reorderWindowMs: 5 });
      listen();
      // markRead pushes one conversation.updated; it is held, and nothing comes after it.
      await adapter.inner.markRead(conversation.id);
      expect(seen).to.have.length(0);
      await waitFor(() => seen.length === 1, 'the late event');
      expect(seen[0]!.type).to.equal('conversation.updated');
    });
  });

  describe('Subscribers', () => {
    it('counts the live subscribers to events$, back to zero when they let go', () => {
      const { adapter } = setUp({ reorderRate: 1 });
      expect(adapter.subscribers).to.equal(0);
      const a = adapter.events$.subscribe();
      const b = adapter.events$.subscribe();
      expect(adapter.subscribers).to.equal(2);
      a.unsubscribe();
      b.unsubscribe();
      expect(adapter.subscribers).to.equal(0);
    });
  });

  describe('Disconnect and reconnect', () => {
    it('holds events while disconnected and gives each subscriber each of them once on reconnect', async () => {
      const { adapter, arrive } = setUp({});
      const first: HelpDeskEvent[] = [];
      const second: HelpDeskEvent[] = [];
      adapter.events$.subscribe((event) => first.push(event));
      adapter.events$.subscribe((event) => second.push(event));
      adapter.disconnect();
      expect(first.at(-1)).to.deep.equal({ type: 'connection', state: 'reconnecting' });
      await arrive('while away');
      expect(messageTexts(first)).to.deep.equal([]);
      adapter.reconnect();
      expect(messageTexts(first)).to.deep.equal(['while away']);
      expect(messageTexts(second)).to.deep.equal(['while away']);
      expect(first.some((event) => event.type === 'connection' && event.state === 'online')).to.be.true;
      expect(adapter.faults.disconnects).to.equal(1);
    });

    it('loses the events of the outage when the reconnect does not resume', async () => {
      const { adapter, arrive, seen, listen } = setUp({ resumeOnReconnect: false });
      listen();
      adapter.disconnect();
      await arrive('lost');
      adapter.reconnect();
      await arrive('after');
      expect(messageTexts(seen)).to.deep.equal(['after']);
      expect(adapter.faults.missedWhileDisconnected).to.equal(2);
      const states = seen.flatMap((e) => (e.type === 'connection' ? [e.state] : []));
      expect(states).to.deep.equal(['reconnecting', 'online']);
    });
  });
});
