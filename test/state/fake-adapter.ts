import { Observable, Subject } from 'rxjs';

import type {
  AccountPatch,
  ConnectAccountInput,
  ConversationQuery,
  HelpDeskAdapter,
  HelpDeskEvent,
  MessagePageQuery,
  Page,
} from '../../src/adapters/adapter.js';
import { HelpDeskError } from '../../src/adapters/errors.js';
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
} from '../../src/model/index.js';

type Method = Exclude<keyof HelpDeskAdapter, 'events$'>;

interface Gate {
  promise: Promise<void>;
  release: () => void;
}

/**
 * A small in-memory adapter for store tests: data in plain maps, a Subject to push events, failures
 * and pauses per method, and counters of calls and of subscribers to `events$`.
 */
export class FakeAdapter implements HelpDeskAdapter {
  readonly pushes = new Subject<HelpDeskEvent>();
  subscribers = 0;
  readonly events$ = new Observable<HelpDeskEvent>((subscriber) => {
    this.subscribers += 1;
    const subscription = this.pushes.subscribe(subscriber);
    return () => {
      this.subscribers -= 1;
      subscription.unsubscribe();
    };
  });

  readonly calls: Partial<Record<Method, number>> = {};
  readonly conversationQueries: ConversationQuery[] = [];
  readonly sent: { conversationId: string; draft: OutgoingDraft }[] = [];

  conversations: Conversation[] = [];
  messages = new Map<string, Message[]>();
  tickets = new Map<string, Ticket>();
  contacts = new Map<string, Contact>();
  accounts: ChannelAccount[] = [];
  channels: ChannelDefinition[] = [];
  agents: Agent[] = [
    { id: 'agent-1', name: 'Ana', email: 'ana@example.com', availability: 'online', teamIds: [] },
  ];
  teams: Team[] = [];
  pipelines: Pipeline[] = [];
  views: View[] = [];

  private readonly failures = new Map<Method, { error: unknown; once: boolean }>();
  private readonly gates = new Map<Method, Gate>();
  private sentByClientId = new Map<string, Message>();
  private nextId = 1;

  /** Makes calls of `method` reject with `error` (every call, or only the next one). */
  fail(
    method: Method,
    error: unknown = new HelpDeskError('unavailable', 'Backend down'),
    once = false,
  ): void {
    this.failures.set(method, { error, once });
  }

  heal(method: Method): void {
    this.failures.delete(method);
  }

  /** Holds calls of `method` until the returned function runs; their answers are computed after it. */
  pause(method: Method): () => void {
    let release!: () => void;
    const promise = new Promise<void>((resolve) => (release = resolve));
    const gate = {
      promise,
      release: () => {
        this.gates.delete(method);
        release();
      },
    };
    this.gates.set(method, gate);
    return gate.release;
  }

  /** Makes `sendMessage` with this message's clientId answer with it (as a backend that saw it would). */
  remember(message: Message): void {
    this.sentByClientId.set(message.clientId, message);
  }

  emit(event: HelpDeskEvent): void {
    this.pushes.next(event);
  }

  count(method: Method): number {
    return this.calls[method] ?? 0;
  }

  private async run<T>(method: Method, answer: () => T): Promise<T> {
    this.calls[method] = this.count(method) + 1;
    const gate = this.gates.get(method);
    if (gate) await gate.promise;
    const failure = this.failures.get(method);
    if (failure) {
      if (failure.once) this.failures.delete(method);
      throw failure.error;
    }
    return answer();
  }

  listChannels(): Promise<ChannelDefinition[]> {
    return this.run('listChannels', () => [...this.channels]);
  }

  listAccounts(): Promise<ChannelAccount[]> {
    return this.run('listAccounts', () => [...this.accounts]);
  }

