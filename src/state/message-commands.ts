import { HelpDeskError } from '../adapters/errors.js';
import type { Actor, Attachment, Message, MessageChannel, OutgoingDraft } from '../model/index.js';
import { conversationChanged } from './conversations.js';
import { draftCleared } from './drafts.js';
import {
  LOCAL_SEQ,
  sendConfirmed,
  sendFailed,
  sendStarted,
  threadFailed,
  threadPageLoaded,
  threadRequested,
} from './messages.js';
import { type CommandResult, fail, ok } from './result.js';
import type { HelpDeskState } from './state.js';
import { call, type StoreContext } from './store-context.js';
import { replyTargetSet } from './ui.js';

/** What the rep sends from the editor. */
export interface SendInput {
  text: string;
  richText?: string;
  attachments?: Attachment[];
  replyToId?: string;
  /** Defaults to the draft's channel, then the conversation's. */
  channel?: MessageChannel;
}

type MessagesChange = (m: HelpDeskState['messages']) => HelpDeskState['messages'];

function messages(ctx: StoreContext, change: MessagesChange): void {
  ctx.update((s) => {
    const next = change(s.messages);
    return next === s.messages ? s : { ...s, messages: next };
  });
}

async function loadPage(ctx: StoreContext, conversationId: string, before: string | null) {
  messages(ctx, (m) => threadRequested(m, conversationId));
  try {
    const query = before === null ? { limit: ctx.pageSize } : { before, limit: ctx.pageSize };
    const page = await call(() => ctx.adapter.listMessages(conversationId, query));
    messages(ctx, (m) => threadPageLoaded(m, conversationId, page, before !== null));
    return ok(undefined);
  } catch (error) {
    const failure = fail(error);
    messages(ctx, (m) => threadFailed(m, conversationId, failure.error));
    return failure;
  }
}

/** The newest page of a thread, once; a thread that is loaded or loading is left alone. */
export async function loadMessages(ctx: StoreContext, conversationId: string): Promise<CommandResult<void>> {
  const thread = ctx.state.messages.threads[conversationId];
  if (thread && (thread.loaded || thread.loading)) return ok(undefined);
  return loadPage(ctx, conversationId, null);
}

export async function loadOlderMessages(
  ctx: StoreContext,
  conversationId: string,
): Promise<CommandResult<void>> {
  const thread = ctx.state.messages.threads[conversationId];
  if (!thread?.loaded) return loadMessages(ctx, conversationId);
  if (thread.loading || !thread.hasOlder || thread.olderCursor === null) return ok(undefined);
  return loadPage(ctx, conversationId, thread.olderCursor);
}

function currentSender(state: HelpDeskState): Actor {
  const agent = state.people.currentAgent;
  if (!agent) return { kind: 'agent', name: '' };
  const actor: Actor = { kind: 'agent', id: agent.id, name: agent.name };
  if (agent.avatarUrl !== undefined) actor.avatarUrl = agent.avatarUrl;
  return actor;
}

function toOutgoing(local: Message): OutgoingDraft {
  const draft: OutgoingDraft = { clientId: local.clientId, text: local.text, channel: local.channel };
  if (local.richText !== undefined) draft.richText = local.richText;
  if (local.attachments.length > 0) draft.attachments = local.attachments;
  if (local.replyToId !== undefined) draft.replyToId = local.replyToId;
  return draft;
}

/**
 * Sends optimistically: the message shows at once as pending, the draft and reply target clear, and
 * the conversation's last message moves on. The local copy is replaced by the server's message when
 * the answer or its `message.created` event arrives, whichever is first.
 */
export function send(
  ctx: StoreContext,
  conversationId: string,
  input: SendInput,
): Promise<CommandResult<Message>> {
  const state = ctx.state;
  const clientId = ctx.newClientId();
  const conversation = state.conversations.byId[conversationId];
  const now = ctx.now();
  const local: Message = {
    id: `local:${clientId}`,
    clientId,
    conversationId,
    seq: LOCAL_SEQ,
    direction: 'outgoing',
    sender: currentSender(state),
    text: input.text,
    attachments: input.attachments ?? [],
    createdAt: now,
    channel: input.channel ?? state.drafts[conversationId]?.channel ?? conversation?.channel ?? 'custom',
    status: 'pending',
  };
  if (input.richText !== undefined) local.richText = input.richText;
  if (input.replyToId !== undefined) local.replyToId = input.replyToId;
  ctx.update((s) => {
    let conversations = s.conversations;
    const current = s.conversations.byId[conversationId];
    if (current) {
      const lastMessage = { preview: input.text, at: now, direction: 'outgoing' as const };
      const context = { currentAgentId: s.people.currentAgent?.id ?? null };
      conversations = conversationChanged(s.conversations, { ...current, lastMessage }, context);
    }
    return {
      ...s,
      conversations,
      messages: sendStarted(s.messages, local),
      drafts: draftCleared(s.drafts, conversationId),
      ui: replyTargetSet(s.ui, conversationId, null),
    };
  });
  return deliver(ctx, local);
}

/** Sends a failed message again with the same clientId, so the backend can tell it is the same one. */
export function retry(
  ctx: StoreContext,
  conversationId: string,
  clientId: string,
): Promise<CommandResult<Message>> {
  const local = ctx.state.messages.threads[conversationId]?.pending[clientId];
  if (!local) {
    return Promise.resolve(fail(new HelpDeskError('not-found', 'There is no unsent message to retry.')));
  }
  if (local.status === 'pending') {
    return Promise.resolve(fail(new HelpDeskError('conflict', 'The message is already being sent.')));
  }
  const again: Message = { ...local, status: 'pending' };
  delete again.error;
  messages(ctx, (m) => sendStarted(m, again));
  return deliver(ctx, again);
}

async function deliver(ctx: StoreContext, local: Message): Promise<CommandResult<Message>> {
  try {
    const message = await call(() => ctx.adapter.sendMessage(local.conversationId, toOutgoing(local)));
    messages(ctx, (m) => sendConfirmed(m, message));
    return ok(message);
  } catch (error) {
    const failure = fail(error);
    messages(ctx, (m) => sendFailed(m, local.conversationId, local.clientId, failure.error));
    return failure;
  }
}
