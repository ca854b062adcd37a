// One handler per operation of the protocol. Input has been validated against the OpenAPI
// document before a handler runs; a handler returns the body (and, when not 200, the status).
import { randomUUID, timingSafeEqual } from 'node:crypto';

import type { AccountPatch, ConnectAccountInput } from '../../src/adapters/adapter.js';
import type {
  Agent,
  Attachment,
  ConversationFilters,
  DeliveryStatus,
  IncomingMessage,
  Insertable,
  OutgoingDraft,
  Pipeline,
  Team,
  TicketPatch,
  View,
} from '../../src/model/index.js';
import type { Repo } from './db/repo.js';
import * as desk from './domain/desk.js';
import { ApiError, notFound } from './domain/errors.js';
import * as messaging from './domain/messaging.js';
import type { WebhookDispatcher } from './webhooks.js';

export interface HandlerContext {
  params: Record<string, unknown>;
  body: unknown;
  /** The signed-in agent (agent routes). */
  agentId: string;
  /** Raw upload bytes and their type (uploadAttachment). */
  upload?: { bytes: Buffer; mimeType: string };
}

export type Result = {
  status: number;
  body?: unknown;
  raw?: { bytes: Buffer; mimeType: string; name: string };
};
export type Handler = (ctx: HandlerContext) => Result | unknown;

const created = (body: unknown): Result => ({ status: 201, body });
const noContent: Result = { status: 204 };
const str = (value: unknown) => (value === undefined ? undefined : String(value));

function kindOf(mimeType: string): Attachment['kind'] {
  if (mimeType.startsWith('image/')) return 'image';
  if (mimeType.startsWith('video/')) return 'video';
  if (mimeType.startsWith('audio/')) return 'audio';
  return 'file';
}

/** A file name without control or bidi-override characters and path separators. */
const cleanName = (name: string) =>
  name.replace(/[\p{Cc}\u202a-\u202e\u2066-\u2069/\\]/gu, '').trim() || 'file';