  connectAccount(input: ConnectAccountInput): Promise<ChannelAccount> {
    return this.run('connectAccount', () => {
      const account: ChannelAccount = {
        id: `acc-${this.nextId++}`,
        channelId: input.channelId,
        name: input.name ?? 'Account',
        status: 'active',
        routing: input.routing,
        createdAt: new Date(0).toISOString(),
        credentials: {},
      };
      this.accounts.push(account);
      return account;
    });
  }

  updateAccount(id: string, patch: AccountPatch): Promise<ChannelAccount> {
    return this.run('updateAccount', () => {
      const index = this.accounts.findIndex((a) => a.id === id);
      if (index < 0) throw new HelpDeskError('not-found', 'No such account');
      const { credentials: _c, ...fields } = patch;
      const account = { ...this.accounts[index]!, ...fields };
      this.accounts[index] = account;
      return account;
    });
  }

  deleteAccount(id: string): Promise<void> {
    return this.run('deleteAccount', () => {
      this.accounts = this.accounts.filter((a) => a.id !== id);
    });
  }

  /** Pages by offset; `text` filters by contact name so tests can tell queries apart. */
  listConversations(query: ConversationQuery): Promise<Page<Conversation>> {
    this.conversationQueries.push(query);
    return this.run('listConversations', () => {
      const text = query.text?.toLowerCase() ?? '';
      const all = this.conversations.filter((c) => c.contactName.toLowerCase().includes(text));
      const start = query.cursor ? Number(query.cursor) : 0;
      const items = all.slice(start, start + query.limit);
      const end = start + items.length;
      return { items, nextCursor: end < all.length ? String(end) : null, total: all.length };
    });
  }

  /** Newest page first; each page oldest first; cursors are offsets from the newest end. */
  listMessages(conversationId: string, page: MessagePageQuery): Promise<Page<Message>> {
    return this.run('listMessages', () => {
      const all = [...(this.messages.get(conversationId) ?? [])].sort((a, b) => a.seq - b.seq);
      const skip = page.before ? Number(page.before) : 0;
      const end = all.length - skip;
      const start = Math.max(0, end - page.limit);
      return { items: all.slice(start, end), nextCursor: start > 0 ? String(all.length - start) : null };
    });
  }

  sendMessage(conversationId: string, draft: OutgoingDraft): Promise<Message> {
    this.sent.push({ conversationId, draft });
    return this.run('sendMessage', () => {
      const known = this.sentByClientId.get(draft.clientId);
      if (known) return known;
      const list = this.messages.get(conversationId) ?? [];
      const message: Message = {
        id: `m-${this.nextId++}`,
        clientId: draft.clientId,
        conversationId,
        seq: list.length + 1,
        direction: 'outgoing',
        sender: { kind: 'agent', id: 'agent-1', name: 'Ana' },
        text: draft.text,
        attachments: draft.attachments ?? [],
        createdAt: new Date(0).toISOString(),
        channel: draft.channel,
        status: 'sent',
      };
      this.messages.set(conversationId, [...list, message]);
      this.sentByClientId.set(draft.clientId, message);
      return message;
    });
  }

  uploadAttachment(file: File): Promise<Attachment> {
    return this.run('uploadAttachment', () => ({
      id: `att-${this.nextId++}`,
      kind: 'file' as const,
      name: file.name,
      mimeType: file.type,
      sizeBytes: file.size,
    }));
  }

  markRead(): Promise<void> {
    return this.run('markRead', () => undefined);
  }

  getTicket(id: string): Promise<Ticket> {
    return this.run('getTicket', () => {
      const ticket = this.tickets.get(id);
      if (!ticket) throw new HelpDeskError('not-found', 'No such ticket');
      return ticket;
    });
  }

  updateTicket(id: string, patch: TicketPatch): Promise<Ticket> {
    return this.run('updateTicket', () => {
      const ticket = this.tickets.get(id);
      if (!ticket) throw new HelpDeskError('not-found', 'No such ticket');
      const next = { ...ticket, ...patch, properties: { ...ticket.properties, ...patch.properties } };
      this.tickets.set(id, next);
      return next;
    });
  }

