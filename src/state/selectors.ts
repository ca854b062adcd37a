import type { HelpDeskError } from '../adapters/errors.js';
import type {
  ChannelAccount,
  Contact,
  Conversation,
  ConversationFilters,
  Message,
  Ticket,
} from '../model/index.js';
import type { Draft } from './drafts.js';
import { confirmedMessages, EMPTY_THREAD, type ThreadState } from './messages.js';
import { mapOf } from './persistent-map.js';
import type { HelpDeskState } from './state.js';
import type { TicketEntry } from './tickets.js';

/** The conversation list as `<conversation-list>` renders it. */
export interface ConversationListView {
  ids: readonly string[];
  loading: boolean;
  error: HelpDeskError | null;
  hasMore: boolean;
  total: number | undefined;
  query: { text: string; filters: ConversationFilters; viewId: string | null };
}

/** One conversation's messages: confirmed ones by seq, then local (pending or failed) ones. */
export interface ThreadView {
  messages: readonly Message[];
  loading: boolean;
  error: HelpDeskError | null;
  hasOlder: boolean;
}

export interface TicketView {
  ticket: Ticket | null;
  loading: boolean;
  /** Whether an update is out to the backend. */
  saving: boolean;
  error: HelpDeskError | null;
}

export interface ContactView {
  contact: Contact | null;
  loading: boolean;
  error: HelpDeskError | null;
}

export interface PastConversationsView {
  conversations: readonly Conversation[];
  loading: boolean;
  error: HelpDeskError | null;
}

/** Loading and errors of the channel settings and the connect wizard. */
export interface ChannelsStatusView {
  loading: boolean;
  error: HelpDeskError | null;
  connecting: boolean;
  connectError: HelpDeskError | null;
  accountErrors: Readonly<Record<string, HelpDeskError>>;
}

/** Equal when both hold the same values one level down; arrays compare item by item. */
export function shallowEqual<T>(a: T, b: T): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => Object.is(item, b[i]));
  }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const keysA = Object.keys(a) as (keyof T)[];
  if (keysA.length !== Object.keys(b).length) return false;
  return keysA.every((key) => {
    const x = a[key];
    const y = b[key];
    return Object.is(x, y) || (Array.isArray(x) && Array.isArray(y) && shallowEqual(x, y));
  });
}

export function selectConversationList(state: HelpDeskState): ConversationListView {
  const c = state.conversations;
  return {
    ids: c.ids,
    loading: c.loading,
    error: c.error,
    hasMore: c.hasMore,
    total: c.total,
    query: c.query,
  };
}

export function selectConversation(state: HelpDeskState, id: string): Conversation | null {
  return mapOf(state.conversations.byId).get(id) ?? null;
}

// Thread views are built once per thread state: a 10,000-message thread is not copied for every
// subscriber, and an unchanged thread keeps its view's identity.
const threadViews = new WeakMap<ThreadState, ThreadView>();

export function selectThread(state: HelpDeskState, conversationId: string): ThreadView {
  const thread = state.messages.threads[conversationId] ?? EMPTY_THREAD;
  let view = threadViews.get(thread);
  if (!view) {
    const confirmed = confirmedMessages(thread);
    const local = thread.pendingOrder.map((clientId) => thread.pending[clientId]!);
    view = {
      messages: local.length > 0 ? [...confirmed, ...local] : confirmed,
      loading: thread.loading,
      error: thread.error,
      hasOlder: thread.hasOlder,
    };
    threadViews.set(thread, view);
  }
  return view;
}

const EMPTY_TICKET: TicketView = Object.freeze({ ticket: null, loading: false, saving: false, error: null });
const ticketViews = new WeakMap<TicketEntry, TicketView>();

export function selectTicket(state: HelpDeskState, id: string): TicketView {
  const entry = state.tickets.entries[id];
  if (!entry) return EMPTY_TICKET;
  let view = ticketViews.get(entry);
  if (!view) {
    view = {
      ticket: entry.ticket,
      loading: entry.loading,
      saving: entry.pending.length > 0,
      error: entry.error,
    };
    ticketViews.set(entry, view);
  }
  return view;
}

const EMPTY_CONTACT: ContactView = Object.freeze({ contact: null, loading: false, error: null });

export function selectContact(state: HelpDeskState, id: string): ContactView {
  return state.people.contacts[id] ?? EMPTY_CONTACT;
}

export function selectPastConversations(state: HelpDeskState, contactId: string): PastConversationsView {
  const entry = state.people.past[contactId];
  if (!entry) return { conversations: [], loading: false, error: null };
  const byId = mapOf(state.conversations.byId);
  const conversations = entry.ids.map((id) => byId.get(id)).filter((c): c is Conversation => c !== undefined);
  return { conversations, loading: entry.loading, error: entry.error };
}

// Accounts are rebuilt only when the channels slice changes, which is rare.
const accountLists = new WeakMap<HelpDeskState['channels'], readonly ChannelAccount[]>();

export function selectAccounts(state: HelpDeskState): readonly ChannelAccount[] {
  const channels = state.channels;
  let list = accountLists.get(channels);
  if (!list) {
    list = channels.accountIds.map((id) => channels.accounts[id]!);
    accountLists.set(channels, list);
  }
  return list;
}

export function selectChannelsStatus(state: HelpDeskState): ChannelsStatusView {
  const c = state.channels;
  return {
    loading: c.loading,
    error: c.error,
    connecting: c.connecting,
    connectError: c.connectError,
    accountErrors: c.accountErrors,
  };
}

export function selectSelectedConversation(state: HelpDeskState): Conversation | null {
  const id = state.ui.selectedConversationId;
  return id === null ? null : (mapOf(state.conversations.byId).get(id) ?? null);
}

export function selectDraft(state: HelpDeskState, conversationId: string): Draft | null {
  return state.drafts[conversationId] ?? null;
}

export function selectReplyTarget(state: HelpDeskState, conversationId: string): string | null {
  return state.ui.replyTargets[conversationId] ?? null;
}
