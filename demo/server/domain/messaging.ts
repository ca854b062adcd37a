// Messages: agents' replies (idempotent by clientId), messages the channel publishes (idempotent
// by the channel's own id, threaded by the channel's model), and delivery reports.
import type {
  ChannelDefinition,
  Conversation,
  DeliveryStatus,
  IncomingMessage,
  Message,
  OutgoingDraft,
} from '../../../src/model/index.js';
import type { Repo } from '../db/repo.js';
import { ApiError, notFound } from './errors.js';
import { findThread, startConversation } from './threading.js';

const preview = (text: string) => (text.length > 120 ? `${text.slice(0, 119)}…` : text);

export function conversationOf(repo: Repo, id: string): Conversation {
  const conversation = repo.conversation(id);
  if (!conversation) throw notFound('conversation', id);
  return conversation;
}

/** Appends a message and updates its conversation's summary; logs both events. */
function append(repo: Repo, conversation: Conversation, message: Message, unread: boolean): void {
  repo.putMessage(message);
  repo.emit({ type: 'message.created', seq: repo.nextSeq(conversation.id), message });
  repo.putConversation({
    ...conversation,
    status: message.direction === 'incoming' ? 'open' : conversation.status,
    lastMessage: { preview: preview(message.text), at: message.createdAt, direction: message.direction },
    unreadCount: conversation.unreadCount + (unread ? 1 : 0),
  });
}

/** Stores a new version of a message and logs message.updated. */
export function replaceMessage(repo: Repo, message: Message): void {
  repo.putMessage(message);
  repo.emit({ type: 'message.updated', seq: repo.nextSeq(message.conversationId), message });
}

export interface SendResult {
  message: Message;
  created: boolean;
  /** Whether the reply must go to the channel's webhook. */
  deliver: boolean;
}

export function sendMessage(
  repo: Repo,
  agentId: string,
  conversationId: string,
  draft: OutgoingDraft,
): SendResult {
  return repo.tx(() => {
    const seen = repo.db.prepare('SELECT message_id FROM sends WHERE client_id = ?').get(draft.clientId) as
      { message_id: string } | undefined;
    if (seen) {
      const message = repo.message(seen.message_id)!;
      if (message.conversationId !== conversationId) {
        throw new ApiError(
          'conflict',
          'That clientId was already used for a message in another conversation.',
          { fieldErrors: { clientId: 'Already used' } },
        );
      }
      return { message, created: false, deliver: false };
    }
    const conversation = conversationOf(repo, conversationId);
    const account = conversation.channelAccountId ? repo.account(conversation.channelAccountId) : undefined;
    const channel = conversation.channelId
      ? repo.get<ChannelDefinition>('channel', conversation.channelId)
      : undefined;
    const custom = draft.channel === 'custom';
    if (custom) {
      if (account?.status === 'disabled') {
        throw new ApiError(
          'conflict',
          `The ${account.name} account is turned off. Turn it on in channel settings, or reply by e-mail.`,
        );
      }
      if (channel && !channel.capabilities.outgoingMessages) {
        throw new ApiError('invalid', `${channel.name} doesn't take replies. Reply by e-mail instead.`, {
          fieldErrors: { channel: 'No outgoing messages' },
        });
      }
      if (channel && draft.text.length > channel.capabilities.maxTextLength) {
        const max = channel.capabilities.maxTextLength;
        throw new ApiError('invalid', `${channel.name} takes at most ${max} characters per message.`, {
          fieldErrors: { text: `At most ${max} characters` },
        });
      }
    }
    if (!draft.text.trim() && !draft.attachments?.length) {
      throw new ApiError('invalid', 'Write a message or attach a file.', {
        fieldErrors: { text: 'Required' },
      });
    }
    if (draft.replyToId && repo.message(draft.replyToId)?.conversationId !== conversationId) {
      throw new ApiError('invalid', 'The message replied to is not in this conversation.', {
        fieldErrors: { replyToId: 'Unknown message' },
      });
    }
    const agent = repo.get<{ id: string; name: string; avatarUrl?: string }>('agent', agentId);
    const seq = repo.messageCount(conversationId) + 1;
    // A reply on the custom channel waits for the channel's webhook to acknowledge it; one on
    // an account without a webhook, or on another medium, counts as sent at once.
    const deliver = custom && !!account && !!repo.integration(account.id)?.webhookUrl;
    const message: Message = {
      id: `${conversationId}-m${seq}`,
      clientId: draft.clientId,
      conversationId,
      seq,
      direction: 'outgoing',
      sender: {
        kind: 'agent',
        id: agentId,
        name: agent?.name ?? 'Agent',
        ...(agent?.avatarUrl ? { avatarUrl: agent.avatarUrl } : {}),
      },
      text: draft.text,
      attachments: draft.attachments ?? [],
      createdAt: repo.now(),
      channel: draft.channel,
      status: deliver ? 'pending' : 'sent',
    };
    if (draft.richText !== undefined) message.richText = draft.richText;
    if (draft.replyToId !== undefined) message.replyToId = draft.replyToId;
    repo.db
      .prepare('INSERT INTO sends (client_id, message_id) VALUES (?, ?)')
      .run(draft.clientId, message.id);
    append(repo, conversation, message, false);
    return { message, created: true, deliver };
  });
}

