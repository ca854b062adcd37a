// Which conversation an incoming message joins, by the channel's threading model, and what a new
// conversation starts with: a contact, a ticket routed by the account's rules.
import type {
  ChannelAccount,
  ChannelDefinition,
  Contact,
  Conversation,
  IncomingMessage,
  Ticket,
} from '../../model/index.js';
import { HelpDeskError } from '../errors.js';
import type { MemoryState } from './state.js';

/** The conversation `incoming` joins, or null when it starts a new one. */
export function findThread(
  state: MemoryState,
  account: ChannelAccount,
  channel: ChannelDefinition,
  incoming: IncomingMessage,
): Conversation | null {
  if (incoming.conversationId) {
    const conversation = state.conversation(incoming.conversationId);
    if (conversation.channelAccountId !== account.id) {
      throw new HelpDeskError('invalid', 'That conversation belongs to another channel account.', {
        fieldErrors: { conversationId: 'Other account' },
      });
    }
    return conversation;
  }
  const byModel = channel.capabilities.threadingModel === 'integration-thread';
  const key = byModel ? incoming.threadId : incoming.from?.address;
  if (!key) {
    const needed = byModel ? 'threadId' : 'from';
    throw new HelpDeskError(
      'invalid',
      `An incoming message on ${channel.name} needs a conversationId or ${byModel ? 'a threadId' : 'a sender address'}.`,
      {
        fieldErrors: { [needed]: 'Required' },
      },
    );
  }
  let found: Conversation | null = null;
  for (const c of state.conversationsOnThread(account.id, key)) {
    // One thread per sender address joins only an open conversation; a channel-named thread is
    // the same conversation whatever its status.
    if (!byModel && c.status !== 'open') continue;
    const at = c.lastMessage?.at ?? c.createdAt;
    if (!found || at > (found.lastMessage?.at ?? found.createdAt)) found = c;
  }
  return found;
}

/** Creates (without storing) a new conversation, its contact when a sender is named, and its ticket. */
export function startConversation(
  state: MemoryState,
  account: ChannelAccount,
  channel: ChannelDefinition,
  incoming: IncomingMessage,
): { conversation: Conversation; contact: Contact | null; ticket: Ticket | null } {
  const at = state.now();
  const from = incoming.from;
  let contact: Contact | null = null;
  if (from) {
    contact = state.contactByAddress(from.address) ?? null;
    if (!contact) {
      contact = {
        id: state.newId('contact', state.contacts),
        name: from.name,
        ownerId: null,
        tracked: false,
        createdAt: at,
      };
      if (from.address.includes('@')) contact.email = from.address;
      else contact.phone = from.address;
    }
  }
  const pipeline = state.pipelines[0];
  const id = state.newId('conv', state.conversations);
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
      id: state.newId('ticket', state.tickets),
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
  const externalThreadId =
    channel.capabilities.threadingModel === 'integration-thread'
      ? (incoming.threadId ?? id)
      : (from?.address ?? id);
  const conversation: Conversation = {
    id,
    channel: 'custom',
    channelId: channel.id,
    channelAccountId: account.id,
    externalThreadId,
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
