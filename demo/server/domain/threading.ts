// Which conversation an incoming message joins, by the channel's threading model, and what a new
// conversation starts with: a contact and a ticket routed by the account's rules. The same rules
// as the MemoryAdapter's, over SQL.
import type {
  ChannelAccount,
  ChannelDefinition,
  Contact,
  Conversation,
  IncomingMessage,
  Pipeline,
  Ticket,
} from '../../../src/model/index.js';
import type { Repo } from '../db/repo.js';
import { ApiError, notFound } from './errors.js';

export function findThread(
  repo: Repo,
  account: ChannelAccount,
  channel: ChannelDefinition,
  incoming: IncomingMessage,
): Conversation | null {
  if (incoming.conversationId) {
    const conversation = repo.conversation(incoming.conversationId);
    if (!conversation) throw notFound('conversation', incoming.conversationId);
    if (conversation.channelAccountId !== account.id) {
      throw new ApiError('invalid', 'That conversation belongs to another channel account.', {
        fieldErrors: { conversationId: 'Other account' },
      });
    }
    return conversation;
  }
  const byThread = channel.capabilities.threadingModel === 'integration-thread';
  const key = byThread ? incoming.threadId : incoming.from?.address;
  if (!key) {
    throw new ApiError(
      'invalid',
      `An incoming message on ${channel.name} needs a conversationId or ${byThread ? 'a threadId' : 'a sender address'}.`,
      {
        fieldErrors: { [byThread ? 'threadId' : 'from']: 'Required' },
      },
    );
  }
  // One thread per sender address joins only an open conversation; a channel-named thread is the
  // same conversation whatever its status.
  const [found] = repo.conversationsWhere(
    `account_id = ? AND thread_key = ? ${byThread ? '' : "AND status = 'open'"} ORDER BY sort_key DESC, id DESC LIMIT 1`,
    account.id,
    key,
  );
  return found ?? null;
}

export function startConversation(
  repo: Repo,
  account: ChannelAccount,
  channel: ChannelDefinition,
  incoming: IncomingMessage,
): { conversation: Conversation; contact: Contact | null; ticket: Ticket | null } {
  const at = repo.now();
  const from = incoming.from;
  let contact: Contact | null = null;
  if (from) {
    contact = repo.contactByAddress(from.address) ?? null;
    if (!contact) {
      contact = {
        id: repo.newId('contact', 'contacts'),
        name: from.name,
        ownerId: null,
        tracked: false,
        createdAt: at,
      };
      if (from.address.includes('@')) contact.email = from.address;
      else contact.phone = from.address;
    }
  }
  const [pipeline] = repo.list<Pipeline>('pipeline');
  const id = repo.newId('conv', 'conversations');
  let ticket: Ticket | null = null;
  if (pipeline?.stages[0]) {
    const rule = account.routing.assignment;
    const ownerId =
      rule.mode === 'users-teams'
        ? (rule.userIds[0] ?? rule.teamIds[0] ?? null)
        : rule.mode === 'contact-owner' && contact?.tracked
          ? contact.ownerId
          : null;
    ticket = {
      id: repo.newId('ticket', 'tickets'),
      name: incoming.text.slice(0, 60) || `${channel.name} conversation`,
      pipelineId: pipeline.id,
      stageId: pipeline.stages[0].id,
      ownerId,
      priority: 'medium',
      properties: { ...account.routing.ticketProperties },
      contactId: contact?.id ?? null,
      createdAt: at,
      updatedAt: at,
    };
  }
  const byThread = channel.capabilities.threadingModel === 'integration-thread';
  const conversation: Conversation = {
    id,
    channel: 'custom',
    channelId: channel.id,
    channelAccountId: account.id,
    externalThreadId: byThread ? (incoming.threadId ?? id) : (from?.address ?? id),
    contactId: contact?.id ?? null,
    contactName: contact?.name ?? '',
    ticketId: ticket?.id ?? null,
    status: 'open',
    assigneeId: ticket?.ownerId ?? null,
    lastMessage: null,
    unreadCount: 0,
    createdAt: at,
  };
  if (contact?.avatarUrl) conversation.contactAvatarUrl = contact.avatarUrl;
  if (ticket) conversation.ticketName = ticket.name;
  return { conversation, contact, ticket };
}
