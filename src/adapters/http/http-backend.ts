// The HttpAdapter's workings: requests with retries and error mapping, the SSE stream with
// reconnection, and uploads. A chunk of its own, fetched when the first HttpAdapter is made
// (http-adapter.ts), so a page that talks to a MemoryAdapter, or has not made an adapter yet, does
// not download it. Import it only with `import('./http-backend.js')`.
import type { Observable } from 'rxjs';

import type {
  Agent,
  Attachment,
  ChannelAccount,
  ChannelDefinition,
  Contact,
  Conversation,
  ConversationFilters,
  Insertable,
  InsertableKind,
  Message,
  OutgoingDraft,
  Pipeline,
  Team,
  Ticket,
  TicketPatch,
  View,
} from '../../model/index.js';
import type {
  AccountPatch,
  ConnectAccountInput,
  ConversationQuery,
  HelpDeskAdapter,
  HelpDeskEvent,
  MessagePageQuery,
  Page,
  UploadOptions,
} from '../adapter.js';
import { createEventStream, type ReconnectOptions, type StreamCursor } from './event-stream.js';
import type { HttpAdapterOptions } from './http-adapter.js';
import { HttpClient, type RequestSpec } from './request.js';
import { uploadFile } from './upload.js';

const enc = encodeURIComponent;

/** What an `HttpAdapter` delegates to once this chunk has arrived. */
export class HttpBackend implements HelpDeskAdapter {
  readonly events$: Observable<HelpDeskEvent>;
  private readonly client: HttpClient;

  /** `cursor` belongs to the adapter, which reads `lastEventId` from it before and after this arrives. */
  constructor(options: HttpAdapterOptions, cursor: StreamCursor) {
    const random = options.random ?? Math.random;
    this.client = new HttpClient({
      baseUrl: options.baseUrl,
      headers: options.headers,
      fetch: options.fetch,
      retry: { retries: 3, baseDelayMs: 300, maxDelayMs: 5000, ...options.retry },
      timeoutMs: options.timeoutMs ?? 30_000,
      random,
    });
    const reconnect: ReconnectOptions = {
      baseDelayMs: 500,
      maxDelayMs: 30_000,
      offlineAfter: 5,
      idleTimeoutMs: 45_000,
      ...options.reconnect,
    };
    this.events$ = createEventStream(this.client, cursor, reconnect, random);
  }

  private get<T>(path: string, query?: RequestSpec['query']): Promise<T> {
    return this.client.json<T>({ method: 'GET', path, query, retry: true });
  }

  private write<T>(method: RequestSpec['method'], path: string, body?: unknown): Promise<T> {
    return this.client.json<T>({ method, path, body });
  }

  listChannels(): Promise<ChannelDefinition[]> {
    return this.get('/channels');
  }

  listAccounts(): Promise<ChannelAccount[]> {
    return this.get('/accounts');
  }

  connectAccount(input: ConnectAccountInput): Promise<ChannelAccount> {
    return this.write('POST', '/accounts', input);
  }

  updateAccount(id: string, patch: AccountPatch): Promise<ChannelAccount> {
    return this.write('PATCH', `/accounts/${enc(id)}`, patch);
  }

  deleteAccount(id: string): Promise<void> {
    return this.write('DELETE', `/accounts/${enc(id)}`);
  }

  listConversations(query: ConversationQuery): Promise<Page<Conversation>> {
    const f: ConversationFilters = query.filters ?? {};
    return this.get('/conversations', {
      limit: query.limit,
      cursor: query.cursor,
      text: query.text,
      viewId: query.viewId,
      channelAccountId: f.channelAccountId,
      status: f.status,
      assignee: f.assignee,
      unreadOnly: f.unreadOnly,
    });
  }

  listMessages(conversationId: string, page: MessagePageQuery): Promise<Page<Message>> {
    return this.get(`/conversations/${enc(conversationId)}/messages`, {
      limit: page.limit,
      before: page.before,
    });
  }

  /** Retried when the answer is lost: the server returns the first message for a clientId it has seen. */
  sendMessage(conversationId: string, draft: OutgoingDraft): Promise<Message> {
    return this.client.json({
      method: 'POST',
      path: `/conversations/${enc(conversationId)}/messages`,
      body: draft,
      retry: true,
    });
  }

  uploadAttachment(file: File, options?: UploadOptions): Promise<Attachment> {
    return uploadFile(this.client, file, options);
  }

  markRead(conversationId: string): Promise<void> {
    return this.write('POST', `/conversations/${enc(conversationId)}/read`);
  }

  getTicket(id: string): Promise<Ticket> {
    return this.get(`/tickets/${enc(id)}`);
  }

  updateTicket(id: string, patch: TicketPatch): Promise<Ticket> {
    return this.write('PATCH', `/tickets/${enc(id)}`, patch);
  }

  getContact(id: string): Promise<Contact> {
    return this.get(`/contacts/${enc(id)}`);
  }

  listPastConversations(contactId: string): Promise<Conversation[]> {
    return this.get(`/contacts/${enc(contactId)}/conversations`);
  }

  listAgents(): Promise<Agent[]> {
    return this.get('/agents');
  }

  listTeams(): Promise<Team[]> {
    return this.get('/teams');
  }

  listPipelines(): Promise<Pipeline[]> {
    return this.get('/pipelines');
  }

  listViews(): Promise<View[]> {
    return this.get('/views');
  }

  saveView(input: { name: string; filters: ConversationFilters; text?: string }): Promise<View> {
    return this.write('POST', '/views', input);
  }

  deleteView(id: string): Promise<void> {
    return this.write('DELETE', `/views/${enc(id)}`);
  }

  searchInsertables(kind: InsertableKind, text: string): Promise<Insertable[]> {
    return this.get('/insertables', { kind, text });
  }

  getCurrentAgent(): Promise<Agent> {
    return this.get('/agents/me');
  }
}
