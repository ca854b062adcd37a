// The rest of the help desk: accounts, the conversation list, tickets, views. Rules match the
// MemoryAdapter's (credential checks are shared with it), so both adapters pass one contract.
import type { AccountPatch, ConnectAccountInput, ConversationQuery } from '../../../src/adapters/adapter.js';
import {
  checkCredentials,
  publicCredentials,
  secretCredentials,
} from '../../../src/adapters/memory/credentials.js';
import type {
  Agent,
  ChannelAccount,
  ChannelDefinition,
  Conversation,
  ConversationFilters,
  Pipeline,
  PropertyValue,
  Team,
  Ticket,
  TicketPatch,
} from '../../../src/model/index.js';
import type { Repo } from '../db/repo.js';
import { ApiError, notFound } from './errors.js';

function channelOf(repo: Repo, id: string): ChannelDefinition {
  const channel = repo.get<ChannelDefinition>('channel', id);
  if (!channel)
    throw new ApiError('not-found', `No channel with id "${id}".`, {
      fieldErrors: { channelId: 'Unknown channel' },
    });
  return channel;
}

export function accountOf(repo: Repo, id: string): ChannelAccount {
  const account = repo.account(id);
  if (!account) throw notFound('channel account', id);
  return account;
}

export function connectAccount(repo: Repo, input: ConnectAccountInput): ChannelAccount {
  return repo.tx(() => {
    const channel = channelOf(repo, input.channelId);
    if (!channel.installed)
      throw new ApiError('conflict', `${channel.name} is not installed. Install the app first.`);
    if (!channel.authorized)
      throw new ApiError(
        'conflict',
        `${channel.name} needs to be authorized again before accounts can be connected.`,
      );
    checkCredentials(channel, input.credentials);
    const account: ChannelAccount = {
      id: repo.newId('acc', 'accounts'),
      channelId: channel.id,
      name: input.name?.trim() || `${channel.name} account`,
      status: 'active',
      routing: input.routing,
      createdAt: repo.now(),
      credentials: publicCredentials(channel, input.credentials),
    };
    repo.insertAccount(account, secretCredentials(channel, input.credentials));
    repo.emit({ type: 'account.updated', seq: repo.nextSeq(account.id), account });
    return account;
  });
}

export function updateAccount(repo: Repo, id: string, patch: AccountPatch): ChannelAccount {
  return repo.tx(() => {
    const account = accountOf(repo, id);
    const channel = channelOf(repo, account.channelId);
    const updated: ChannelAccount = { ...account };
    let secrets: Record<string, unknown> | undefined;
    if (patch.name !== undefined) {
      if (!patch.name.trim())
        throw new ApiError('invalid', 'Give the account a name.', { fieldErrors: { name: 'Required' } });
      updated.name = patch.name.trim();
    }
    if (patch.status !== undefined) updated.status = patch.status;
    if (patch.routing !== undefined) updated.routing = patch.routing;
    if (patch.credentials !== undefined) {
      checkCredentials(channel, patch.credentials, true);
      updated.credentials = { ...account.credentials, ...publicCredentials(channel, patch.credentials) };
      secrets = { ...repo.accountSecrets(id), ...secretCredentials(channel, patch.credentials) };
    }
    repo.updateAccount(updated, secrets);
    repo.emit({ type: 'account.updated', seq: repo.nextSeq(id), account: updated });
    return updated;
  });
}

export function deleteAccount(repo: Repo, id: string): void {
  repo.tx(() => {
    const account = accountOf(repo, id);
    repo.deleteAccount(id);
    repo.emit({ type: 'account.updated', seq: repo.nextSeq(id), account, deleted: true });
  });
}

