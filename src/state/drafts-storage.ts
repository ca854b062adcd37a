import type { Message, MessageChannel } from '../model/index.js';
import type { Draft } from './drafts.js';
import { outboxOf } from './messages.js';
import type { HelpDeskState, RestoredState } from './state.js';

const CHANNELS: readonly MessageChannel[] = ['custom', 'email', 'call', 'chat'];

/**
 * `globalThis.localStorage` when there is one. Reading it throws in sandboxed frames and with storage
 * blocked, and it does not exist in Node, so every failure means "no storage".
 */
export function defaultStorage(): Storage | null {
  try {
    return (globalThis as { localStorage?: Storage }).localStorage ?? null;
  } catch {
    return null;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isDraft(value: unknown): value is Draft {
  return (
    isObject(value) &&
    typeof value.text === 'string' &&
    Array.isArray(value.attachments) &&
    CHANNELS.includes(value.channel as MessageChannel) &&
    typeof value.updatedAt === 'string' &&
    (value.richText === undefined || typeof value.richText === 'string') &&
    (value.replyToId === undefined || typeof value.replyToId === 'string')
  );
}

function isMessage(value: unknown): value is Message {
  return (
    isObject(value) &&
    typeof value.id === 'string' &&
    typeof value.clientId === 'string' &&
    typeof value.conversationId === 'string' &&
    typeof value.text === 'string' &&
    Array.isArray(value.attachments) &&
    isObject(value.sender) &&
    CHANNELS.includes(value.channel as MessageChannel)
  );
}

/**
 * Drafts, unsent messages and the notifications preference in a `Storage`. Storage is shared with
 * the host page and can be full, blocked or hold anything, so reads validate and every call swallows
 * failures: losing persistence must never break the desk.
 */
export class DraftsStorage {
  constructor(
    private readonly storage: Storage | null,
    private readonly prefix: string,
  ) {}

  private draftKey(conversationId: string): string {
    return `${this.prefix}:draft:${conversationId}`;
  }

  private read(key: string): unknown {
    try {
      const raw = this.storage?.getItem(key);
      return raw == null ? undefined : (JSON.parse(raw) as unknown);
    } catch {
      return undefined;
    }
  }

  private write(key: string, value: unknown): void {
    try {
      if (value === undefined) this.storage?.removeItem(key);
      else this.storage?.setItem(key, JSON.stringify(value));
    } catch {
      // Full or blocked storage: the state in memory is still right.
    }
  }

  restore(): RestoredState {
    return {
      drafts: this.loadDrafts(),
      outbox: this.loadOutbox(),
      notificationsEnabled: this.loadNotifications(),
    };
  }

  loadDrafts(): Record<string, Draft> {
    const drafts: Record<string, Draft> = {};
    const prefix = `${this.prefix}:draft:`;
    try {
      const storage = this.storage;
      if (!storage) return drafts;
      const keys: string[] = [];
      for (let i = 0; i < storage.length; i += 1) {
        const key = storage.key(i);
        if (key?.startsWith(prefix)) keys.push(key);
      }
      for (const key of keys) {
        const value = this.read(key);
        if (isDraft(value)) drafts[key.slice(prefix.length)] = value;
      }
    } catch {
      // An unreadable storage restores nothing.
    }
    return drafts;
  }

  saveDraft(conversationId: string, draft: Draft | undefined): void {
    this.write(this.draftKey(conversationId), draft);
  }

  loadOutbox(): Record<string, Message[]> {
    const value = this.read(`${this.prefix}:outbox`);
    const outbox: Record<string, Message[]> = {};
    if (!isObject(value)) return outbox;
    for (const [conversationId, list] of Object.entries(value)) {
      if (!Array.isArray(list)) continue;
      const messages = list.filter((m): m is Message => isMessage(m) && m.conversationId === conversationId);
      if (messages.length > 0) outbox[conversationId] = messages;
    }
    return outbox;
  }

  saveOutbox(outbox: Record<string, Message[]>): void {
    this.write(`${this.prefix}:outbox`, Object.keys(outbox).length > 0 ? outbox : undefined);
  }

  loadNotifications(): boolean | null {
    const value = this.read(`${this.prefix}:notifications`);
    return typeof value === 'boolean' ? value : null;
  }

  saveNotifications(on: boolean): void {
    this.write(`${this.prefix}:notifications`, on);
  }

  /** Writes what changed between two states: drafts one key each, the outbox, the preference. */
  persist(previous: HelpDeskState, next: HelpDeskState): void {
    if (next.drafts !== previous.drafts) {
      for (const id of new Set([...Object.keys(previous.drafts), ...Object.keys(next.drafts)])) {
        if (previous.drafts[id] !== next.drafts[id]) this.saveDraft(id, next.drafts[id]);
      }
    }
    if (next.messages !== previous.messages) {
      const threads = next.messages.threads;
      const before = previous.messages.threads;
      const outboxChanged = Object.keys(threads).some((id) => threads[id]!.pending !== before[id]?.pending);
      if (outboxChanged) this.saveOutbox(outboxOf(next.messages));
    }
    if (next.ui.notificationsEnabled !== previous.ui.notificationsEnabled) {
      this.saveNotifications(next.ui.notificationsEnabled);
    }
  }
}
