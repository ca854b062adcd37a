// The HttpAdapter as `helpdesk-elements` exports it: a small class whose workings (requests,
// retries, the event stream, uploads: http-backend.ts) are a chunk fetched when the first adapter is
// made. A page that talks to a MemoryAdapter never downloads them, and one that makes an
// HttpAdapter fetches them while the store gets ready to ask for its first data.
import { Observable, type Subscription } from 'rxjs';

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
import { HelpDeskError } from '../errors.js';
import type { ReconnectOptions, StreamCursor } from './event-stream.js';
import type { HttpBackend } from './http-backend.js';
import type { HeadersOption, RetryOptions } from './request.js';

export interface HttpAdapterOptions {
  /** Where the API lives, e.g. `https://desk.example.com/api`. */
  baseUrl: string;
  /** Sent with every request; a function is called per request, for tokens that refresh. */
  headers?: HeadersOption;
  /** A fetch to use instead of the global one (a host's proxy, a test's fake). */
  fetch?: typeof fetch;
  /** Retries of safe calls (GETs and sends); default 3 retries, 300 ms base, 5 s cap. */
  retry?: Partial<RetryOptions>;
  /** Reconnection of the event stream; default 500 ms base, 30 s cap, offline after 5 failures, 45 s idle. */
  reconnect?: Partial<ReconnectOptions>;
  /** How long one request may take; default 30 s. */
  timeoutMs?: number;
  /** The dice of the jitter; for tests. */
  random?: () => number;
}

/**
 * A `HelpDeskAdapter` over the REST + Server-Sent Events protocol of `docs/protocol/openapi.json`
 * (the reference server in `demo/server` speaks it).
 *
 * @example
 * const adapter = new HttpAdapter({ baseUrl: 'https://desk.example.com/api', headers: () => ({ Authorization: `Bearer ${auth.token()}` }) });
 */
export class HttpAdapter implements HelpDeskAdapter {
  /**
   * The backend's stream, subscribed once it has arrived: nothing is sent before the connection
   * opens, so no event is lost; unsubscribing before then means it never opens.
   */
  readonly events$: Observable<HelpDeskEvent>;
  private readonly options: HttpAdapterOptions;
  /** Here rather than in the backend, so `lastEventId` reads before the backend arrives too. */
  private readonly cursor: StreamCursor = { lastEventId: null };
  private backend?: Promise<HttpBackend>;

  constructor(options: HttpAdapterOptions) {
    if (!options?.baseUrl) throw new TypeError('HttpAdapter: `baseUrl` is required.');
    // Read when the backend arrives; a copy, so a host changing its object later changes nothing, as before.
    this.options = { ...options };
    this.events$ = new Observable<HelpDeskEvent>((subscriber) => {
      let stream: Subscription | undefined;
      this.load().then(
        (backend) => {
          if (subscriber.closed) return;
          stream = backend.events$.subscribe({
            next: (event) => subscriber.next(event),
            error: (error: unknown) => subscriber.error(error),
            complete: () => subscriber.complete(),
          });
        },
        (error: unknown) => subscriber.error(error),
      );
      return () => stream?.unsubscribe();
    });
    // Fetched now, in parallel with whatever the host does before its first call. A failure here is
    // reported by the calls that need the backend, not as an unhandled rejection.
    this.load().catch(() => undefined);
  }

  /** The id of the last event received: where the stream resumes. */
  get lastEventId(): number | null {
    return this.cursor.lastEventId;
  }

  /**
   * The backend, once. A chunk that could not be fetched (offline, a deploy replaced it) rejects like
   * an unreachable server, which callers already retry, and the next call fetches it again.
   */
  private load(): Promise<HttpBackend> {
    this.backend ??= import('./http-backend.js').then(
      (module) => new module.HttpBackend(this.options, this.cursor),
      (error: unknown) => {
        this.backend = undefined;
        throw new HelpDeskError('unavailable', "Can't reach the server. Check the connection.", {
          cause: error,
        });
      },
    );
    return this.backend;
  }

  /** Calls keep their order: each waits for the same backend, then runs as the backend's own would. */
  private run<T>(call: (backend: HttpBackend) => Promise<T>): Promise<T> {
    return this.load().then(call);
  }

  listChannels(): Promise<ChannelDefinition[]> {
    return this.run((b) => b.listChannels());
  }

  listAccounts(): Promise<ChannelAccount[]> {
    return this.run((b) => b.listAccounts());
  }

  connectAccount(input: ConnectAccountInput): Promise<ChannelAccount> {
    return this.run((b) => b.connectAccount(input));
  }

  updateAccount(id: string, patch: AccountPatch): Promise<ChannelAccount> {
    return this.run((b) => b.updateAccount(id, patch));
  }

  deleteAccount(id: string): Promise<void> {
    return this.run((b) => b.deleteAccount(id));
  }

  listConversations(query: ConversationQuery): Promise<Page<Conversation>> {
    return this.run((b) => b.listConversations(query));
  }

  listMessages(conversationId: string, page: MessagePageQuery): Promise<Page<Message>> {
    return this.run((b) => b.listMessages(conversationId, page));
  }

  /** Retried when the answer is lost: the server returns the first message for a clientId it has seen. */
  sendMessage(conversationId: string, draft: OutgoingDraft): Promise<Message> {
    return this.run((b) => b.sendMessage(conversationId, draft));
  }

  uploadAttachment(file: File, options?: UploadOptions): Promise<Attachment> {
    return this.run((b) => b.uploadAttachment(file, options));
  }

  markRead(conversationId: string): Promise<void> {
    return this.run((b) => b.markRead(conversationId));
  }

  getTicket(id: string): Promise<Ticket> {
    return this.run((b) => b.getTicket(id));
  }

  updateTicket(id: string, patch: TicketPatch): Promise<Ticket> {
    return this.run((b) => b.updateTicket(id, patch));
  }

  getContact(id: string): Promise<Contact> {
    return this.run((b) => b.getContact(id));
  }

  listPastConversations(contactId: string): Promise<Conversation[]> {
    return this.run((b) => b.listPastConversations(contactId));
  }

  listAgents(): Promise<Agent[]> {
    return this.run((b) => b.listAgents());
  }

  listTeams(): Promise<Team[]> {
    return this.run((b) => b.listTeams());
  }

  listPipelines(): Promise<Pipeline[]> {
    return this.run((b) => b.listPipelines());
  }

  listViews(): Promise<View[]> {
    return this.run((b) => b.listViews());
  }

  saveView(input: { name: string; filters: ConversationFilters; text?: string }): Promise<View> {
    return this.run((b) => b.saveView(input));
  }

  deleteView(id: string): Promise<void> {
    return this.run((b) => b.deleteView(id));
  }

  searchInsertables(kind: InsertableKind, text: string): Promise<Insertable[]> {
    return this.run((b) => b.searchInsertables(kind, text));
  }

  getCurrentAgent(): Promise<Agent> {
    return this.run((b) => b.getCurrentAgent());
  }
}
