// Schema migrations, applied in order; the database's `user_version` records how far it is.
// Entities are stored whole as JSON (the shape the protocol sends), with the columns the server
// queries by kept beside them. Never edit a migration that shipped: add the next one.
import type { Database } from 'better-sqlite3';

export const migrations: string[] = [
  // 1: everything the help desk and the channel side need.
  `
  CREATE TABLE catalog (kind TEXT NOT NULL, id TEXT NOT NULL, position INTEGER NOT NULL, data TEXT NOT NULL, PRIMARY KEY (kind, id));
  CREATE TABLE accounts (
    id TEXT PRIMARY KEY, position INTEGER NOT NULL, data TEXT NOT NULL, secrets TEXT NOT NULL DEFAULT '{}',
    publish_token TEXT NOT NULL UNIQUE, signing_secret TEXT NOT NULL, webhook_url TEXT
  );
  CREATE TABLE agent_tokens (token TEXT PRIMARY KEY, agent_id TEXT NOT NULL);
  CREATE TABLE contacts (id TEXT PRIMARY KEY, email TEXT, phone TEXT, data TEXT NOT NULL);
  CREATE INDEX contacts_email ON contacts (email);
  CREATE INDEX contacts_phone ON contacts (phone);
  CREATE TABLE conversations (
    id TEXT PRIMARY KEY, data TEXT NOT NULL, sort_key TEXT NOT NULL, account_id TEXT, thread_key TEXT,
    contact_id TEXT, ticket_id TEXT, status TEXT NOT NULL, assignee_id TEXT, unread INTEGER NOT NULL, search TEXT NOT NULL
  );
  CREATE INDEX conversations_sort ON conversations (sort_key DESC, id DESC);
  CREATE INDEX conversations_thread ON conversations (account_id, thread_key);
  CREATE INDEX conversations_contact ON conversations (contact_id);
  CREATE INDEX conversations_ticket ON conversations (ticket_id);
  CREATE TABLE messages (
    id TEXT PRIMARY KEY, conversation_id TEXT NOT NULL, seq INTEGER NOT NULL, text TEXT NOT NULL, data TEXT NOT NULL,
    UNIQUE (conversation_id, seq)
  );
  -- The idempotency keys: an agent's clientId, and a channel's own message id per account.
  CREATE TABLE sends (client_id TEXT PRIMARY KEY, message_id TEXT NOT NULL);
  CREATE TABLE publishes (account_id TEXT NOT NULL, external_id TEXT NOT NULL, message_id TEXT NOT NULL, PRIMARY KEY (account_id, external_id));
  CREATE TABLE tickets (id TEXT PRIMARY KEY, data TEXT NOT NULL);
  CREATE TABLE views (id TEXT PRIMARY KEY, position INTEGER NOT NULL, data TEXT NOT NULL);
  -- The event log: the SSE id is the row id, so a client resumes after any event it saw.
  CREATE TABLE events (id INTEGER PRIMARY KEY AUTOINCREMENT, data TEXT NOT NULL);
  CREATE TABLE seqs (subject TEXT PRIMARY KEY, seq INTEGER NOT NULL);
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE uploads (id TEXT PRIMARY KEY, name TEXT NOT NULL, mime_type TEXT NOT NULL, size INTEGER NOT NULL, bytes BLOB NOT NULL, created_at TEXT NOT NULL);
  -- Outgoing replies on their way to the channel's webhook.
  CREATE TABLE deliveries (
    id TEXT PRIMARY KEY, message_id TEXT NOT NULL, account_id TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,
    next_at INTEGER NOT NULL, state TEXT NOT NULL, last_error TEXT
  );
  CREATE INDEX deliveries_due ON deliveries (state, next_at);
  `,
];

/** Brings the database up to the newest migration, each in its own transaction. */
export function migrate(db: Database): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let version = current; version < migrations.length; version++) {
    db.transaction(() => {
      db.exec(migrations[version]!);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
  return migrations.length;
}
