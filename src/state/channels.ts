import type { HelpDeskError } from '../adapters/errors.js';
import type { ChannelAccount, ChannelDefinition } from '../model/index.js';

export interface ChannelsState {
  channels: readonly ChannelDefinition[];
  accounts: Readonly<Record<string, ChannelAccount>>;
  /** Accounts in the order the backend listed them, new ones last. */
  accountIds: readonly string[];
  /** Seq of the last `account.updated` applied per account; kept after a delete as a tombstone. */
  accountSeq: Readonly<Record<string, number>>;
  loading: boolean;
  error: HelpDeskError | null;
  connecting: boolean;
  /** Why the last `connectAccount` failed; its `fieldErrors` name the credential fields. */
  connectError: HelpDeskError | null;
  /** Why the last edit or delete of an account failed. */
  accountErrors: Readonly<Record<string, HelpDeskError>>;
}

export function initialChannels(): ChannelsState {
  return {
    channels: [],
    accounts: {},
    accountIds: [],
    accountSeq: {},
    loading: false,
    error: null,
    connecting: false,
    connectError: null,
    accountErrors: {},
  };
}

export function channelsRequested(state: ChannelsState): ChannelsState {
  return { ...state, loading: true, error: null };
}

export function channelsLoaded(
  state: ChannelsState,
  channels: readonly ChannelDefinition[],
  accounts: readonly ChannelAccount[],
): ChannelsState {
  let next: ChannelsState = { ...state, channels, loading: false, error: null };
  for (const account of accounts) next = accountFetched(next, account);
  return next;
}

export function channelsFailed(state: ChannelsState, error: HelpDeskError): ChannelsState {
  return { ...state, loading: false, error };
}

function put(state: ChannelsState, account: ChannelAccount, index?: number): ChannelsState {
  const known = state.accountIds.includes(account.id);
  let accountIds = state.accountIds;
  if (!known) {
    const at = index === undefined ? accountIds.length : Math.min(index, accountIds.length);
    accountIds = [...accountIds.slice(0, at), account.id, ...accountIds.slice(at)];
  }
  return { ...state, accounts: { ...state.accounts, [account.id]: account }, accountIds };
}

function remove(state: ChannelsState, id: string): ChannelsState {
  if (!state.accounts[id]) return state;
  const accounts = { ...state.accounts };
  delete accounts[id];
  return { ...state, accounts, accountIds: state.accountIds.filter((a) => a !== id) };
}

/** An account from a request; one an event has spoken about (or deleted) is left to the events. */
export function accountFetched(state: ChannelsState, account: ChannelAccount): ChannelsState {
  return state.accountSeq[account.id] !== undefined ? state : put(state, account);
}

export function accountEvent(
  state: ChannelsState,
  seq: number,
  account: ChannelAccount,
  deleted: boolean,
): ChannelsState {
  const last = state.accountSeq[account.id];
  if (last !== undefined && seq <= last) return state;
  const next = deleted ? remove(state, account.id) : put(state, account);
  return { ...next, accountSeq: { ...state.accountSeq, [account.id]: seq } };
}

export function connectStarted(state: ChannelsState): ChannelsState {
  return { ...state, connecting: true, connectError: null };
}

export function connectFinished(state: ChannelsState, account: ChannelAccount): ChannelsState {
  return { ...accountFetched(state, account), connecting: false, connectError: null };
}

export function connectFailed(state: ChannelsState, error: HelpDeskError): ChannelsState {
  return { ...state, connecting: false, connectError: error };
}

function setAccountError(state: ChannelsState, id: string, error: HelpDeskError | null): ChannelsState {
  if (!error && !state.accountErrors[id]) return state;
  const accountErrors = { ...state.accountErrors };
  if (error) accountErrors[id] = error;
  else delete accountErrors[id];
  return { ...state, accountErrors };
}

export function accountErrorCleared(state: ChannelsState, id: string): ChannelsState {
  return setAccountError(state, id, null);
}

/** Optimistic edit or removal of an account. */
export function accountChangedLocally(
  state: ChannelsState,
  id: string,
  account: ChannelAccount | null,
): ChannelsState {
  const next = account ? put(state, account) : remove(state, id);
  return setAccountError(next, id, null);
}

/**
 * Puts back an account after the backend refused an edit or delete, unless an event spoke about it
 * while the request was out (`seqAtStart` behind): that event is newer than our snapshot.
 */
export function accountRolledBack(
  state: ChannelsState,
  previous: ChannelAccount,
  index: number,
  seqAtStart: number | undefined,
  error: HelpDeskError,
): ChannelsState {
  const moved = state.accountSeq[previous.id] !== seqAtStart;
  const next = moved ? state : put(remove(state, previous.id), previous, index);
  return setAccountError(next, previous.id, error);
}

/** The backend accepted an edit; its answer stands unless an event came while it was out. */
export function accountUpdateConfirmed(
  state: ChannelsState,
  account: ChannelAccount,
  seqAtStart: number | undefined,
): ChannelsState {
  return state.accountSeq[account.id] !== seqAtStart ? state : put(state, account);
}
