import type { Page } from '../adapters/adapter.js';
import type { HelpDeskError } from '../adapters/errors.js';
import type { Conversation, ConversationFilters, LastMessage, View } from '../model/index.js';
import { appended, chunksOf, EMPTY_IDS, type IdChunks, inserted, movedToFront, removed } from './id-list.js';
import { emptyRecord, mapOf, PersistentMap, recordOf } from './persistent-map.js';

/** The query the conversation list shows. */
export interface ConversationQueryState {
  text: string;
  filters: ConversationFilters;
  viewId: string | null;
}

/**
 * The list and its entities. `byId` and `lastSeq` are read-only views of persistent maps (see
 * persistent-map.ts): a change to one conversation shares the rest of the table, so an event costs
 * the same at 100,000 conversations as at ten.
 */
export interface ConversationsState {
  byId: Readonly<Record<string, Conversation>>;
  /** Seq of the last `conversation.updated` applied per conversation; events at or below it are stale. */
  lastSeq: Readonly<Record<string, number>>;
  /** The current query's rows, newest activity first. */
  ids: readonly string[];
  query: ConversationQueryState;
  /** Bumped on every query change; a page requested under an older version is dropped. */
  queryVersion: number;
  cursor: string | null;
  hasMore: boolean;
  /** Whether the first page of the current query has arrived. */
  loaded: boolean;
  total: number | undefined;
  loading: boolean;
  error: HelpDeskError | null;
  views: readonly View[];
  viewsError: HelpDeskError | null;
}

/** What matching a conversation against the query needs from outside this slice. */
export interface MatchContext {
  currentAgentId: string | null;
}

export function initialConversations(): ConversationsState {
  return {
    byId: emptyRecord(),
    lastSeq: emptyRecord(),
    ids: EMPTY_IDS,
    query: { text: '', filters: {}, viewId: null },
    queryVersion: 0,
    cursor: null,
    hasMore: false,
    loaded: false,
    total: undefined,
    loading: false,
    error: null,
    views: [],
    viewsError: null,
  };
}

/** A new query empties the list at once so rows of the old query never sit under the new filters. */
export function queryChanged(state: ConversationsState, query: ConversationQueryState): ConversationsState {
  return {
    ...state,
    query,
    queryVersion: state.queryVersion + 1,
    ids: EMPTY_IDS,
    cursor: null,
    hasMore: false,
    loaded: false,
    total: undefined,
    loading: true,
    error: null,
  };
}

export function pageRequested(state: ConversationsState): ConversationsState {
  return state.loading && !state.error ? state : { ...state, loading: true, error: null };
}

export function pageLoaded(
  state: ConversationsState,
  version: number,
  page: Page<Conversation>,
  append: boolean,
): ConversationsState {
  if (version !== state.queryVersion) return state;
  const byId = mergeEntities(state, page.items);
  // The page's new ids are appended in chunks (see id-list.ts), after a membership test per item
  // rather than a Set of every listed id rebuilt per page: a page costs what arrives, not what is listed.
  const listed = append ? taken(state.ids) : new Set<string>();
  const added: string[] = [];
  for (const item of page.items) {
    if (!listed.has(item.id)) {
      listed.add(item.id);
      added.push(item.id);
    }
  }
  const ids = appended(append ? state.ids : EMPTY_IDS, added);
  listedIds.set(ids, listed);
  return {
    ...state,
    byId,
    ids,
    cursor: page.nextCursor,
    hasMore: page.nextCursor !== null,
    total: page.total ?? state.total,
    loaded: true,
    loading: false,
    error: null,
  };
}

export function pageFailed(
  state: ConversationsState,
  version: number,
  error: HelpDeskError,
): ConversationsState {
  if (version !== state.queryVersion) return state;
  return { ...state, loading: false, error };
}

/**
 * Adds conversations fetched by a request (a page, a contact's past conversations). An entity an
 * event has already set is kept: a response may have been computed before that event, and events
 * are the newer word.
 */
export function conversationsFetched(
  state: ConversationsState,
  items: readonly Conversation[],
): ConversationsState {
  const byId = mergeEntities(state, items);
  return byId === state.byId ? state : { ...state, byId };
}

