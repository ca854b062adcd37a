// The conversation list: a sorted index (newest activity first) kept up to date on each change,
// and the filtered id list of the last query cached, so paging through 100,000 conversations
// filters once rather than once per page.
import type { Conversation, ConversationFilters, Message } from '../../model/index.js';
import type { ConversationQuery, Page } from '../adapter.js';
import { HelpDeskError } from '../errors.js';

/** What the index reads from the adapter state. */
export interface IndexSource {
  readonly conversations: Map<string, Conversation>;
  readonly currentAgentId: string;
  loadedMessages(conversationId: string): Message[] | undefined;
}

const sortKey = (c: Conversation): string => c.lastMessage?.at ?? c.createdAt;

/** Whether a sorts before b: newer first, then by id so the order is total. */
function before(aKey: string, aId: string, bKey: string, bId: string): boolean {
  return aKey === bKey ? aId > bId : aKey > bKey;
}

export class ConversationIndex {
  private sorted: string[] | null = null;
  private version = 0;
  private cache: { signature: string; version: number; ids: string[] } | null = null;

  constructor(private readonly source: IndexSource) {}

  /** Re-places one conversation after it changed (or was added). */
  update(conversation: Conversation): void {
    this.version++;
    const sorted = this.sorted;
    if (!sorted) return;
    const old = sorted.indexOf(conversation.id);
    if (old >= 0) sorted.splice(old, 1);
    const at = this.insertionPoint(sorted, sortKey(conversation), conversation.id);
    sorted.splice(at, 0, conversation.id);
  }

  query(query: ConversationQuery, viewFilters: ConversationFilters = {}, viewText = ''): Page<Conversation> {
    if (!Number.isInteger(query.limit) || query.limit < 1) {
      throw new HelpDeskError('invalid', 'The page size must be a whole number of at least 1.', { fieldErrors: { limit: 'Must be 1 or more' } });
    }
    const filters: ConversationFilters = { ...viewFilters };
    for (const [key, value] of Object.entries(query.filters ?? {})) {
      if (value !== undefined) Object.assign(filters, { [key]: value });
    }
    const text = (query.text?.trim() || viewText.trim()).toLowerCase();
    const ids = this.filtered(filters, text);
    let start = 0;
    if (query.cursor) {
      const [key, id] = decodeCursor(query.cursor);
      start = this.insertionPoint(ids, key, id);
      // The cursor item itself, if still at that key, was on the previous page.
      if (ids[start] === id) start++;
    }
    const items = ids.slice(start, start + query.limit).map((id) => this.source.conversations.get(id)!);
    const last = items.at(-1);
    const more = start + items.length < ids.length;
    return { items, nextCursor: more && last ? encodeCursor(sortKey(last), last.id) : null, total: ids.length };
  }

  private all(): string[] {
    if (!this.sorted) {
      const list = [...this.source.conversations.values()];
      list.sort((a, b) => {
        const ak = sortKey(a);
        const bk = sortKey(b);
        return ak === bk ? (a.id < b.id ? 1 : a.id > b.id ? -1 : 0) : ak < bk ? 1 : -1;
      });
      this.sorted = list.map((c) => c.id);
    }
    return this.sorted;
  }

  private filtered(filters: ConversationFilters, text: string): string[] {
    const signature = JSON.stringify([filters, text]);
    if (this.cache && this.cache.signature === signature && this.cache.version === this.version) return this.cache.ids;
    const all = this.all();
    const { conversations, currentAgentId } = this.source;
    const assignee = filters.assignee === 'me' ? currentAgentId : filters.assignee;
    const status = filters.status === 'all' ? undefined : filters.status;
    const ids: string[] = [];
    for (const id of all) {
      const c = conversations.get(id)!;
      if (filters.channelAccountId !== undefined && c.channelAccountId !== filters.channelAccountId) continue;
      if (status !== undefined && c.status !== status) continue;
      if (assignee !== undefined && c.assigneeId !== (assignee === 'unassigned' ? null : assignee)) continue;
      if (filters.unreadOnly && c.unreadCount === 0) continue;
      if (text && !this.matches(c, text)) continue;
      ids.push(id);
    }
    this.cache = { signature, version: this.version, ids };
    return ids;
  }

  /**
   * Names, ticket name and preview always; message texts of the threads the adapter holds. Threads
   * still lazy in a large fixture are not generated for a search: that would build every message
   * of 100,000 conversations (seconds) for one keystroke.
   */
  private matches(c: Conversation, text: string): boolean {
    if (c.contactName.toLowerCase().includes(text)) return true;
    if (c.ticketName?.toLowerCase().includes(text)) return true;
    if (c.lastMessage?.preview.toLowerCase().includes(text)) return true;
    const messages = this.source.loadedMessages(c.id);
    return messages?.some((m) => m.text.toLowerCase().includes(text)) ?? false;
  }

  /** The first position in `ids` (in list order) that does not sort before (key, id). */
  private insertionPoint(ids: string[], key: string, id: string): number {
    const { conversations } = this.source;
    let low = 0;
    let high = ids.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const c = conversations.get(ids[mid]!)!;
      if (before(sortKey(c), c.id, key, id)) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}

function encodeCursor(key: string, id: string): string {
  return `c1.${key}.${encodeURIComponent(id)}`;
}

function decodeCursor(cursor: string): [string, string] {
  const match = /^c1\.([^.]*\.[^.]*)\.(.+)$/.exec(cursor);
  if (!match) throw new HelpDeskError('invalid', 'The page cursor is not one this adapter gave out.', { fieldErrors: { cursor: 'Unknown cursor' } });
  return [match[1]!, decodeURIComponent(match[2]!)];
}
