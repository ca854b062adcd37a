import type { AccountPatch, ConnectAccountInput, UploadOptions } from '../adapters/adapter.js';
import type {
  Attachment,
  ChannelAccount,
  Contact,
  Conversation,
  Insertable,
  InsertableKind,
  Ticket,
  TicketPatch,
} from '../model/index.js';
import {
  accountChangedLocally,
  accountErrorCleared,
  accountRolledBack,
  accountUpdateConfirmed,
  channelsFailed,
  channelsLoaded,
  channelsRequested,
  connectFailed,
  connectFinished,
  connectStarted,
} from './channels.js';
import { conversationsFetched } from './conversations.js';
import {
  contactFailed,
  contactLoaded,
  contactRequested,
  pastFailed,
  pastLoaded,
  pastRequested,
  peopleFailed,
  peopleLoaded,
  peopleRequested,
} from './people.js';
import { type CommandResult, fail, ok } from './result.js';
import type { HelpDeskState } from './state.js';
import { call, type StoreContext } from './store-context.js';
import {
  pipelinesFailed,
  pipelinesLoaded,
  ticketFailed,
  ticketLoaded,
  ticketPatchConfirmed,
  ticketPatchFailed,
  ticketPatchStarted,
  ticketRequested,
} from './tickets.js';

type Slice = keyof HelpDeskState;

function change<K extends Slice>(
  ctx: StoreContext,
  key: K,
  fn: (slice: HelpDeskState[K]) => HelpDeskState[K],
): void {
  ctx.update((s) => {
    const next = fn(s[key]);
    return next === s[key] ? s : { ...s, [key]: next };
  });
}

/** Runs a request; on success applies `onValue`, on failure `onError`, and resolves either way. */
async function request<T, K extends Slice>(
  ctx: StoreContext,
  key: K,
  run: () => Promise<T>,
  onValue: (slice: HelpDeskState[K], value: T) => HelpDeskState[K],
  onError: (slice: HelpDeskState[K], error: ReturnType<typeof fail>['error']) => HelpDeskState[K],
): Promise<CommandResult<T>> {
  try {
    const value = await call(run);
    change(ctx, key, (slice) => onValue(slice, value));
    return ok(value);
  } catch (error) {
    const failure = fail(error);
    change(ctx, key, (slice) => onError(slice, failure.error));
    return failure;
  }
}

export async function loadChannels(ctx: StoreContext): Promise<CommandResult<void>> {
  change(ctx, 'channels', channelsRequested);
  const result = await request(
    ctx,
    'channels',
    () => Promise.all([ctx.adapter.listChannels(), ctx.adapter.listAccounts()]),
    (c, [channels, accounts]) => channelsLoaded(c, channels, accounts),
    channelsFailed,
  );
  return result.ok ? ok(undefined) : result;
}

export async function loadPeople(ctx: StoreContext): Promise<CommandResult<void>> {
  change(ctx, 'people', peopleRequested);
  const result = await request(
    ctx,
    'people',
    () => Promise.all([ctx.adapter.listAgents(), ctx.adapter.listTeams(), ctx.adapter.getCurrentAgent()]),
    (p, [agents, teams, me]) => peopleLoaded(p, agents, teams, me),
    peopleFailed,
  );
  return result.ok ? ok(undefined) : result;
}

export async function loadPipelines(ctx: StoreContext): Promise<CommandResult<void>> {
  const result = await request(
    ctx,
    'tickets',
    () => ctx.adapter.listPipelines(),
    pipelinesLoaded,
    pipelinesFailed,
  );
  return result.ok ? ok(undefined) : result;
}

export function loadTicket(ctx: StoreContext, id: string): Promise<CommandResult<Ticket>> {
  change(ctx, 'tickets', (t) => ticketRequested(t, id));
  return request(
    ctx,
    'tickets',
    () => ctx.adapter.getTicket(id),
    ticketLoaded,
    (t, e) => ticketFailed(t, id, e),
  );
}

let patchToken = 0;