export function publishMessage(
  repo: Repo,
  accountId: string,
  incoming: IncomingMessage & { externalId: string },
): { message: Message; duplicate: boolean } {
  return repo.tx(() => {
    const seen = repo.db
      .prepare('SELECT message_id FROM publishes WHERE account_id = ? AND external_id = ?')
      .get(accountId, incoming.externalId) as { message_id: string } | undefined;
    if (seen) return { message: repo.message(seen.message_id)!, duplicate: true };
    const account = repo.account(accountId);
    if (!account) throw notFound('channel account', accountId);
    if (account.status === 'disabled')
      throw new ApiError(
        'conflict',
        `The ${account.name} account is turned off; it doesn't receive messages.`,
      );
    const channel = repo.get<ChannelDefinition>('channel', account.channelId);
    if (!channel) throw notFound('channel', account.channelId);
    if (incoming.text.length > channel.capabilities.maxTextLength) {
      const max = channel.capabilities.maxTextLength;
      throw new ApiError('invalid', `${channel.name} messages have at most ${max} characters.`, {
        fieldErrors: { text: `At most ${max} characters` },
      });
    }
    if (!incoming.text.trim() && !incoming.attachments?.length) {
      throw new ApiError('invalid', 'A message needs text or an attachment.', {
        fieldErrors: { text: 'Required' },
      });
    }
    let conversation = findThread(repo, account, channel, incoming);
    if (!conversation) {
      const started = startConversation(repo, account, channel, incoming);
      if (started.contact) repo.putContact(started.contact);
      if (started.ticket) repo.putTicket(started.ticket);
      conversation = started.conversation;
      repo.putConversation(conversation);
    }
    const contact = conversation.contactId ? repo.contact(conversation.contactId) : undefined;
    const seq = repo.messageCount(conversation.id) + 1;
    const id = `${conversation.id}-m${seq}`;
    const message: Message = {
      id,
      clientId: `ext-${account.id}-${incoming.externalId}`,
      conversationId: conversation.id,
      seq,
      direction: 'incoming',
      sender: {
        kind: 'contact',
        name: incoming.from?.name ?? contact?.name ?? conversation.contactName,
        ...(contact ? { id: contact.id } : {}),
      },
      text: incoming.text,
      attachments: incoming.attachments ?? [],
      createdAt: repo.now(),
      channel: 'custom',
      status: 'delivered',
    };
    if (incoming.richText !== undefined) message.richText = incoming.richText;
    if (
      incoming.replyToId !== undefined &&
      repo.message(incoming.replyToId)?.conversationId === conversation.id
    )
      message.replyToId = incoming.replyToId;
    repo.db
      .prepare('INSERT INTO publishes (account_id, external_id, message_id) VALUES (?, ?, ?)')
      .run(account.id, incoming.externalId, id);
    append(repo, conversationOf(repo, conversation.id), message, true);
    return { message, duplicate: false };
  });
}

const RANK: Record<DeliveryStatus, number> = { pending: 0, sent: 1, delivered: 2, read: 3, failed: 4 };

/**
 * Moves an outgoing message's delivery status forward (a late "delivered" after "read" changes
 * nothing); `failed` applies unless the message was already read.
 */
export function setDeliveryStatus(
  repo: Repo,
  messageId: string,
  status: DeliveryStatus,
  error?: string,
): Message {
  return repo.tx(() => {
    const message = repo.message(messageId);
    if (!message) throw notFound('message', messageId);
    const current = message.status;
    const forward =
      status === 'failed'
        ? current !== 'read' && current !== 'failed'
        : current !== 'failed' && RANK[status] > RANK[current];
    if (!forward) return message;
    const updated: Message = { ...message, status };
    if (status === 'failed') updated.error = error || 'The channel could not deliver this message.';
    else delete updated.error;
    replaceMessage(repo, updated);
    return updated;
  });
}

export function reportDelivery(
  repo: Repo,
  accountId: string,
  messageId: string,
  status: DeliveryStatus,
  error?: string,
): Message {
  const message = repo.message(messageId);
  const conversation = message && repo.conversation(message.conversationId);
  if (!message || conversation?.channelAccountId !== accountId || message.direction !== 'outgoing')
    throw notFound('outgoing message', messageId);
  return setDeliveryStatus(repo, messageId, status, error);
}

export function listMessages(repo: Repo, conversationId: string, before: string | undefined, limit: number) {
  conversationOf(repo, conversationId);
  let end = Number.MAX_SAFE_INTEGER;
  if (before) {
    const match = /^m1\.(\d+)$/.exec(before);
    if (!match)
      throw new ApiError('invalid', 'The page cursor is not one this server gave out.', {
        fieldErrors: { before: 'Unknown cursor' },
      });
    end = Number(match[1]);
  }
  const items = repo.messagesBefore(conversationId, end, limit);
  const first = items[0];
  const nextCursor = first && first.seq > 1 ? `m1.${first.seq}` : null;
  return { items, nextCursor, total: repo.messageCount(conversationId) };
}

export function markRead(repo: Repo, conversationId: string): void {
  repo.tx(() => {
    const conversation = conversationOf(repo, conversationId);
    if (conversation.unreadCount !== 0) repo.putConversation({ ...conversation, unreadCount: 0 });
  });
}
