import { expect } from '@open-wc/testing';
import fc from 'fast-check';

import type { HelpDeskEvent } from '../../src/adapters/adapter.js';
import type { Conversation, DeliveryStatus, Message } from '../../src/model/index.js';
import { applyEvent, type HelpDeskState, initialState } from '../../src/state/state.js';
import { HelpDeskStore } from '../../src/state/store.js';
import { conversation, FakeAdapter, latest, message } from './fake-adapter.js';

const CONVERSATIONS = ['c1', 'c2', 'c3'] as const;

type Op =
  | { kind: 'create'; conv: string; text: string }
  | { kind: 'update'; conv: string; pick: number; status: DeliveryStatus }
  | { kind: 'conversation'; conv: string; unread: number; preview: string };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('create' as const),
    conv: fc.constantFrom(...CONVERSATIONS),
    text: fc.string({ maxLength: 4 }),
  }),
  fc.record({
    kind: fc.constant('update' as const),
    conv: fc.constantFrom(...CONVERSATIONS),
    pick: fc.nat(9),
    status: fc.constantFrom<DeliveryStatus>('sent', 'delivered', 'read', 'failed'),
  }),
  fc.record({
    kind: fc.constant('conversation' as const),
    conv: fc.constantFrom(...CONVERSATIONS),
    unread: fc.nat(5),
    preview: fc.string({ maxLength: 4 }),
  }),
);

/** Plays operations the way a backend would: full entities, a monotonic seq per conversation. */
function backend(ops: readonly Op[]): HelpDeskEvent[] {
  const seq: Record<string, number> = {};
  const messages: Record<string, Message[]> = {};
  const events: HelpDeskEvent[] = [];
  for (const op of ops) {
    const next = (seq[op.conv] = (seq[op.conv] ?? 0) + 1);
    const list = (messages[op.conv] ??= []);
    if (op.kind === 'create') {
      const created = message(`${op.conv}-m${list.length + 1}`, op.conv, list.length + 1, { text: op.text });
      list.push(created);
      events.push({ type: 'message.created', seq: next, message: created });
    } else if (op.kind === 'update' && list.length > 0) {
      const index = op.pick % list.length;
      const updated = { ...list[index]!, status: op.status };
      list[index] = updated;
      events.push({ type: 'message.updated', seq: next, message: updated });
    } else if (op.kind === 'conversation') {
      const updated: Conversation = conversation(op.conv, {
        unreadCount: op.unread,
        lastMessage: {
          preview: op.preview,
          at: new Date(Date.UTC(2024, 0, 1, 0, next)).toISOString(),
          direction: 'incoming',
        },
      });
      events.push({ type: 'conversation.updated', seq: next, conversation: updated });
    }
  }
  return events;
}

/** The part of the state events decide: entities and each thread's order. */
function outcome(state: HelpDeskState) {
  const threads: Record<string, { ids: readonly string[]; byId: Record<string, Message> }> = {};
  for (const [id, thread] of Object.entries(state.messages.threads)) {
    threads[id] = { ids: thread.ids, byId: { ...thread.byId } };
  }
  return { conversations: { ...state.conversations.byId }, threads };
}

const play = (events: readonly HelpDeskEvent[]) => events.reduce(applyEvent, initialState());

/** The events, and the same events shuffled with some of them delivered twice. */
const scenario = fc
  .array(opArb, { maxLength: 40 })
  .map(backend)
  .chain((events) =>
    fc
      .subarray(events)
      .chain((again) =>
        fc.tuple(
          fc.constant(events),
          fc.shuffledSubarray([...events, ...again], { minLength: events.length + again.length }),
        ),
      ),
  );

describe('HelpDeskStore events (properties)', () => {
  it('ends in the same state whatever the order of the events', () => {
    fc.assert(
      fc.property(
        fc
          .array(opArb, { maxLength: 40 })
          .map(backend)
          .chain((events) =>
            fc.tuple(fc.constant(events), fc.shuffledSubarray(events, { minLength: events.length })),
          ),
        ([inOrder, shuffled]) => {
          expect(outcome(play(shuffled))).to.deep.equal(outcome(play(inOrder)));
        },
      ),
    );
  });

  it('ends in the same state when events arrive twice, in any order', () => {
    fc.assert(
      fc.property(scenario, ([inOrder, messy]) => {
        expect(outcome(play(messy))).to.deep.equal(outcome(play(inOrder)));
      }),
    );
  });

  it('changes nothing when an event is seen a second time', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 30 }).map(backend), (events) => {
        let state = initialState();
        for (const event of events) {
          state = applyEvent(state, event);
          expect(applyEvent(state, event)).to.equal(state);
        }
      }),
    );
  });

  it('shows each message once, in seq order, through the store', () => {
    fc.assert(
      fc.property(scenario, ([inOrder, messy]) => {
        const adapter = new FakeAdapter();
        const store = new HelpDeskStore(adapter, { storage: null });
        store.connect();
        messy.forEach((event) => adapter.emit(event));
        for (const id of CONVERSATIONS) {
          const expected = outcome(play(inOrder)).threads[id];
          const shown = latest(store.thread$(id)).messages;
          expect(shown.map((m) => m.id)).to.deep.equal(expected?.ids ?? []);
          expect(shown.map((m) => m.seq)).to.deep.equal([...shown.map((m) => m.seq)].sort((a, b) => a - b));
          expect(shown).to.deep.equal((expected?.ids ?? []).map((m) => expected!.byId[m]));
        }
        store.dispose();
        expect(adapter.subscribers).to.equal(0);
      }),
      { numRuns: 50 },
    );
  });
});
