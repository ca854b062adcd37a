// The MemoryAdapter as `helpdesk-elements` exports it: a small class whose workings (the backend in
// memory-backend.ts, and the demo data it serves by default) are a chunk fetched when the first
// adapter is made. A portal that imports the package without a bundler (an import map) loads the
// whole entry, and a demo backend has no place in that first load.
import { type Observable, Subject } from 'rxjs';

import type { Fixture } from '../../fixtures/index.js';
import type {
  Agent,
  Attachment,
  ChannelAccount,
  ChannelDefinition,
  Contact,
  Conversation,
  ConversationFilters,
  IncomingMessage,
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
import type { MemoryBackend } from './memory-backend.js';

export interface MemoryAdapterOptions {
  /**
   * The data to serve; default `createFixture()`, fetched as a chunk of its own when the adapter is
   * made without one (demo data has no place in a portal's first load). The adapter works on its own copy.
   */
  fixture?: Fixture;
  /** Delay of every call, in ms; default 0. */
  latencyMs?: number;
  /** Customers writing in now and then (every 3 s by default); default off. */
  simulateTraffic?: boolean | { intervalMs?: number; seed?: number };
}

/**
 * A complete `HelpDeskAdapter` in memory, for demos, stories and tests. `receive()` plays a
 * message arriving from a channel.
 */
export class MemoryAdapter implements HelpDeskAdapter {
  readonly events$: Observable<HelpDeskEvent>;
  private readonly backend: Promise<MemoryBackend>;
  private disposed = false;

  constructor(options: MemoryAdapterOptions = {}) {
    const events = new Subject<HelpDeskEvent>();
    this.events$ = events.asObservable();
    this.backend = import('./memory-backend.js').then((module) => {
      const backend = new module.MemoryBackend(options, events);
      // Disposed before it arrived: it stops at once (no traffic, `events$` completes).
      if (this.disposed) backend.dispose();
      return backend;
    });
  }

  /** Calls keep their order: each waits for the same backend, then runs as the backend's own would. */
  private run<T>(call: (backend: MemoryBackend) => Promise<T>): Promise<T> {
    return this.backend.then(call);
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

  sendMessage(conversationId: string, draft: OutgoingDraft): Promise<Message> {
    return this.run((b) => b.sendMessage(conversationId, draft));
  }

  /** Plays a message arriving from the external channel; idempotent by `externalId`. */
  receive(incoming: IncomingMessage): Promise<Message> {
    return this.run((b) => b.receive(incoming));
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

  /** Stops timers and simulated traffic and completes `events$`. */
  dispose(): void {
    this.disposed = true;
    void this.backend.then((backend) => backend.dispose());
  }
}
