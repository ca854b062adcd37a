import type { AttachmentKind } from './message.js';

/**
 * How a channel decides which conversation an incoming message joins.
 * - `integration-thread`: the channel names the thread (an id of its own) a message belongs to.
 * - `delivery-identifier`: one thread per sender address (phone number, handle, e-mail address).
 */
export type ThreadingModel = 'integration-thread' | 'delivery-identifier';

/** A rich-text feature a channel can carry. A channel that allows none takes plain text only. */
export type RichTextFeature =
  | 'bold'
  | 'italic'
  | 'underline'
  | 'strike'
  | 'link'
  | 'blockquote'
  | 'bullet-list'
  | 'ordered-list'
  | 'code'
  | 'image';

/** What a channel can carry; the editor and the adapters keep to it. */
export interface ChannelCapabilities {
  /** How incoming messages are threaded into conversations. */
  threadingModel: ThreadingModel;
  /** Rich-text features allowed in outgoing messages; empty means plain text only. */
  richText: RichTextFeature[];
  /** Attachment kinds the channel accepts; empty means no attachments. */
  attachmentKinds: AttachmentKind[];
  /** Most attachments on one message. */
  maxAttachmentCount: number;
  /** Largest single attachment, in bytes. */
  maxAttachmentBytes: number;
  /** Largest sum of attachment sizes on one message, in bytes. */
  maxTotalAttachmentBytes: number;
  /** MIME types accepted, exact (`image/png`) or by family (`image/*`). Empty means any type of an allowed kind. */
  allowedMimeTypes: string[];
  /** Longest text of one message, in characters. */
  maxTextLength: number;
  /** Whether a reply may target one specific earlier message. */
  replyToMessage: boolean;
  /** Whether agents may send messages through this channel at all. */
  outgoingMessages: boolean;
}

/** The type of one field of a channel's credential form. */
export type CredentialFieldType = 'text' | 'password' | 'url' | 'email' | 'select' | 'checkbox';

/** One field of the form that collects a channel account's credentials. */
export interface CredentialField {
  /** Key of the value in `credentials`. */
  name: string;
  /** Label shown to the admin. */
  label: string;
  type: CredentialFieldType;
  required: boolean;
  /** A regular expression (source, anchored as a whole) the value must match. */
  pattern?: string;
  /** Choices of a `select` field. */
  options?: { value: string; label: string }[];
  /** One line of help shown under the field. */
  helpText?: string;
  /** A secret is never sent back by an adapter once stored; it can only be replaced. */
  secret?: boolean;
}

/** A custom channel installed (or not) for the help desk's account: the external messaging service. */
export interface ChannelDefinition {
  id: string;
  name: string;
  description: string;
  /** Logo as an image URL; untrusted, shown through `<img>` only after `safeUrl()`. */
  logoUrl: string;
  /** Whether the channel's app is installed for this account. */
  installed: boolean;
  /** Whether the channel's app is authorized; `false` means it must be authorized again. */
  authorized: boolean;
  capabilities: ChannelCapabilities;
  /** The credential form; absent when the channel collects credentials on its own page. */
  accountFields?: CredentialField[];
  /** A page of the channel's own that collects credentials and posts the result back. */
  connectionUrl?: string;
}

/** Whether a connected account receives and sends messages. */
export type AccountStatus = 'active' | 'disabled';

/** Who incoming tickets are assigned to. */
export type AssignmentRule =
  | { mode: 'none' }
  | { mode: 'users-teams'; userIds: string[]; teamIds: string[] }
  /** The contact's owner; the contact must have an owner and be tracked. An offline owner is told by e-mail. */
  | { mode: 'contact-owner' };

/** What happens to every new ticket created from a channel account. */
export interface RoutingRules {
  /** Properties set on every new ticket (property name to value). */
  ticketProperties: Record<string, string>;
  assignment: AssignmentRule;
}

/** Credential values as typed into the form. */
export type Credentials = Record<string, string | boolean>;

/** One connection of a channel to an external account (a phone number, a bot, a workspace). */
export interface ChannelAccount {
  id: string;
  channelId: string;
  name: string;
  status: AccountStatus;
  routing: RoutingRules;
  /** ISO 8601. */
  createdAt: string;
  /** Stored credentials without secrets (secret fields are omitted). */
  credentials: Credentials;
}
