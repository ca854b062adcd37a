// Sending and receiving messages: idempotency, the channel's limits, delivery over time, and the
// conversation summary that follows each new message.
import type {
  Actor,
  ChannelDefinition,
  Conversation,
  IncomingMessage,
  Message,
  OutgoingDraft,
} from '../../model/index.js';
import { HelpDeskError } from '../errors.js';
import type { MemoryState } from './state.js';
import { findThread, startConversation } from './threading.js';
import type { Timers } from './timers.js';

const preview = (text: string) => (text.length > 120 ? `${text.slice(0, 119)}…` : text);

function channelOf(state: MemoryState, conversation: Conversation): ChannelDefinition | null {
  return conversation.channelId ? (state.channels.get(conversation.channelId) ?? null) : null;
}

/** Appends a message and updates its conversation; emits message.created and conversation.updated. */
function append(state: MemoryState, conversation: Conversation, message: Message, unread: boolean): void {
  state.messagesOf(conversation.id).push(message);
  state.emit({ type: 'message.created', seq: state.nextSeq(conversation.id), message });
  state.putConversation({
    ...conversation,
    status: message.direction === 'incoming' ? 'open' : conversation.status,
    lastMessage: { preview: preview(message.text), at: message.createdAt, direction: message.direction },
    unreadCount: conversation.unreadCount + (unread ? 1 : 0),
  });
}

/** Replaces a stored message by a new version and emits message.updated. */
function replace(state: MemoryState, message: Message): void {
  const list = state.messagesOf(message.conversationId);
  const at = message.seq - 1;
  if (list[at]?.id !== message.id) return;
  list[at] = message;
  state.emit({ type: 'message.updated', seq: state.nextSeq(message.conversationId), message });
}

export function sendMessage(
  state: MemoryState,
  timers: Timers,
  latencyMs: number,
  conversationId: string,
  draft: OutgoingDraft,
): Message {
  const seen = state.byClientId.get(draft.clientId);
  if (seen) return state.messagesOf(seen[0]).find((m) => m.id === seen[1])!;
  const conversation = state.conversation(conversationId);
  const account = conversation.channelAccountId
    ? state.accounts.get(conversation.channelAccountId)
    : undefined;
  const channel = channelOf(state, conversation);
  if (draft.channel === 'custom') {
    if (account?.status === 'disabled') {
      throw new HelpDeskError(
        'conflict',
        `The ${account.name} account is turned off. Turn it on in channel settings, or reply by e-mail.`,
      );
    }
    if (channel && !channel.capabilities.outgoingMessages) {
      throw new HelpDeskError('invalid', `${channel.name} doesn't take replies. Reply by e-mail instead.`, {
        fieldErrors: { channel: 'No outgoing messages' },
      });
    }
    if (channel && draft.text.length > channel.capabilities.maxTextLength) {
      const max = channel.capabilities.maxTextLength;
      throw new HelpDeskError('invalid', `${channel.name} takes at most ${max} characters per message.`, {
        fieldErrors: { text: `At most ${max} characters` },
      });
    }
  }
  if (!draft.text.trim() && !draft.attachments?.length) {
    throw new HelpDeskError('invalid', 'Write a message or attach a file.', {
      fieldErrors: { text: 'Required' },
    });
  }
  const list = state.messagesOf(conversationId);
  if (draft.replyToId && !list.some((m) => m.id === draft.replyToId)) {
    throw new HelpDeskError('invalid', 'The message replied to is not in this conversation.', {
      fieldErrors: { replyToId: 'Unknown message' },
    });
  }
  const agent = state.agents.find((a) => a.id === state.currentAgentId);
  const sender: Actor = { kind: 'agent', id: state.currentAgentId, name: agent?.name ?? 'Agent' };
  if (agent?.avatarUrl) sender.avatarUrl = agent.avatarUrl;
  const seq = list.length + 1;
  const message: Message = {
    id: `${conversationId}-m${seq}`,
    clientId: draft.clientId,
    conversationId,
    seq,
    direction: 'outgoing',
    sender,
    text: draft.text,
    attachments: draft.attachments ?? [],
    createdAt: state.now(),
    channel: draft.channel,
    status: 'sent',
  };
  if (draft.richText !== undefined) message.richText = draft.richText;
  if (draft.replyToId !== undefined) message.replyToId = draft.replyToId;
  state.byClientId.set(draft.clientId, [conversationId, message.id]);
  append(state, conversation, message, false);

  // Delivered, then read, like a channel's receipts; scaled to the latency so demos look real.
  const base = Math.max(latencyMs, 5);
  timers.after(base * 4, () => advance(state, message, 'delivered'));
  timers.after(base * 10, () => advance(state, message, 'read'));
  return message;
}

function advance(state: MemoryState, sent: Message, status: 'delivered' | 'read'): void {
  const current = state.messagesOf(sent.conversationId)[sent.seq - 1];
  if (!current || current.id !== sent.id || current.status === 'failed' || current.status === status) return;
  replace(state, { ...current, status });
}

export function receive(state: MemoryState, incoming: IncomingMessage): Message {
  const account = state.account(incoming.channelAccountId);
  const dedupeKey = incoming.externalId === undefined ? undefined : `${account.id}\n${incoming.externalId}`;
  const seen = dedupeKey === undefined ? undefined : state.byExternalId.get(dedupeKey);
  if (seen) return state.messagesOf(seen[0]).find((m) => m.id === seen[1])!;
  if (account.status === 'disabled') {
    throw new HelpDeskError(
      'conflict',
      `The ${account.name} account is turned off; it doesn't receive messages.`,
    );
  }
  const channel = state.channels.get(account.channelId);
  if (!channel) throw new HelpDeskError('not-found', `No channel with id "${account.channelId}".`);

  let conversation = findThread(state, account, channel, incoming);
  if (!conversation) {
    const started = startConversation(state, account, channel, incoming);
    if (started.contact) state.putContact(started.contact);
    if (started.ticket) state.putTicket(started.ticket);
    conversation = started.conversation;
    state.putConversation(conversation);
  }
  const contact = conversation.contactId ? state.contacts.get(conversation.contactId) : undefined;
  const sender: Actor = incoming.from
    ? { kind: 'contact', name: incoming.from.name, ...(contact ? { id: contact.id } : {}) }
    : {
        kind: 'contact',
        name: contact?.name ?? conversation.contactName,
        ...(contact ? { id: contact.id } : {}),
      };
  const list = state.messagesOf(conversation.id);
  const seq = list.length + 1;
  const id = `${conversation.id}-m${seq}`;
  const message: Message = {
    id,
    clientId: incoming.externalId === undefined ? `in-${id}` : `ext-${incoming.externalId}`,
    conversationId: conversation.id,
    seq,
    direction: 'incoming',
    sender,
    text: incoming.text,
    attachments: incoming.attachments ?? [],
    createdAt: state.now(),
    channel: 'custom',
    status: 'delivered',
  };
  if (incoming.richText !== undefined) message.richText = incoming.richText;
  if (incoming.replyToId !== undefined && list.some((m) => m.id === incoming.replyToId))
    message.replyToId = incoming.replyToId;
  if (dedupeKey !== undefined) state.byExternalId.set(dedupeKey, [conversation.id, id]);
  append(state, state.conversation(conversation.id), message, true);
  return message;
}
