import type { HelpDeskEvent } from '../adapters/adapter.js';
import type { Message } from '../model/index.js';
import { accountEvent, type ChannelsState, initialChannels } from './channels.js';
import { conversationEvent, type ConversationsState, initialConversations } from './conversations.js';
import { type Draft, type DraftsState, initialDrafts } from './drafts.js';
import { initialMessages, messageEvent, type MessagesState, outboxRestored } from './messages.js';
import { initialPeople, type PeopleState } from './people.js';
import { initialTickets, ticketEvent, type TicketsState } from './tickets.js';
import { connectionChanged, initialUi, type UiState } from './ui.js';

/** Everything the store holds; immutable, and a slice keeps its identity while it does not change. */
export interface HelpDeskState {
  conversations: ConversationsState;
  messages: MessagesState;
  tickets: TicketsState;
  channels: ChannelsState;
  people: PeopleState;
  drafts: DraftsState;
  ui: UiState;
}

/** What survived the last page load, read from storage. */
export interface RestoredState {
  drafts: Record<string, Draft>;
  outbox: Record<string, Message[]>;
  notificationsEnabled: boolean | null;
}

/** Shown on a message restored from the outbox: it may or may not have reached the backend. */
export const NOT_SENT_REASON = 'Not sent. Retry to send it.';

export function initialState(restored?: RestoredState): HelpDeskState {
  const drafts = restored?.drafts ?? {};
  const replyTargets: Record<string, string> = {};
  for (const [conversationId, draft] of Object.entries(drafts)) {
    if (draft.replyToId) replyTargets[conversationId] = draft.replyToId;
  }
  const messages = Object.values(restored?.outbox ?? {}).reduce(
    (state, list) => outboxRestored(state, list, NOT_SENT_REASON),
    initialMessages(),
  );
  return {
    conversations: initialConversations(),
    messages,
    tickets: initialTickets(),
    channels: initialChannels(),
    people: initialPeople(),
    drafts: initialDrafts(drafts),
    ui: initialUi(replyTargets, restored?.notificationsEnabled ?? false),
  };
}

/** The root reducer of backend pushes. Unknown or uninteresting events leave the state as it was. */
export function applyEvent(state: HelpDeskState, event: HelpDeskEvent): HelpDeskState {
  switch (event.type) {
    case 'message.created':
    case 'message.updated': {
      const messages = messageEvent(state.messages, event.seq, event.message);
      return messages === state.messages ? state : { ...state, messages };
    }
    case 'conversation.updated': {
      const context = { currentAgentId: state.people.currentAgent?.id ?? null };
      const conversations = conversationEvent(state.conversations, event.seq, event.conversation, context);
      return conversations === state.conversations ? state : { ...state, conversations };
    }
    case 'ticket.updated': {
      const tickets = ticketEvent(state.tickets, event.seq, event.ticket);
      return tickets === state.tickets ? state : { ...state, tickets };
    }
    case 'account.updated': {
      const channels = accountEvent(state.channels, event.seq, event.account, event.deleted === true);
      return channels === state.channels ? state : { ...state, channels };
    }
    case 'connection': {
      const ui = connectionChanged(state.ui, event.state);
      return ui === state.ui ? state : { ...state, ui };
    }
    default:
      // `typing` is transient and not kept in the store state.
      return state;
  }
}
