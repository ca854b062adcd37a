import type { Page } from '../adapters/adapter.js';
import type { HelpDeskError } from '../adapters/errors.js';
import type { Conversation, ConversationFilters, LastMessage, View } from '../model/index.js';

/** The query the conversation list shows. */
export interface ConversationQueryState {
  text: string;
  filters: ConversationFilters;
  viewId: string | null;
}

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
    byId: {},
    lastSeq: {},
    ids: [],
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
    ids: [],
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
  const base = append ? state.ids : [];
  const seen = new Set(base);
  const ids = [...base];
  for (const item of page.items) {
    if (!seen.has(item.id)) {
      seen.add(item.id);
      ids.push(item.id);
    }
  }
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
  let byId: Record<string, Conversation> | null = null;
  for (const item of items) {
    if (state.lastSeq[item.id] !== undefined && state.byId[item.id]) continue;
    byId ??= { ...state.byId };
    byId[item.id] = item;
  }
  return byId ?? state.byId;
}

/** Applies `conversation.updated`; an event at or below the last applied seq changes nothing. */
export function conversationEvent(
  state: ConversationsState,
  seq: number,
  conversation: Conversation,
  context: MatchContext,
): ConversationsState {
  const last = state.lastSeq[conversation.id];
  if (last !== undefined && seq <= last) return state;
  const next = conversationChanged(state, conversation, context);
  return { ...next, lastSeq: { ...state.lastSeq, [conversation.id]: seq } };
}

/**
 * A conversation changed (an event, or an optimistic local change): update the entity and its place
 * in the list. A newer last message moves it to the top; a conversation that matches the query and
 * is not listed joins at its place by activity (the top, for a new one); one that stops matching
 * leaves the list.
 */
export function conversationChanged(
  state: ConversationsState,
  conversation: Conversation,
  context: MatchContext,
): ConversationsState {
  const previous = state.byId[conversation.id];
  const byId = { ...state.byId, [conversation.id]: conversation };
  const index = state.ids.indexOf(conversation.id);
  const matches = matchesQuery(conversation, state.query, state.views, context);
  let ids = state.ids;
  let total = state.total;
  if (index >= 0 && !matches) {
    ids = state.ids.filter((id) => id !== conversation.id);
    if (total !== undefined) total -= 1;
  } else if (index > 0 && isNewer(conversation.lastMessage, previous?.lastMessage ?? null)) {
    ids = [conversation.id, ...state.ids.slice(0, index), ...state.ids.slice(index + 1)];
  } else if (index < 0 && matches && state.loaded) {
    const at = insertionIndex(state.ids, byId, conversation);
    // Past the last loaded row of a list with more pages, it arrives with its page instead.
    if (at < state.ids.length || !state.hasMore) {
      ids = [...state.ids.slice(0, at), conversation.id, ...state.ids.slice(at)];
      if (total !== undefined) total += 1;
    }
  }
  return { ...state, byId, ids, total };
}

function activity(conversation: Conversation): number {
  return Date.parse(conversation.lastMessage?.at ?? conversation.createdAt) || 0;
}

function isNewer(next: LastMessage | null, previous: LastMessage | null): boolean {
  if (!next) return false;
  if (!previous) return true;
  return Date.parse(next.at) > Date.parse(previous.at);
}

function insertionIndex(
  ids: readonly string[],
  byId: Readonly<Record<string, Conversation>>,
  conversation: Conversation,
): number {
  const at = activity(conversation);
  const index = ids.findIndex((id) => {
    const other = byId[id];
    return other !== undefined && activity(other) <= at;
  });
  return index < 0 ? ids.length : index;
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