function mergeEntities(
  state: ConversationsState,
  items: readonly Conversation[],
): ConversationsState['byId'] {
  const seqs = mapOf(state.lastSeq);
  const before = mapOf(state.byId);
  const byId = before.withMutations((draft) => {
    for (const item of items) if (!(seqs.has(item.id) && draft.has(item.id))) draft.set(item.id, item);
  });
  return byId === before ? state.byId : recordOf(byId);
}

/** Applies `conversation.updated`; an event at or below the last applied seq changes nothing. */
export function conversationEvent(
  state: ConversationsState,
  seq: number,
  conversation: Conversation,
  context: MatchContext,
): ConversationsState {
  const seqs = mapOf(state.lastSeq);
  const last = seqs.get(conversation.id);
  if (last !== undefined && seq <= last) return state;
  const next = conversationChanged(state, conversation, context);
  return { ...next, lastSeq: recordOf(seqs.set(conversation.id, seq)) };
}

/**
 * A conversation changed (an event, or an optimistic local change): update the entity and its place
 * in the list. A newer last message moves it to the top; a conversation that matches the query and
 * is not listed joins at its place by activity (the top, for a new one); one that stops matching
 * leaves the list.
 *
 * Cost at n listed conversations: O(log n) to find and place the row (membership by the listed-ids
 * index, position by binary search on activity), plus a copy of one or two chunks of the id list
 * (see id-list.ts) when the row moves, joins or leaves. No table is copied.
 */
export function conversationChanged(
  state: ConversationsState,
  conversation: Conversation,
  context: MatchContext,
): ConversationsState {
  const entities = mapOf(state.byId);
  const previous = entities.get(conversation.id);
  const nextEntities = entities.set(conversation.id, conversation);
  const byId = recordOf(nextEntities);
  const index = listedOf(state.ids).has(conversation.id)
    ? positionOf(chunksOf(state.ids), entities, conversation.id)
    : -1;
  const matches = matchesQuery(conversation, state.query, state.views, context);
  let ids = state.ids;
  let total = state.total;
  if (index >= 0 && !matches) {
    ids = removed(state.ids, index);
    handedOver(state.ids, ids).delete(conversation.id);
    if (total !== undefined) total -= 1;
  } else if (index > 0 && isNewer(conversation.lastMessage, previous?.lastMessage ?? null)) {
    ids = movedToFront(state.ids, index);
    handedOver(state.ids, ids);
  } else if (index < 0 && matches && state.loaded) {
    const at = insertionIndex(chunksOf(state.ids), nextEntities, conversation);
    // Past the last loaded row of a list with more pages, it arrives with its page instead.
    if (at < state.ids.length || !state.hasMore) {
      ids = inserted(state.ids, at, conversation.id);
      handedOver(state.ids, ids).add(conversation.id);
      if (total !== undefined) total += 1;
    }
  }
  return { ...state, byId, ids, total };
}

/**
 * The ids in a list, as a Set, by list: kept beside the state (not in it) so the state's shape stays as it
 * was. A mutable Set rather than a persistent map of the ids: it is about a sixth of the size (100,000 ids,
 * measured in Node: 2.3 MB against 16) and a page adds to it in place, where the map copied paths. The
 * price: a Set can describe one array only. So a change hands the Set of the list it starts from on to
 * the list it makes (the older list loses it before the Set changes), and an older list asked again (a
 * selector or a test holding an older state) rebuilds its own from the array, O(n), as does a list
 * made by hand. The store always changes its newest state, so in use that never happens.
 */
const listedIds = new WeakMap<readonly string[], Set<string>>();

function listedOf(ids: readonly string[]): ReadonlySet<string> {
  let listed = listedIds.get(ids);
  if (!listed) {
    listed = new Set(ids);
    listedIds.set(ids, listed);
  }
  return listed;
}

/** The Set of `ids`, taken from it (to be changed for a list made from `ids`). */
function taken(ids: readonly string[]): Set<string> {
  const listed = listedIds.get(ids) ?? new Set(ids);
  // Dropped before any change, so `ids` is never left with a Set that no longer matches it.
  listedIds.delete(ids);
  return listed;
}