  getContact(id: string): Promise<Contact> {
    return this.run('getContact', () => {
      const contact = this.contacts.get(id);
      if (!contact) throw new HelpDeskError('not-found', 'No such contact');
      return contact;
    });
  }

  listPastConversations(contactId: string): Promise<Conversation[]> {
    return this.run('listPastConversations', () =>
      this.conversations.filter((c) => c.contactId === contactId),
    );
  }

  listAgents(): Promise<Agent[]> {
    return this.run('listAgents', () => [...this.agents]);
  }

  listTeams(): Promise<Team[]> {
    return this.run('listTeams', () => [...this.teams]);
  }

  listPipelines(): Promise<Pipeline[]> {
    return this.run('listPipelines', () => [...this.pipelines]);
  }

  listViews(): Promise<View[]> {
    return this.run('listViews', () => [...this.views]);
  }

  saveView(input: { name: string; filters: ConversationFilters; text?: string }): Promise<View> {
    return this.run('saveView', () => {
      const view: View = { id: `view-${this.nextId++}`, ...input };
      this.views.push(view);
      return view;
    });
  }

  deleteView(id: string): Promise<void> {
    return this.run('deleteView', () => {
      this.views = this.views.filter((v) => v.id !== id);
    });
  }

  searchInsertables(kind: InsertableKind, text: string): Promise<Insertable[]> {
    return this.run('searchInsertables', () => [{ id: 'ins-1', kind, title: text, body: text }]);
  }

  getCurrentAgent(): Promise<Agent> {
    return this.run('getCurrentAgent', () => this.agents[0]!);
  }
}

/** Data builders with sensible defaults. */
export function conversation(id: string, overrides: Partial<Conversation> = {}): Conversation {
  return {
    id,
    channel: 'custom',
    channelId: 'ch-1',
    channelAccountId: 'acc-1',
    contactId: `contact-${id}`,
    contactName: `Contact ${id}`,
    ticketId: `ticket-${id}`,
    status: 'open',
    assigneeId: null,
    lastMessage: null,
    unreadCount: 0,
    createdAt: '2024-01-01T00:00:00.000Z',
    ...overrides,
  };
}

export function message(
  id: string,
  conversationId: string,
  seq: number,
  overrides: Partial<Message> = {},
): Message {
  return {
    id,
    clientId: `client-${id}`,
    conversationId,
    seq,
    direction: 'incoming',
    sender: { kind: 'contact', name: 'Someone' },
    text: `Message ${id}`,
    attachments: [],
    createdAt: '2024-01-01T00:00:00.000Z',
    channel: 'custom',
    status: 'delivered',
    ...overrides,
  };
}

export function ticket(id: string, overrides: Partial<Ticket> = {}): Ticket {
  return {
    id,
    name: `Ticket ${id}`,
    pipelineId: 'pipe-1',
    stageId: 'new',
    ownerId: null,
    priority: 'medium',
    properties: {},
    contactId: null,
    createdAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-01-01T00:00:00.000Z',
    ...overrides,
  };
}

/** A `Storage` in memory, so tests of persistence never touch the page's real storage. */
export class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();

  get length(): number {
    return this.items.size;
  }

  clear(): void {
    this.items.clear();
  }

  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }

  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }

  removeItem(key: string): void {
    this.items.delete(key);
  }

  setItem(key: string, value: string): void {
    this.items.set(key, String(value));
  }
}

/** Lets every pending promise callback run, so a test can look at the state between steps. */
export function flush(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** The value a replaying stream holds now. */
export function latest<T>(stream: Observable<T>): T {
  let value: T | undefined;
  let seen = false;
  stream
    .subscribe((v) => {
      value = v;
      seen = true;
    })
    .unsubscribe();
  if (!seen) throw new Error('The stream did not replay a value');
  return value as T;
}
