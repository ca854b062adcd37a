/** The kind of an attachment, which decides how it is shown. */
export type AttachmentKind = 'image' | 'audio' | 'voice-note' | 'sticker' | 'video' | 'file';

/** A file carried by a message. Every URL is untrusted and passes `safeUrl()` before it reaches the DOM. */
export interface Attachment {
  id: string;
  kind: AttachmentKind;
  /** Where the file is; may be missing or broken, in which case a placeholder is shown. */
  url?: string;
  name: string;
  mimeType: string;
  sizeBytes: number;
  /** Audio, voice notes and video. */
  durationMs?: number;
  /** Images, stickers and video. */
  width?: number;
  height?: number;
  thumbnailUrl?: string;
}

/** Who wrote a message. */
export interface Actor {
  kind: 'contact' | 'agent' | 'bot' | 'system';
  /** Contact or agent id; absent for an unknown sender. */
  id?: string;
  name: string;
  avatarUrl?: string;
}

/** Which way a message travels, from the help desk's point of view. */
export type MessageDirection = 'incoming' | 'outgoing';

/** The medium a message went through: the conversation's custom channel, or another the rep switched to. */
export type MessageChannel = 'custom' | 'email' | 'call' | 'chat';

/** Delivery of an outgoing message. `pending` is shown as "sending". */
export type DeliveryStatus = 'pending' | 'sent' | 'delivered' | 'read' | 'failed';

/** One message of a conversation. */
export interface Message {
  id: string;
  /** Set by the sender; the idempotency key of a send. */
  clientId: string;
  conversationId: string;
  /** Position in the conversation, assigned by the backend on creation; the thread is ordered by it. */
  seq: number;
  direction: MessageDirection;
  sender: Actor;
  /** Plain text; always present (the text version of a rich body). */
  text: string;
  /** Optional rich body as HTML; untrusted, sanitized right before render. */
  richText?: string;
  attachments: Attachment[];
  /** The message this one answers. */
  replyToId?: string;
  /** ISO 8601. */
  createdAt: string;
  channel: MessageChannel;
  status: DeliveryStatus;
  /** Why delivery failed, readable by a rep. */
  error?: string;
}

/** What the rep sends; the adapter turns it into a `Message`. */
export interface OutgoingDraft {
  clientId: string;
  text: string;
  richText?: string;
  attachments?: Attachment[];
  replyToId?: string;
  channel: MessageChannel;
}

/** A message arriving from the external channel (what a channel publishes). */
export interface IncomingMessage {
  channelAccountId: string;
  /** Join this conversation. */
  conversationId?: string;
  /** The channel's own thread id (`integration-thread` channels). */
  threadId?: string;
  /** The sender; defaults to the conversation's contact. `address` threads `delivery-identifier` channels. */
  from?: { name: string; address: string };
  text: string;
  richText?: string;
  attachments?: Attachment[];
  replyToId?: string;
  /** The channel's own message id; a second message with the same id is the same message. */
  externalId?: string;
}