export function createHandlers(
  repo: Repo,
  webhooks: WebhookDispatcher,
  publicUrl: () => string,
): Record<string, Handler> {
  const accountId = (ctx: HandlerContext) => String(ctx.params['accountId']);
  return {
    listChannels: () => repo.list('channel'),
    listAccounts: () => repo.accounts(),
    connectAccount: (ctx) => created(desk.connectAccount(repo, ctx.body as ConnectAccountInput)),
    updateAccount: (ctx) => desk.updateAccount(repo, accountId(ctx), ctx.body as AccountPatch),
    deleteAccount: (ctx) => (desk.deleteAccount(repo, accountId(ctx)), noContent),
    getIntegration: (ctx) => repo.integration(desk.accountOf(repo, accountId(ctx)).id),
    updateIntegration: (ctx) => {
      const id = desk.accountOf(repo, accountId(ctx)).id;
      repo.setWebhook(id, (ctx.body as { webhookUrl: string | null }).webhookUrl);
      return repo.integration(id);
    },
    listConversations: (ctx) => {
      const p = ctx.params;
      const filters: ConversationFilters = {};
      if (p['channelAccountId'] !== undefined) filters.channelAccountId = String(p['channelAccountId']);
      if (p['status'] !== undefined) filters.status = p['status'] as ConversationFilters['status'];
      if (p['assignee'] !== undefined) filters.assignee = String(p['assignee']);
      if (p['unreadOnly'] !== undefined) filters.unreadOnly = p['unreadOnly'] === true;
      return desk.listConversations(repo, ctx.agentId, {
        limit: Number(p['limit']),
        cursor: str(p['cursor']),
        text: str(p['text']),
        viewId: str(p['viewId']),
        filters,
      });
    },
    listMessages: (ctx) =>
      messaging.listMessages(
        repo,
        String(ctx.params['conversationId']),
        str(ctx.params['before']),
        Number(ctx.params['limit']),
      ),
    sendMessage: (ctx) => {
      const result = messaging.sendMessage(
        repo,
        ctx.agentId,
        String(ctx.params['conversationId']),
        ctx.body as OutgoingDraft,
      );
      const conversation = repo.conversation(result.message.conversationId);
      if (result.deliver && conversation?.channelAccountId)
        webhooks.enqueue(result.message, conversation.channelAccountId);
      return { status: result.created ? 201 : 200, body: result.message };
    },
    markRead: (ctx) => (messaging.markRead(repo, String(ctx.params['conversationId'])), noContent),
    uploadAttachment: (ctx) => {
      const upload = ctx.upload!;
      if (upload.bytes.length === 0)
        throw new ApiError('invalid', 'The file is empty; choose a file with content.', {
          fieldErrors: { file: 'Empty file' },
        });
      const id = `upload-${randomUUID()}`;
      const name = cleanName(String(ctx.params['name']));
      repo.db
        .prepare(
          'INSERT INTO uploads (id, name, mime_type, size, bytes, created_at) VALUES (?, ?, ?, ?, ?, ?)',
        )
        .run(id, name, upload.mimeType, upload.bytes.length, upload.bytes, new Date().toISOString());
      const attachment: Attachment = {
        id,
        kind: kindOf(upload.mimeType),
        name,
        mimeType: upload.mimeType,
        sizeBytes: upload.bytes.length,
        url: `${publicUrl()}/uploads/${id}`,
      };
      return created(attachment);
    },
    getUpload: (ctx) => {
      const row = repo.db
        .prepare('SELECT name, mime_type, bytes FROM uploads WHERE id = ?')
        .get(String(ctx.params['uploadId'])) as
        { name: string; mime_type: string; bytes: Buffer } | undefined;
      if (!row) throw notFound('upload', String(ctx.params['uploadId']));
      return {
        status: 200,
        raw: { bytes: row.bytes, mimeType: row.mime_type, name: row.name },
      } satisfies Result;
    },
    getTicket: (ctx) =>
      repo.ticket(String(ctx.params['ticketId'])) ??
      raise(notFound('ticket', String(ctx.params['ticketId']))),
    updateTicket: (ctx) => desk.updateTicket(repo, String(ctx.params['ticketId']), ctx.body as TicketPatch),
    getContact: (ctx) =>
      repo.contact(String(ctx.params['contactId'])) ??
      raise(notFound('contact', String(ctx.params['contactId']))),
    listPastConversations: (ctx) => desk.pastConversations(repo, String(ctx.params['contactId'])),
    listAgents: () => repo.list<Agent>('agent'),
    getCurrentAgent: (ctx) => repo.get<Agent>('agent', ctx.agentId) ?? raise(notFound('agent', ctx.agentId)),
    listTeams: () => repo.list<Team>('team'),
    listPipelines: () => repo.list<Pipeline>('pipeline'),
    listViews: () => repo.views(),
    saveView: (ctx) => {
      const input = ctx.body as { name: string; filters: ConversationFilters; text?: string };
      if (!input.name.trim())
        throw new ApiError('invalid', 'Give the view a name.', { fieldErrors: { name: 'Required' } });
      const view: View = {
        id: repo.newId('view', 'views'),
        name: input.name.trim(),
        filters: { ...input.filters },
      };
      if (input.text) view.text = input.text;
      repo.tx(() => repo.putView(view));
      return created(view);
    },
    deleteView: (ctx) => {
      if (!repo.deleteView(String(ctx.params['viewId'])))
        throw notFound('view', String(ctx.params['viewId']));
      return noContent;
    },
    searchInsertables: (ctx) => {
      const needle = (str(ctx.params['text']) ?? '').trim().toLowerCase();
      return repo
        .list<Insertable>('insertable')
        .filter(
          (i) =>
            i.kind === ctx.params['kind'] &&
            (!needle || i.title.toLowerCase().includes(needle) || i.body.toLowerCase().includes(needle)),
        );
    },
    publishMessage: (ctx) => {
      const result = messaging.publishMessage(
        repo,
        accountId(ctx),
        ctx.body as IncomingMessage & { externalId: string },
      );
      return { status: result.duplicate ? 200 : 201, body: result };
    },
    reportDelivery: (ctx) => {
      const report = ctx.body as { status: DeliveryStatus; error?: string };
      return messaging.reportDelivery(
        repo,
        accountId(ctx),
        String(ctx.params['messageId']),
        report.status,
        report.error,
      );
    },
  };
}

function raise(error: Error): never {
  throw error;
}

/** Compares tokens in constant time. */
export function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
