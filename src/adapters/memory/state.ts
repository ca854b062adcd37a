// The adapter's mutable state. Objects in it are never mutated once stored: a change stores a new
// object, so anything handed out earlier (always as a copy anyway) stays as it was.
import { Subject } from 'rxjs';

import type { Fixture } from '../../fixtures/index.js';
import type {
  Agent,
  ChannelAccount,
  ChannelDefinition,
  Contact,
  Conversation,
  Insertable,
  Message,
  Pipeline,
  Team,
  Ticket,
  View,
} from '../../model/index.js';
import type { HelpDeskEvent } from '../adapter.js';
import { HelpDeskError } from '../errors.js';
import { ConversationIndex } from './conversation-query.js';

/**
 * A deep copy of plain objects and arrays, so callers can't reach into adapter state. Strings and
 * other primitives are shared rather than copied (they are immutable, so sharing them isolates as
 * well): structuredClone copied every string, and a page of 200 conversations then left some 3,400
 * young objects to survive into the store, which made the collector's pauses grow while the list was
 * flung through 100,000 conversations. Anything else (a Blob of an upload) is immutable and shared.
 */
export function copy<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copy) as T;
  if (value === null || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype)
    return value;
  const out: Record<string, unknown> = {};
  // for…in over a plain object (its prototype checked above) with an own-key test, rather than
  // Object.keys: no array of keys per object copied (12 MB of them while a list of 100,000 is paged).
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    const item = copy((value as Record<string, unknown>)[key]);
    // An own "__proto__" key (from untrusted input) stays a data property, as structuredClone keeps it.
    if (key === '__proto__')
      Object.defineProperty(out, key, { value: item, enumerable: true, writable: true, configurable: true });
    else out[key] = item;
  }
  return out as T;
}

export class MemoryState {
  readonly channels: Map<string, ChannelDefinition>;
  readonly accounts: Map<string, ChannelAccount>;
  /** Secret credential values, kept apart so they never leave in an account. */
  readonly secrets = new Map<string, Record<string, string | boolean>>();
  readonly agents: Agent[];
  readonly teams: Team[];
  readonly currentAgentId: string;
  readonly contacts: Map<string, Contact>;
  readonly pipelines: Pipeline[];
  readonly conversations: Map<string, Conversation>;
  readonly tickets: Map<string, Ticket>;
  readonly views: Map<string, View>;
  readonly insertables: Insertable[];
  readonly index: ConversationIndex;
  /** Every conversation id, in the order they were stored (for picking one at random). */
  readonly conversationIds: string[];
  /** clientId → [conversationId, message id], for idempotent sends. */
  readonly byClientId = new Map<string, [string, string]>();
  /** `${accountId}\n${externalId}` → [conversationId, message id], for idempotent receives. */
  readonly byExternalId = new Map<string, [string, string]>();
  private readonly fixtureMessages: Record<string, Message[]>;
  /** Messages of the conversations read or written so far; the rest stay in the fixture. */
  private readonly messages = new Map<string, Message[]>();
  private readonly seqs = new Map<string, number>();
  /** Next number per id prefix. */
  private readonly counters = new Map<string, number>();
  /** `${accountId}\n${externalThreadId}` → conversation ids; made on first use, then kept up to date. */
  private threads: Map<string, Set<string>> | null = null;
  /** Phone or e-mail → contact; made on first use, then kept up to date. */
  private addresses: Map<string, Contact> | null = null;
  private latestAt = '';

  constructor(
    fixture: Fixture,
    /** Where the adapter's events go out. */
    readonly events = new Subject<HelpDeskEvent>(),
  ) {
    // Small parts are deep-copied; the big arrays are copied shallowly, which is safe because
    // stored objects are replaced, never changed.
    this.channels = new Map(copy(fixture.channels).map((c) => [c.id, c]));
    this.accounts = new Map(copy(fixture.accounts).map((a) => [a.id, a]));
    this.agents = copy(fixture.agents);
    this.teams = copy(fixture.teams);
    this.currentAgentId = fixture.currentAgentId;
    this.pipelines = copy(fixture.pipelines);
    this.views = new Map(copy(fixture.views).map((v) => [v.id, v]));
    this.insertables = copy(fixture.insertables);
    // Plain loops rather than `new Map(list.map(...))`: no pair array per entry, which at 100,000
    // conversations and 90,000 tickets was most of the adapter's start-up.
    this.contacts = new Map();
    for (const c of fixture.contacts) this.contacts.set(c.id, c);
    this.tickets = new Map();
    for (const t of fixture.tickets) this.tickets.set(t.id, t);
    this.conversations = new Map();
    this.conversationIds = [];
    for (const c of fixture.conversations) {
      if (!this.conversations.has(c.id)) this.conversationIds.push(c.id);
      this.conversations.set(c.id, c);
      const at = c.lastMessage?.at ?? c.createdAt;
      if (at > this.latestAt) this.latestAt = at;
    }
    this.fixtureMessages = fixture.messages;
    this.index = new ConversationIndex(this);
  }

