// The server's storage: typed reads and writes over SQLite, the event log, and the seq counters.
// Every change that clients must hear about goes through `emit`, inside the same transaction as
// the change, so the log and the data never disagree; listeners hear of new events after commit.
import { randomBytes } from 'node:crypto';

import Database from 'better-sqlite3';

import type { HelpDeskEvent } from '../../../src/adapters/adapter.js';
import type {
  ChannelAccount,
  Contact,
  Conversation,
  Message,
  Ticket,
  View,
} from '../../../src/model/index.js';
import { migrate } from './migrations.js';

type Row = { data: string };
const parse = <T>(row: Row | undefined): T | undefined => (row ? (JSON.parse(row.data) as T) : undefined);
const parseAll = <T>(rows: Row[]): T[] => rows.map((r) => JSON.parse(r.data) as T);

export type CatalogKind = 'channel' | 'agent' | 'team' | 'pipeline' | 'insertable';

export interface Integration {
  accountId: string;
  webhookUrl: string | null;
  publishToken: string;
  signingSecret: string;
}

export const newSecret = (prefix: string) => `${prefix}_${randomBytes(18).toString('base64url')}`;

export class Repo {
  readonly db: Database.Database;
  private readonly listeners = new Set<() => void>();
  private depth = 0;
  private emitted = false;

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('foreign_keys = ON');
    migrate(this.db);
  }

  close(): void {
    this.listeners.clear();
    this.db.close();
  }

  /** Runs `run` in one transaction; nested calls join the outer one. Listeners hear after commit. */
  tx<T>(run: () => T): T {
    if (this.depth > 0) return run();
    this.depth++;
    try {
      return this.db.transaction(run)();
    } catch (error) {
      this.emitted = false;
      throw error;
    } finally {
      this.depth--;
      if (this.emitted) {
        this.emitted = false;
        for (const listener of [...this.listeners]) listener();
      }
    }
  }

  // ---- events ----

  emit(event: HelpDeskEvent): void {
    this.db.prepare('INSERT INTO events (data) VALUES (?)').run(JSON.stringify(event));
    this.emitted = true;
  }

  /** Calls `listener` after each commit that logged events; returns the unsubscribe. */
  onEvents(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  eventsAfter(id: number, limit = 500): { id: number; data: string }[] {
    return this.db.prepare('SELECT id, data FROM events WHERE id > ? ORDER BY id LIMIT ?').all(id, limit) as {
      id: number;
      data: string;
    }[];
  }

  headEventId(): number {
    return (this.db.prepare('SELECT COALESCE(MAX(id), 0) AS id FROM events').get() as { id: number }).id;
  }

  nextSeq(subject: string): number {
    const row = this.db
      .prepare(
        'INSERT INTO seqs (subject, seq) VALUES (?, 1) ON CONFLICT (subject) DO UPDATE SET seq = seq + 1 RETURNING seq',
      )
      .get(subject) as { seq: number };
    return row.seq;
  }

  // ---- meta, ids, time ----

  meta(key: string): string | undefined {
    return (this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)
      ?.value;
  }

  setMeta(key: string, value: string): void {
    this.db
      .prepare(
        'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      )
      .run(key, value);
  }

  /** An id not used yet in `table`, e.g. `conv-201`. */
  newId(prefix: string, table?: string): string {
    let n = Number(this.meta('counter') ?? '0');
    let id: string;
    do id = `${prefix}-${++n}`;
    while (table && this.db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(id));
    this.setMeta('counter', String(n));
    return id;
  }

  /** Now, but never before the newest stored activity (fixture times may lie ahead of the clock). */
  now(): string {
    const clock = new Date().toISOString();
    const latest = this.meta('latestAt') ?? '';
    const next = clock > latest ? clock : new Date(Date.parse(latest) + 1000).toISOString();
    this.setMeta('latestAt', next);
    return next;
  }

  // ---- catalog: channels, agents, teams, pipelines, insertables ----

  list<T>(kind: CatalogKind): T[] {
    return parseAll<T>(
      this.db.prepare('SELECT data FROM catalog WHERE kind = ? ORDER BY position').all(kind) as Row[],
    );
  }

  get<T>(kind: CatalogKind, id: string): T | undefined {
    return parse<T>(
      this.db.prepare('SELECT data FROM catalog WHERE kind = ? AND id = ?').get(kind, id) as Row | undefined,
    );
  }

  putCatalog(kind: CatalogKind, id: string, position: number, value: unknown): void {
    this.db
      .prepare('INSERT OR REPLACE INTO catalog (kind, id, position, data) VALUES (?, ?, ?, ?)')
      .run(kind, id, position, JSON.stringify(value));
  }

  agentByToken(token: string): string | undefined {
    return (
      this.db.prepare('SELECT agent_id FROM agent_tokens WHERE token = ?').get(token) as
        { agent_id: string } | undefined
    )?.agent_id;
  }

  addAgentToken(token: string, agentId: string): void {
    this.db
      .prepare('INSERT OR REPLACE INTO agent_tokens (token, agent_id) VALUES (?, ?)')
      .run(token, agentId);
  }

  // ---- accounts ----

  accounts(): ChannelAccount[] {
    return parseAll(this.db.prepare('SELECT data FROM accounts ORDER BY position').all() as Row[]);
  }

  account(id: string): ChannelAccount | undefined {
    return parse(this.db.prepare('SELECT data FROM accounts WHERE id = ?').get(id) as Row | undefined);
  }

  insertAccount(
    account: ChannelAccount,
    secrets: Record<string, unknown>,
    webhookUrl: string | null = null,
  ): void {
    const position = (
      this.db.prepare('SELECT COALESCE(MAX(position), 0) + 1 AS p FROM accounts').get() as { p: number }
    ).p;
    this.db
      .prepare(
        'INSERT INTO accounts (id, position, data, secrets, publish_token, signing_secret, webhook_url) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        account.id,
        position,
        JSON.stringify(account),
        JSON.stringify(secrets),
        newSecret('pub'),
        newSecret('whsec'),
        webhookUrl,
      );
  }

  updateAccount(account: ChannelAccount, secrets?: Record<string, unknown>): void {
    this.db.prepare('UPDATE accounts SET data = ? WHERE id = ?').run(JSON.stringify(account), account.id);
    if (secrets)
      this.db
        .prepare('UPDATE accounts SET secrets = ? WHERE id = ?')
        .run(JSON.stringify(secrets), account.id);
  }

  accountSecrets(id: string): Record<string, unknown> {
    const row = this.db.prepare('SELECT secrets FROM accounts WHERE id = ?').get(id) as
      { secrets: string } | undefined;
    return row ? (JSON.parse(row.secrets) as Record<string, unknown>) : {};
  }

  deleteAccount(id: string): void {
    this.db.prepare('DELETE FROM accounts WHERE id = ?').run(id);
  }

  integration(accountId: string): Integration | undefined {
    const row = this.db
      .prepare('SELECT publish_token, signing_secret, webhook_url FROM accounts WHERE id = ?')
      .get(accountId) as
      { publish_token: string; signing_secret: string; webhook_url: string | null } | undefined;
    return (
      row && {
        accountId,
        webhookUrl: row.webhook_url,
        publishToken: row.publish_token,
        signingSecret: row.signing_secret,
      }
    );
  }

  setWebhook(accountId: string, url: string | null): void {
    this.db.prepare('UPDATE accounts SET webhook_url = ? WHERE id = ?').run(url, accountId);
  }

  setIntegrationSecrets(accountId: string, publishToken: string, signingSecret: string): void {
    this.db
      .prepare('UPDATE accounts SET publish_token = ?, signing_secret = ? WHERE id = ?')
      .run(publishToken, signingSecret, accountId);
  }

  // ---- contacts, tickets, views ----

  contact(id: string): Contact | undefined {
    return parse(this.db.prepare('SELECT data FROM contacts WHERE id = ?').get(id) as Row | undefined);
  }

  contactByAddress(address: string): Contact | undefined {
    return parse(
      this.db
        .prepare('SELECT data FROM contacts WHERE phone = ? OR email = ? LIMIT 1')
        .get(address, address) as Row | undefined,
    );
  }

  putContact(contact: Contact): void {
    this.db
      .prepare('INSERT OR REPLACE INTO contacts (id, email, phone, data) VALUES (?, ?, ?, ?)')
      .run(contact.id, contact.email ?? null, contact.phone ?? null, JSON.stringify(contact));
  }

  ticket(id: string): Ticket | undefined {
    return parse(this.db.prepare('SELECT data FROM tickets WHERE id = ?').get(id) as Row | undefined);
  }

  /** Stores a ticket; with `announce`, logs ticket.updated. */
  putTicket(ticket: Ticket, announce = true): void {
    this.db
      .prepare('INSERT OR REPLACE INTO tickets (id, data) VALUES (?, ?)')
      .run(ticket.id, JSON.stringify(ticket));
    if (announce) this.emit({ type: 'ticket.updated', seq: this.nextSeq(ticket.id), ticket });
  }

  views(): View[] {
    return parseAll(this.db.prepare('SELECT data FROM views ORDER BY position').all() as Row[]);
  }

  view(id: string): View | undefined {
    return parse(this.db.prepare('SELECT data FROM views WHERE id = ?').get(id) as Row | undefined);
  }

  putView(view: View): void {
    const position = (
      this.db.prepare('SELECT COALESCE(MAX(position), 0) + 1 AS p FROM views').get() as { p: number }
    ).p;
    this.db
      .prepare('INSERT INTO views (id, position, data) VALUES (?, ?, ?)')
      .run(view.id, position, JSON.stringify(view));
  }

  deleteView(id: string): boolean {
    return this.db.prepare('DELETE FROM views WHERE id = ?').run(id).changes > 0;
  }

  // ---- conversations and messages ----

  conversation(id: string): Conversation | undefined {
    return parse(this.db.prepare('SELECT data FROM conversations WHERE id = ?').get(id) as Row | undefined);
  }

  /** Stores a conversation; with `announce`, logs conversation.updated. */
  putConversation(c: Conversation, announce = true): void {
    const search = [c.contactName, c.ticketName ?? '', c.lastMessage?.preview ?? ''].join('\n').toLowerCase();
    this.db
      .prepare(
        `INSERT OR REPLACE INTO conversations (id, data, sort_key, account_id, thread_key, contact_id, ticket_id, status, assignee_id, unread, search)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        c.id,
        JSON.stringify(c),
        c.lastMessage?.at ?? c.createdAt,
        c.channelAccountId,
        c.externalThreadId ?? null,
        c.contactId,
        c.ticketId,
        c.status,
        c.assigneeId,
        c.unreadCount,
        search,
      );
    if (announce) this.emit({ type: 'conversation.updated', seq: this.nextSeq(c.id), conversation: c });
  }

  conversationsWhere(where: string, ...args: unknown[]): Conversation[] {
    return parseAll(this.db.prepare(`SELECT data FROM conversations WHERE ${where}`).all(...args) as Row[]);
  }

  message(id: string): Message | undefined {
    return parse(this.db.prepare('SELECT data FROM messages WHERE id = ?').get(id) as Row | undefined);
  }

  messageCount(conversationId: string): number {
    return (
      this.db.prepare('SELECT COUNT(*) AS n FROM messages WHERE conversation_id = ?').get(conversationId) as {
        n: number;
      }
    ).n;
  }

  /** Messages with seq < `beforeSeq`, the newest `limit` of them, oldest first. */
  messagesBefore(conversationId: string, beforeSeq: number, limit: number): Message[] {
    const rows = this.db
      .prepare('SELECT data FROM messages WHERE conversation_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?')
      .all(conversationId, beforeSeq, limit) as Row[];
    return parseAll<Message>(rows).reverse();
  }

  putMessage(message: Message): void {
    this.db
      .prepare(
        'INSERT OR REPLACE INTO messages (id, conversation_id, seq, text, data) VALUES (?, ?, ?, ?, ?)',
      )
      .run(
        message.id,
        message.conversationId,
        message.seq,
        message.text.toLowerCase(),
        JSON.stringify(message),
      );
  }
}