export function listConversations(repo: Repo, agentId: string, query: ConversationQuery) {
  let viewFilters: ConversationFilters = {};
  let viewText = '';
  if (query.viewId !== undefined) {
    const view = repo.view(query.viewId);
    if (!view) throw notFound('view', query.viewId);
    viewFilters = view.filters;
    viewText = view.text ?? '';
  }
  const filters: ConversationFilters = { ...viewFilters };
  for (const [key, value] of Object.entries(query.filters ?? {}))
    if (value !== undefined) Object.assign(filters, { [key]: value });
  const where: string[] = [];
  const args: unknown[] = [];
  const add = (clause: string, ...values: unknown[]) => {
    where.push(clause);
    args.push(...values);
  };
  if (filters.channelAccountId !== undefined) add('account_id = ?', filters.channelAccountId);
  if (filters.status && filters.status !== 'all') add('status = ?', filters.status);
  if (filters.assignee === 'unassigned') add('assignee_id IS NULL');
  else if (filters.assignee !== undefined)
    add('assignee_id = ?', filters.assignee === 'me' ? agentId : filters.assignee);
  if (filters.unreadOnly) add('unread > 0');
  const text = (query.text?.trim() || viewText.trim()).toLowerCase();
  if (text) {
    const like = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    add(
      "(search LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = conversations.id AND m.text LIKE ? ESCAPE '\\'))",
      like,
      like,
    );
  }
  const filter = where.length ? where.join(' AND ') : '1';
  const total = (
    repo.db.prepare(`SELECT COUNT(*) AS n FROM conversations WHERE ${filter}`).get(...args) as { n: number }
  ).n;
  let page = filter;
  const pageArgs = [...args];
  if (query.cursor) {
    const match = /^c1\.([^.]*\.[^.]*)\.(.+)$/.exec(query.cursor);
    if (!match)
      throw new ApiError('invalid', 'The page cursor is not one this server gave out.', {
        fieldErrors: { cursor: 'Unknown cursor' },
      });
    page += ' AND (sort_key < ? OR (sort_key = ? AND id < ?))';
    pageArgs.push(match[1], match[1], decodeURIComponent(match[2]!));
  }
  const items = repo.conversationsWhere(
    `${page} ORDER BY sort_key DESC, id DESC LIMIT ?`,
    ...pageArgs,
    query.limit + 1,
  );
  const more = items.length > query.limit;
  if (more) items.pop();
  const last = items.at(-1);
  const key = (c: Conversation) => c.lastMessage?.at ?? c.createdAt;
  return { items, nextCursor: more && last ? `c1.${key(last)}.${encodeURIComponent(last.id)}` : null, total };
}

export function pastConversations(repo: Repo, contactId: string): Conversation[] {
  if (!repo.contact(contactId)) throw notFound('contact', contactId);
  return repo.conversationsWhere('contact_id = ? ORDER BY sort_key DESC, id DESC', contactId);
}

const isMissing = (value: PropertyValue | undefined) => value === undefined || value === null || value === '';

export function updateTicket(repo: Repo, id: string, patch: TicketPatch): Ticket {
  return repo.tx(() => {
    const ticket = repo.ticket(id);
    if (!ticket) throw notFound('ticket', id);
    const pipeline = repo.get<Pipeline>('pipeline', ticket.pipelineId);
    const errors: Record<string, string> = {};
    const properties = { ...ticket.properties, ...patch.properties };
    const stageId = patch.stageId ?? ticket.stageId;
    const stage = pipeline?.stages.find((s) => s.id === stageId);
    if (!stage) errors['stageId'] = 'Unknown stage';
    if (patch.ownerId !== undefined && patch.ownerId !== null && !isOwner(repo, patch.ownerId))
      errors['ownerId'] = 'Unknown agent or team';
    if (stage && stage.id !== ticket.stageId) {
      for (const name of stage.requiredProperties)
        if (isMissing(properties[name])) errors[name] = `Required to move to ${stage.label}`;
    }
    const names = Object.keys(errors);
    if (names.length > 0) {
      const labels = names.map((name) => pipeline?.properties.find((p) => p.name === name)?.label ?? name);
      throw new ApiError('invalid', `The ticket can't be saved. Fill in or fix: ${labels.join(', ')}.`, {
        fieldErrors: errors,
      });
    }
    const updated: Ticket = {
      ...ticket,
      stageId,
      ownerId: patch.ownerId === undefined ? ticket.ownerId : patch.ownerId,
      priority: patch.priority ?? ticket.priority,
      properties,
      updatedAt: repo.now(),
    };
    repo.putTicket(updated);
    const status = stage!.closed ? 'closed' : 'open';
    for (const conversation of repo.conversationsWhere('ticket_id = ?', id)) {
      if (conversation.assigneeId === updated.ownerId && conversation.status === status) continue;
      repo.putConversation({ ...conversation, assigneeId: updated.ownerId, status });
    }
    return updated;
  });
}

function isOwner(repo: Repo, id: string): boolean {
  return repo.get<Agent>('agent', id) !== undefined || repo.get<Team>('team', id) !== undefined;
}
