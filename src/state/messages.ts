import type { Page } from '../adapters/adapter.js';
import type { HelpDeskError } from '../adapters/errors.js';
import type { Message } from '../model/index.js';
import { emptyRecord, type MapDraft, mapOf, recordOf } from './persistent-map.js';

/** The seq of a local (unconfirmed) message: after every confirmed one, and JSON-safe unlike Infinity. */
export const LOCAL_SEQ = Number.MAX_SAFE_INTEGER;

/**
 * One conversation's messages. `byId` and `eventSeq` are read-only views of persistent maps (see
 * persistent-map.ts), so a message joining a 10,000-message thread does not copy the thread's table.
 */
export interface ThreadState {
  byId: Readonly<Record<string, Message>>;
  /** Confirmed messages, ordered by `Message.seq` (ties by id). */
  ids: readonly string[];
  /** Seq of the last message event applied per message id. */
  eventSeq: Readonly<Record<string, number>>;
  /** Local messages not yet confirmed (pending or failed), by clientId. */
  pending: Readonly<Record<string, Message>>;
  /** The clientIds of `pending` in the order they were written; shown after the confirmed ones. */
  pendingOrder: readonly string[];
  /** Cursor to the next older page. */
  olderCursor: string | null;
  hasOlder: boolean;
  /** Whether the newest page has arrived. */
  loaded: boolean;
  loading: boolean;
  error: HelpDeskError | null;
}

export interface MessagesState {
  threads: Readonly<Record<string, ThreadState>>;
}

export function initialMessages(): MessagesState {
  return { threads: {} };
}

export const EMPTY_THREAD: ThreadState = Object.freeze({
  byId: emptyRecord<Message>(),
  ids: [],
  eventSeq: emptyRecord<number>(),
  pending: {},
  pendingOrder: [],
  olderCursor: null,
  hasOlder: false,
  loaded: false,
  loading: false,
  error: null,
});

function withThread(
  state: MessagesState,
  conversationId: string,
  change: (thread: ThreadState) => ThreadState,
): MessagesState {
  const thread = state.threads[conversationId] ?? EMPTY_THREAD;
  const next = change(thread);
  return next === thread ? state : { threads: { ...state.threads, [conversationId]: next } };
}

