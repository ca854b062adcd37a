import type { MessageChannel, MessageDirection } from './message.js';

export type ConversationStatus = 'open' | 'closed';

/** A summary of a conversation's newest message, for the list. */
export interface LastMessage {
  /** Plain-text preview; untrusted, rendered as text. */
  preview: string;
  /** ISO 8601. */
  at: string;
  direction: MessageDirection;
}

/**
 * One conversation with a contact. Display fields of the contact and ticket are carried here
 * (`contactName`, `ticketName`) so that a list of 100,000 rows needs no lookup per row.
 */
export interface Conversation {
  id: string;
  /** The medium the conversation started on. */
  channel: MessageChannel;
  /** The custom channel (`ChannelDefinition.id`); null for other media. */
  channelId: string | null;
  channelAccountId: string | null;
  /** The channel's thread id or the sender's address, by the channel's threading model. */
  externalThreadId?: string;
  contactId: string | null;
  /** Shown as "Unknown contact" when empty. Untrusted. */
  contactName: string;
  contactAvatarUrl?: string;
  ticketId: string | null;
  ticketName?: string;
  status: ConversationStatus;
  /** An agent id, a team id, or null when unassigned. */
  assigneeId: string | null;
  lastMessage: LastMessage | null;
  unreadCount: number;
  /** ISO 8601. */
  createdAt: string;
}

/** Filters over the conversation list. Absent fields do not filter. */
export interface ConversationFilters {
  /** One connected channel account. */
  channelAccountId?: string;
  status?: ConversationStatus | 'all';
  /** `me`, `unassigned`, or an agent or team id. */
  assignee?: string;
  unreadOnly?: boolean;
}

/** A saved set of conversation filters (a custom view). */
export interface View {
  id: string;
  name: string;
  filters: ConversationFilters;
  text?: string;
}
