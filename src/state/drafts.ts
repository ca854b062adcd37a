import type { Attachment, MessageChannel } from '../model/index.js';

/** A reply being written in one conversation; survives a reload through storage. */
export interface Draft {
  text: string;
  richText?: string;
  /** Uploaded attachments, as metadata; the files themselves are already with the backend. */
  attachments: Attachment[];
  replyToId?: string;
  channel: MessageChannel;
  /** ISO 8601. */
  updatedAt: string;
}

export type DraftsState = Readonly<Record<string, Draft>>;

export function initialDrafts(restored: Record<string, Draft> = {}): DraftsState {
  return restored;
}

/** Merges a patch into a conversation's draft, starting a new one on the given channel. */
export function draftUpdated(
  state: DraftsState,
  conversationId: string,
  patch: Partial<Draft>,
  defaultChannel: MessageChannel,
  now: string,
): DraftsState {
  const current: Draft = state[conversationId] ?? {
    text: '',
    attachments: [],
    channel: defaultChannel,
    updatedAt: now,
  };
  const next: Draft = { ...current, ...patch, updatedAt: now };
  // `replyToId: undefined` in a patch means "no target"; drop the key so JSON and equality agree.
  if (next.replyToId === undefined) delete next.replyToId;
  if (next.richText === undefined) delete next.richText;
  return { ...state, [conversationId]: next };
}

export function draftCleared(state: DraftsState, conversationId: string): DraftsState {
  if (!state[conversationId]) return state;
  const next = { ...state };
  delete next[conversationId];
  return next;
}