/** Optimistic: the patch shows at once and rolls back if refused; the refusal keeps its field errors. */
export function updateTicket(
  ctx: StoreContext,
  id: string,
  patch: TicketPatch,
): Promise<CommandResult<Ticket>> {
  const token = ++patchToken;
  const seqAtStart = ctx.state.tickets.entries[id]?.lastSeq ?? 0;
  change(ctx, 'tickets', (t) => ticketPatchStarted(t, id, token, patch));
  return request(
    ctx,
    'tickets',
    () => ctx.adapter.updateTicket(id, patch),
    (t, ticket) => ticketPatchConfirmed(t, token, ticket, seqAtStart),
    (t, e) => ticketPatchFailed(t, id, token, e),
  );
}

export function loadContact(ctx: StoreContext, id: string): Promise<CommandResult<Contact>> {
  change(ctx, 'people', (p) => contactRequested(p, id));
  return request(
    ctx,
    'people',
    () => ctx.adapter.getContact(id),
    contactLoaded,
    (p, e) => contactFailed(p, id, e),
  );
}

export async function loadPastConversations(
  ctx: StoreContext,
  contactId: string,
): Promise<CommandResult<Conversation[]>> {
  change(ctx, 'people', (p) => pastRequested(p, contactId));
  const result = await request(
    ctx,
    'people',
    () => ctx.adapter.listPastConversations(contactId),
    (p, list) =>
      pastLoaded(
        p,
        contactId,
        list.map((c) => c.id),
      ),
    (p, e) => pastFailed(p, contactId, e),
  );
  if (result.ok) change(ctx, 'conversations', (c) => conversationsFetched(c, result.value));
  return result;
}

export function connectAccount(
  ctx: StoreContext,
  input: ConnectAccountInput,
): Promise<CommandResult<ChannelAccount>> {
  change(ctx, 'channels', connectStarted);
  return request(ctx, 'channels', () => ctx.adapter.connectAccount(input), connectFinished, connectFailed);
}

function snapshot(state: HelpDeskState, id: string) {
  const c = state.channels;
  return { previous: c.accounts[id], index: c.accountIds.indexOf(id), seqAtStart: c.accountSeq[id] };
}

/** Optimistic edit (credentials are left to the backend's answer); rolls back if refused. */
export function updateAccount(
  ctx: StoreContext,
  id: string,
  patch: AccountPatch,
): Promise<CommandResult<ChannelAccount>> {
  const { previous, index, seqAtStart } = snapshot(ctx.state, id);
  if (previous) {
    const { credentials: _ignored, ...fields } = patch;
    change(ctx, 'channels', (c) => accountChangedLocally(c, id, { ...previous, ...fields }));
  }
  return request(
    ctx,
    'channels',
    () => ctx.adapter.updateAccount(id, patch),
    (c, account) => accountUpdateConfirmed(accountErrorCleared(c, id), account, seqAtStart),
    (c, e) => (previous ? accountRolledBack(c, previous, index, seqAtStart, e) : c),
  );
}

/** Optimistic removal; the account comes back in its place if the backend refuses. */
export function deleteAccount(ctx: StoreContext, id: string): Promise<CommandResult<void>> {
  const { previous, index, seqAtStart } = snapshot(ctx.state, id);
  change(ctx, 'channels', (c) => accountChangedLocally(c, id, null));
  return request(
    ctx,
    'channels',
    () => ctx.adapter.deleteAccount(id),
    (c) => accountErrorCleared(c, id),
    (c, e) => (previous ? accountRolledBack(c, previous, index, seqAtStart, e) : c),
  );
}

/** Pass-throughs with no state of their own: only the errors are converted. */
export async function searchInsertables(
  ctx: StoreContext,
  kind: InsertableKind,
  text: string,
): Promise<CommandResult<Insertable[]>> {
  try {
    return ok(await call(() => ctx.adapter.searchInsertables(kind, text)));
  } catch (error) {
    return fail(error);
  }
}

export async function uploadAttachment(
  ctx: StoreContext,
  file: File,
  options?: UploadOptions,
): Promise<CommandResult<Attachment>> {
  try {
    return ok(await call(() => ctx.adapter.uploadAttachment(file, options)));
  } catch (error) {
    return fail(error);
  }
}
