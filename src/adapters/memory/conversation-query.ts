// The conversation list: a sorted index (newest activity first) and the filtered id lists of the
// last few queries, all kept up to date change by change. A page is a binary search for its cursor
// and a slice, whatever the query and however many conversations there are; a changed conversation
// leaves and re-enters each list at its place (a binary search and a block move), so nothing is
// filtered or sorted again after an incoming message.
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

/** Filtered lists kept; more queries than this at once (rare: one list per desk) re-filter. */
const CACHED_QUERIES = 4;

interface FilteredList {
  matches: (c: Conversation) => boolean;
  ids: string[];
}

export class ConversationIndex {
  private readonly sorted: string[];
  /** By query signature, least recently used first. */
  private readonly lists = new Map<string, FilteredList>();

  constructor(private readonly source: IndexSource) {
    // Fixtures arrive in order already: one pass checks that. Otherwise sort by precomputed keys (a
    // comparator reading the Map twice per comparison is what made the first page of 100,000 slow).
    const all = [...source.conversations.values()];
    let ordered = true;
    for (let i = 1; i < all.length && ordered; i++) {
      const a = all[i - 1]!;
      const b = all[i]!;
      ordered = before(sortKey(a), a.id, sortKey(b), b.id);
    }
    if (ordered) this.sorted = all.map((c) => c.id);
    else {
      const entries = all.map((c) => ({ key: sortKey(c), id: c.id }));
      entries.sort((a, b) =>
        a.key === b.key ? (a.id < b.id ? 1 : a.id > b.id ? -1 : 0) : a.key < b.key ? 1 : -1,
      );
      this.sorted = entries.map((e) => e.id);
    }
  }

  /**
   * Takes a conversation out of every list, before it changes in the source (its place is found
   * by its current sort key). `add` puts its new version back.
   */
  remove(conversation: Conversation): void {
    this.take(this.sorted, conversation);
    for (const list of this.lists.values()) this.take(list.ids, conversation);
  }

  /** Puts a conversation (new, or changed after `remove`) in its place in every list it matches. */
  add(conversation: Conversation): void {
    const key = sortKey(conversation);
    this.sorted.splice(this.insertionPoint(this.sorted, key, conversation.id), 0, conversation.id);
    for (const list of this.lists.values()) {
      if (list.matches(conversation))
        list.ids.splice(this.insertionPoint(list.ids, key, conversation.id), 0, conversation.id);
    }
  }

  query(query: ConversationQuery, viewFilters: ConversationFilters = {}, viewText = ''): Page<Conversation> {
    if (!Number.isInteger(query.limit) || query.limit < 1) {
      throw new HelpDeskError('invalid', 'The page size must be a whole number of at least 1.', {
        fieldErrors: { limit: 'Must be 1 or more' },
      });
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
    return {
      items,
      nextCursor: more && last ? encodeCursor(sortKey(last), last.id) : null,
      total: ids.length,
    };
  }

  /**
   * Removes `conversation`'s id from `ids`, found by binary search on its (current) sort key; every
   * list is kept in sort order, so not finding it there means it is not in that list.
   */
  private take(ids: string[], conversation: Conversation): void {
    const at = this.insertionPoint(ids, sortKey(conversation), conversation.id);
    if (ids[at] === conversation.id) ids.splice(at, 1);
  }

  private filtered(filters: ConversationFilters, text: string): string[] {
    const { currentAgentId } = this.source;
    const assignee = filters.assignee === 'me' ? currentAgentId : filters.assignee;
    const status = filters.status === 'all' ? undefined : filters.status;
    if (
      filters.channelAccountId === undefined &&
      status === undefined &&
      assignee === undefined &&
      !filters.unreadOnly &&
      !text
    ) {
      return this.sorted;
    }
    const signature = JSON.stringify([
      filters.channelAccountId,
      status,
      assignee,
      filters.unreadOnly === true,
      text,
    ]);
    const cached = this.lists.get(signature);
    if (cached) {
      this.lists.delete(signature);
      this.lists.set(signature, cached);
      return cached.ids;
    }
    const owner = assignee === 'unassigned' ? null : assignee;
    const matches = (c: Conversation): boolean =>
      (filters.channelAccountId === undefined || c.channelAccountId === filters.channelAccountId) &&
      (status === undefined || c.status === status) &&
      (assignee === undefined || c.assigneeId === owner) &&
      (!filters.unreadOnly || c.unreadCount > 0) &&
      (!text || this.matchesText(c, text));
    const { conversations } = this.source;
    const ids: string[] = [];
    for (const id of this.sorted) if (matches(conversations.get(id)!)) ids.push(id);
    if (this.lists.size >= CACHED_QUERIES) this.lists.delete(this.lists.keys().next().value!);
    this.lists.set(signature, { matches, ids });
    return ids;
  }

  /**
   * Names, ticket name and preview always; message texts of the threads the adapter holds. Threads
   * still lazy in a large fixture are not generated for a search: that would build every message
   * of 100,000 conversations (seconds) for one keystroke.
   */
  private matchesText(c: Conversation, text: string): boolean {
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
  if (!match)
    throw new HelpDeskError('invalid', 'The page cursor is not one this adapter gave out.', {
      fieldErrors: { cursor: 'Unknown cursor' },
    });
  return [match[1]!, decodeURIComponent(match[2]!)];
}
