import type { ConnectionState } from '../adapters/adapter.js';

export interface UiState {
  selectedConversationId: string | null;
  /** The message each conversation's reply answers, by conversation id. */
  replyTargets: Readonly<Record<string, string>>;
  connection: ConnectionState;
  notificationsEnabled: boolean;
}

export function initialUi(replyTargets: Record<string, string> = {}, notificationsEnabled = false): UiState {
  return { selectedConversationId: null, replyTargets, connection: 'online', notificationsEnabled };
}

export function conversationSelected(state: UiState, id: string | null): UiState {
  return state.selectedConversationId === id ? state : { ...state, selectedConversationId: id };
}

export function replyTargetSet(state: UiState, conversationId: string, messageId: string | null): UiState {
  if ((state.replyTargets[conversationId] ?? null) === messageId) return state;
  const replyTargets = { ...state.replyTargets };
  if (messageId === null) delete replyTargets[conversationId];
  else replyTargets[conversationId] = messageId;
  return { ...state, replyTargets };
}

export function connectionChanged(state: UiState, connection: ConnectionState): UiState {
  return state.connection === connection ? state : { ...state, connection };
}

export function notificationsSet(state: UiState, on: boolean): UiState {
  return state.notificationsEnabled === on ? state : { ...state, notificationsEnabled: on };
}
