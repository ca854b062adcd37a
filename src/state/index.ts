// The store's public API. Reducers, storage and command modules stay internal.
export type { ChannelsState } from './channels.js';
export type { ConversationQueryState, ConversationsState } from './conversations.js';
export type { Draft, DraftsState } from './drafts.js';
export type { SendInput } from './message-commands.js';
export { isLocalMessage, type MessagesState, type ThreadState } from './messages.js';
export type { ContactEntry, PastConversationsEntry, PeopleState } from './people.js';
export type { CommandResult } from './result.js';
export type {
  ChannelsStatusView,
  ContactView,
  ConversationListView,
  PastConversationsView,
  ThreadView,
  TicketView,
} from './selectors.js';
export type { HelpDeskState } from './state.js';
export { HelpDeskStore, type HelpDeskStoreOptions } from './store.js';
export type { ThreadSyncOptions } from './thread-sync.js';
export type { PendingTicketPatch, TicketEntry, TicketsState } from './tickets.js';
export type { UiState } from './ui.js';
