import type { Observable } from 'rxjs';

import type {
  Agent,
  Attachment,
  ChannelAccount,
  ChannelDefinition,
  Contact,
  Conversation,
  ConversationFilters,
  Credentials,
  Insertable,
  InsertableKind,
  Message,
  OutgoingDraft,
  Pipeline,
  RoutingRules,
  Team,
  Ticket,
  TicketPatch,
  View,
} from '../model/index.js';

/** One page of a cursor-paged list. */
export interface Page<T> {
  items: T[];
  /** Pass as `cursor` (or `before`) for the next page; null on the last page. */
  nextCursor: string | null;
  /** How many items the whole list holds, when the backend knows. */
  total?: number;
}

/** The state of the adapter's real-time connection. */
export type ConnectionState = 'online' | 'reconnecting' | 'offline';

/**
 * Everything a backend pushes. Entity events carry the full entity and a `seq` that grows
 * monotonically per subject (the conversation for message and conversation events, the ticket,
 * the account), so a store can drop duplicates and stale events whatever order they arrive in.
 */
export type HelpDeskEvent =
  | { type: 'message.created'; seq: number; message: Message }
  | { type: 'message.updated'; seq: number; message: Message }
  | { type: 'conversation.updated'; seq: number; conversation: Conversation }
  | { type: 'ticket.updated'; seq: number; ticket: Ticket }
  | { type: 'account.updated'; seq: number; account: ChannelAccount; deleted?: boolean }
  | { type: 'typing'; conversationId: string; actor: { id?: string; name: string }; at: string }
  | { type: 'connection'; state: ConnectionState };

export type HelpDeskEventType = HelpDeskEvent['type'];

export interface ConversationQuery {
  /** Matches contact name, message text and ticket name. */
  text?: string;
  filters?: ConversationFilters;
  /** A saved view whose filters apply (merged under `filters`). */
  viewId?: string;
  cursor?: string | null;
  limit: number;
}

export interface MessagePageQuery {
  /** A cursor from a previous page: load messages older than it. */
  before?: string | null;
  limit: number;
}

export interface ConnectAccountInput {
  channelId: string;
  name?: string;
  credentials: Credentials;
  routing: RoutingRules;
}

export type AccountPatch = Partial<Pick<ChannelAccount, 'name' | 'status' | 'routing'>> & {
  credentials?: Credentials;
};

export interface UploadOptions {
  signal?: AbortSignal;
  /** Called with the fraction uploaded, 0 to 1. */
  onProgress?: (fraction: number) => void;
}

/**
 * The only I/O boundary of the kit. Requests are promises that reject with `HelpDeskError`;
 * pushes arrive on `events$`.
 *
 * Rules every adapter keeps: `sendMessage` with a `clientId` it has seen returns the same
 * message; events carry the full entity and a monotonic `seq`; errors carry a code and, for bad
 * input, field errors.
 */
export interface HelpDeskAdapter {
  readonly events$: Observable<HelpDeskEvent>;

  listChannels(): Promise<ChannelDefinition[]>;
  listAccounts(): Promise<ChannelAccount[]>;
  /** Rejects with field errors (`invalid`) or `unauthorized` for bad credentials. */
  connectAccount(input: ConnectAccountInput): Promise<ChannelAccount>;
  updateAccount(id: string, patch: AccountPatch): Promise<ChannelAccount>;
  deleteAccount(id: string): Promise<void>;

  /** Newest activity first. */
  listConversations(query: ConversationQuery): Promise<Page<Conversation>>;
  /** A page of messages, oldest first within the page; `nextCursor` leads to older messages. */
  listMessages(conversationId: string, page: MessagePageQuery): Promise<Page<Message>>;
  /** Idempotent by `draft.clientId`. */
  sendMessage(conversationId: string, draft: OutgoingDraft): Promise<Message>;
  uploadAttachment(file: File, options?: UploadOptions): Promise<Attachment>;
  markRead(conversationId: string): Promise<void>;

  getTicket(id: string): Promise<Ticket>;
  /** Rejects with `invalid` and field errors naming missing required properties. */
  updateTicket(id: string, patch: TicketPatch): Promise<Ticket>;
  getContact(id: string): Promise<Contact>;
  /** The contact's conversations, newest first. */
  listPastConversations(contactId: string): Promise<Conversation[]>;

  listAgents(): Promise<Agent[]>;
  listTeams(): Promise<Team[]>;
  listPipelines(): Promise<Pipeline[]>;

  listViews(): Promise<View[]>;
  saveView(input: { name: string; filters: ConversationFilters; text?: string }): Promise<View>;
  deleteView(id: string): Promise<void>;

  searchInsertables(kind: InsertableKind, text: string): Promise<Insertable[]>;

  /** The signed-in agent, who `assignee: 'me'` means. */
  getCurrentAgent(): Promise<Agent>;
}