/** The Set of `from`, handed to `to`, a list made from it; the caller makes it match `to`. */
function handedOver(from: readonly string[], to: readonly string[]): Set<string> {
  const listed = taken(from);
  listedIds.set(to, listed);
  return listed;
}

function activity(conversation: Conversation): number {
  return Date.parse(conversation.lastMessage?.at ?? conversation.createdAt) || 0;
}

function isNewer(next: LastMessage | null, previous: LastMessage | null): boolean {
  if (!next) return false;
  if (!previous) return true;
  return Date.parse(next.at) > Date.parse(previous.at);
}

/** The first index whose conversation is not newer than `at` (the list is newest first). */
function lowerBound(ids: IdChunks, entities: PersistentMap<Conversation>, at: number): number {
  let low = 0;
  let high = ids.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const other = entities.get(ids.at(mid)!);
    if (other !== undefined && activity(other) > at) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Where a listed conversation is: found by binary search on its activity, since the list is kept
 * newest first; a list out of that order (a backend sorting otherwise) falls back to a scan.
 */
function positionOf(ids: IdChunks, entities: PersistentMap<Conversation>, id: string): number {
  const conversation = entities.get(id);
  if (conversation) {
    const at = activity(conversation);
    for (let i = lowerBound(ids, entities, at); i < ids.length; i++) {
      const here = ids.at(i)!;
      if (here === id) return i;
      const other = entities.get(here);
      if (other === undefined || activity(other) !== at) break;
    }
  }
  return ids.indexOf(id);
}

function insertionIndex(
  ids: IdChunks,
  entities: PersistentMap<Conversation>,
  conversation: Conversation,
): number {
  return lowerBound(ids, entities, activity(conversation));
}

/** The filters and text in force: the query's own over those of its view. */
export function effectiveQuery(
  query: ConversationQueryState,
  views: readonly View[],
): { text: string; filters: ConversationFilters } {
  const view = query.viewId === null ? undefined : views.find((v) => v.id === query.viewId);
  return { text: query.text || view?.text || '', filters: { ...view?.filters, ...query.filters } };
}

/** Whether a conversation belongs in the list of a query, judged the way the backend does. */
export function matchesQuery(
  conversation: Conversation,
  query: ConversationQueryState,
  views: readonly View[],
  context: MatchContext,
): boolean {
  const { text, filters } = effectiveQuery(query, views);
  if (filters.channelAccountId && conversation.channelAccountId !== filters.channelAccountId) return false;
  if (filters.status && filters.status !== 'all' && conversation.status !== filters.status) return false;
  if (filters.assignee) {
    if (filters.assignee === 'me') {
      if (context.currentAgentId === null || conversation.assigneeId !== context.currentAgentId) return false;
    } else if (filters.assignee === 'unassigned') {
      if (conversation.assigneeId !== null) return false;
    } else if (conversation.assigneeId !== filters.assignee) return false;
  }
  if (filters.unreadOnly && conversation.unreadCount <= 0) return false;
  const needle = text.trim().toLowerCase();
  if (!needle) return true;
  return [conversation.contactName, conversation.ticketName, conversation.lastMessage?.preview].some(
    (field) => field !== undefined && field.toLowerCase().includes(needle),
  );
}

export function viewsLoaded(state: ConversationsState, views: readonly View[]): ConversationsState {
  return { ...state, views, viewsError: null };
}

export function viewsFailed(state: ConversationsState, error: HelpDeskError): ConversationsState {
  return { ...state, viewsError: error };
}

export function viewSaved(state: ConversationsState, view: View): ConversationsState {
  const index = state.views.findIndex((v) => v.id === view.id);
  const views = index < 0 ? [...state.views, view] : state.views.map((v, i) => (i === index ? view : v));
  return { ...state, views, viewsError: null };
}

export function viewDeleted(state: ConversationsState, id: string): ConversationsState {
  return { ...state, views: state.views.filter((v) => v.id !== id), viewsError: null };
}