  emit(event: HelpDeskEvent): void {
    if (!this.events.closed) this.events.next(copy(event));
  }

  /** The next event `seq` of a subject (a conversation, ticket or account id). */
  nextSeq(subject: string): number {
    const seq = (this.seqs.get(subject) ?? 0) + 1;
    this.seqs.set(subject, seq);
    return seq;
  }

  /**
   * An id not used yet, e.g. `conv-201`. Numbering starts past the size of `taken`, so the first
   * new conversation of a 100,000-conversation fixture does not probe 100,000 taken ids.
   */
  newId(prefix: string, taken?: { has(id: string): boolean; readonly size?: number }): string {
    let n = Math.max(this.counters.get(prefix) ?? 0, taken?.size ?? 0);
    let id: string;
    do id = `${prefix}-${++n}`;
    while (taken?.has(id));
    this.counters.set(prefix, n);
    return id;
  }

  /** The conversations of an account with an external thread id (by the channel's threading key). */
  conversationsOnThread(accountId: string, externalThreadId: string): Conversation[] {
    if (!this.threads) {
      this.threads = new Map();
      for (const c of this.conversations.values()) this.indexThread(c);
    }
    const ids = this.threads.get(`${accountId}\n${externalThreadId}`);
    return ids ? [...ids].map((id) => this.conversations.get(id)!) : [];
  }

  private indexThread(c: Conversation): void {
    if (!this.threads || c.channelAccountId === null || c.externalThreadId === undefined) return;
    const key = `${c.channelAccountId}\n${c.externalThreadId}`;
    let ids = this.threads.get(key);
    if (!ids) this.threads.set(key, (ids = new Set()));
    ids.add(c.id);
  }

  private unindexThread(c: Conversation): void {
    if (!this.threads || c.channelAccountId === null || c.externalThreadId === undefined) return;
    this.threads.get(`${c.channelAccountId}\n${c.externalThreadId}`)?.delete(c.id);
  }

  /** The contact with this phone number or e-mail address, if any. */
  contactByAddress(address: string): Contact | undefined {
    if (!this.addresses) {
      this.addresses = new Map();
      for (const c of this.contacts.values()) this.indexContact(c);
    }
    return this.addresses.get(address);
  }

  /** Stores a new or changed contact. */
  putContact(contact: Contact): void {
    this.contacts.set(contact.id, contact);
    this.indexContact(contact);
  }

  private indexContact(c: Contact): void {
    // The first contact with an address keeps it, as a scan in insertion order would find it.
    if (c.phone && !this.addresses?.has(c.phone)) this.addresses?.set(c.phone, c);
    if (c.email && !this.addresses?.has(c.email)) this.addresses?.set(c.email, c);
  }

  /**
   * Now, as ISO 8601, but never earlier than the newest stored activity: fixture times lie on
   * a fixed date that may be ahead of the clock, and new activity must still sort first.
   */
  now(): string {
    const clock = new Date().toISOString();
    const next = clock > this.latestAt ? clock : new Date(Date.parse(this.latestAt) + 1000).toISOString();
    this.latestAt = next;
    return next;
  }

  conversation(id: string): Conversation {
    const conversation = this.conversations.get(id);
    if (!conversation) throw new HelpDeskError('not-found', `No conversation with id "${id}".`);
    return conversation;
  }

  account(id: string): ChannelAccount {
    const account = this.accounts.get(id);
    if (!account) throw new HelpDeskError('not-found', `No channel account with id "${id}".`);
    return account;
  }

  ticket(id: string): Ticket {
    const ticket = this.tickets.get(id);
    if (!ticket) throw new HelpDeskError('not-found', `No ticket with id "${id}".`);
    return ticket;
  }

  /** The stored messages of a conversation (the adapter's own array), oldest first. */
  messagesOf(conversationId: string): Message[] {
    let list = this.messages.get(conversationId);
    if (!list) {
      list = Object.hasOwn(this.fixtureMessages, conversationId)
        ? [...(this.fixtureMessages[conversationId] ?? [])]
        : [];
      this.messages.set(conversationId, list);
    }
    return list;
  }

  /** Messages already held by the adapter (not still lazy in the fixture). */
  loadedMessages(conversationId: string): Message[] | undefined {
    return this.messages.get(conversationId);
  }

  /** Stores a new version of a conversation and emits `conversation.updated`. */
  putConversation(conversation: Conversation): void {
    const previous = this.conversations.get(conversation.id);
    if (previous) {
      this.index.remove(previous);
      this.unindexThread(previous);
    } else this.conversationIds.push(conversation.id);
    this.conversations.set(conversation.id, conversation);
    this.index.add(conversation);
    this.indexThread(conversation);
    this.emit({ type: 'conversation.updated', seq: this.nextSeq(conversation.id), conversation });
  }

  putTicket(ticket: Ticket): void {
    this.tickets.set(ticket.id, ticket);
    this.emit({ type: 'ticket.updated', seq: this.nextSeq(ticket.id), ticket });
  }

  isOwner(id: string): boolean {
    return this.agents.some((a) => a.id === id) || this.teams.some((t) => t.id === id);
  }
}