function compare(a: Message, b: Message): number {
  return a.seq - b.seq || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Binary search: where `message` goes (or is) in seq order, so joining a 10,000-message thread costs no sort. */
function seqIndex(ids: readonly string[], byId: Pick<MapDraft<Message>, 'get'>, message: Message): number {
  let low = 0;
  let high = ids.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compare(byId.get(ids[mid]!)!, message) < 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * The confirmed messages of a thread in `ids` order, by the thread's `byId` view (which changes
 * whenever `ids` or a message does). Kept beside the state so a new message updates the previous
 * list (a block copy and one insert) instead of looking up all 10,000 messages again.
 */
const confirmedLists = new WeakMap<object, readonly Message[]>();

export function confirmedMessages(thread: ThreadState): readonly Message[] {
  let list = confirmedLists.get(thread.byId);
  if (!list) {
    const byId = mapOf(thread.byId);
    list = thread.ids.map((id) => byId.get(id)!);
    confirmedLists.set(thread.byId, list);
  }
  return list;
}

/**
 * Puts confirmed messages into a thread, de-duplicated by id, kept in seq order, and drops the local
 * copy of any whose clientId is pending (so a sent message is never shown twice). With `overwrite`
 * false, a message already present is kept (a request's answer is never newer than an event).
 */
function upsert(
  thread: ThreadState,
  messages: readonly Message[],
  overwrite: (m: Message) => boolean,
): ThreadState {
  if (messages.length === 0) return thread;
  const before = mapOf(thread.byId);
  const cached = confirmedLists.get(thread.byId);
  // Typed with `as`: they are set inside the batch below, which the compiler's narrowing does not follow.
  let list = null as Message[] | null;
  let ids = null as string[] | null;
  let pending = null as Record<string, Message> | null;
  const byId = before.withMutations((draft) => {
    for (const message of messages) {
      if ((pending ?? thread.pending)[message.clientId]) {
        pending ??= { ...thread.pending };
        delete pending[message.clientId];
      }
      const existing = draft.get(message.id);
      if (existing && !overwrite(message)) continue;
      if (cached) list ??= cached.slice();
      if (existing && existing.seq === message.seq) {
        if (list) list[seqIndex(ids ?? thread.ids, draft, existing)] = message;
        draft.set(message.id, message);
        continue;
      }
      ids ??= thread.ids.slice();
      if (existing) {
        const at = ids.indexOf(message.id);
        ids.splice(at, 1);
        list?.splice(at, 1);
      }
      draft.set(message.id, message);
      const at = seqIndex(ids, draft, message);
      ids.splice(at, 0, message.id);
      list?.splice(at, 0, message);
    }
  });
  const pendingOrder = pending
    ? thread.pendingOrder.filter((clientId) => pending![clientId])
    : thread.pendingOrder;
  const view = byId === before ? thread.byId : recordOf(byId);
  if (list && view !== thread.byId) confirmedLists.set(view, list);
  return { ...thread, byId: view, ids: ids ?? thread.ids, pending: pending ?? thread.pending, pendingOrder };
}

export function threadRequested(state: MessagesState, conversationId: string): MessagesState {
  return withThread(state, conversationId, (t) => ({ ...t, loading: true, error: null }));
}

/** A page of messages: the newest page (`older` false) or the next older one. Merged by id. */
export function threadPageLoaded(
  state: MessagesState,
  conversationId: string,
  page: Page<Message>,
  older: boolean,
): MessagesState {
  return withThread(state, conversationId, (thread) => {
    const seqs = mapOf(thread.eventSeq);
    const merged = upsert(thread, page.items, (m) => !seqs.has(m.id));
    // A newest page arriving after an older one must not rewind the older cursor.
    const keepCursor = !older && thread.loaded;
    return {
      ...merged,
      olderCursor: keepCursor ? thread.olderCursor : page.nextCursor,
      hasOlder: keepCursor ? thread.hasOlder : page.nextCursor !== null,
      loaded: true,
      loading: false,
      error: null,
    };
  });
}

export function threadFailed(
  state: MessagesState,
  conversationId: string,
  error: HelpDeskError,
): MessagesState {
  return withThread(state, conversationId, (t) => ({ ...t, loading: false, error }));
}

/** `message.created` / `message.updated`: applied when its seq is above the message's last. */
export function messageEvent(state: MessagesState, seq: number, message: Message): MessagesState {
  return withThread(state, message.conversationId, (thread) => {
    const seqs = mapOf(thread.eventSeq);
    const last = seqs.get(message.id);
    if (last !== undefined && seq <= last) return thread;
    const next = upsert(thread, [message], () => true);
    return { ...next, eventSeq: recordOf(seqs.set(message.id, seq)) };
  });
}

/** A local message starts sending (a new send, or a retry of a failed one with the same clientId). */
export function sendStarted(state: MessagesState, local: Message): MessagesState {
  return withThread(state, local.conversationId, (thread) => {
    const known = thread.pending[local.clientId] !== undefined;
    return {
      ...thread,
      pending: { ...thread.pending, [local.clientId]: local },
      pendingOrder: known ? thread.pendingOrder : [...thread.pendingOrder, local.clientId],
    };
  });
}

/** The adapter returned the sent message; if its event came first, the event's copy stays. */
export function sendConfirmed(state: MessagesState, message: Message): MessagesState {
  return withThread(state, message.conversationId, (thread) => upsert(thread, [message], () => false));
}

/** The send failed: the local copy stays, marked failed, unless the message was confirmed meanwhile. */
export function sendFailed(
  state: MessagesState,
  conversationId: string,
  clientId: string,
  error: HelpDeskError,
): MessagesState {
  return withThread(state, conversationId, (thread) => {
    const local = thread.pending[clientId];
    if (!local) return thread;
    return {
      ...thread,
      pending: { ...thread.pending, [clientId]: { ...local, status: 'failed', error: error.message } },
    };
  });
}

/** Local messages of an earlier page load, restored as failed so the rep can retry them. */
export function outboxRestored(
  state: MessagesState,
  messages: readonly Message[],
  reason: string,
): MessagesState {
  return messages.reduce(
    (next, message) =>
      sendStarted(next, { ...message, seq: LOCAL_SEQ, status: 'failed', error: message.error ?? reason }),
    state,
  );
}

/** Every local message, by conversation, for the outbox in storage. */
export function outboxOf(state: MessagesState): Record<string, Message[]> {
  const outbox: Record<string, Message[]> = {};
  for (const [conversationId, thread] of Object.entries(state.threads)) {
    if (thread.pendingOrder.length > 0)
      outbox[conversationId] = thread.pendingOrder.map((id) => thread.pending[id]!);
  }
  return outbox;
}

/** Whether a message is the local copy of a send not yet confirmed (it has no server id yet). */
export function isLocalMessage(message: Message): boolean {
  return message.id.startsWith('local:');
}

/** Whether the thread holds a confirmed message at `seq` (a binary search over the seq-ordered ids). */
export function hasSeq(thread: ThreadState, seq: number): boolean {
  const byId = mapOf(thread.byId);
  const at = seqIndex(thread.ids, byId, { seq, id: '' } as Message);
  const found = thread.ids[at];
  return found !== undefined && byId.get(found)!.seq === seq;
}

/**
 * The highest message seq the thread lacks between `above` and `below` (both exclusive), or null.
 * Only from the thread's first message up: older history is not loaded, not missing.
 */
export function highestHole(thread: ThreadState, above: number, below: number): number | null {
  const byId = mapOf(thread.byId);
  let expected = below - 1;
  for (let at = seqIndex(thread.ids, byId, { seq: below, id: '' } as Message) - 1; at >= 0; at--) {
    const seq = byId.get(thread.ids[at]!)!.seq;
    if (seq < expected) return expected > above ? expected : null;
    if (seq <= above) return null;
    expected = Math.min(expected, seq - 1);
  }
  return null;
}

/**
 * A page fetched to repair a thread that missed events. Unlike a first load it may replace messages
 * that events brought, but only those whose last event is not newer than `syncedSeq` (the highest
 * event seq the store had seen for the conversation when it asked): the page is at least that new.
 * Every message of the page then counts as synced to `syncedSeq`, so a late copy of an older event
 * cannot turn it back. Cursors and flags stay: a repair does not move the thread's own paging.
 */
export function threadResynced(
  state: MessagesState,
  conversationId: string,
  items: readonly Message[],
  syncedSeq: number,
): MessagesState {
  return withThread(state, conversationId, (thread) => {
    const byId = mapOf(thread.byId);
    const seqs = mapOf(thread.eventSeq);
    const newer = (message: Message) => (seqs.get(message.id) ?? 0) > syncedSeq;
    const changed = items.filter((message) => {
      const existing = byId.get(message.id);
      return !existing || (!newer(message) && JSON.stringify(existing) !== JSON.stringify(message));
    });
    const next = upsert(thread, changed, () => true);
    const synced = seqs.withMutations((draft) => {
      if (syncedSeq <= 0) return;
      for (const message of items)
        if ((seqs.get(message.id) ?? 0) < syncedSeq) draft.set(message.id, syncedSeq);
    });
    return synced === seqs ? next : { ...next, eventSeq: recordOf(synced) };
  });
}
