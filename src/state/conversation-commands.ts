import type { ConversationQuery } from '../adapters/adapter.js';
import type { ConversationFilters, View } from '../model/index.js';
import {
  conversationChanged,
  type ConversationQueryState,
  pageFailed,
  pageLoaded,
  pageRequested,
  queryChanged,
  viewDeleted,
  viewSaved,
  viewsFailed,
  viewsLoaded,
} from './conversations.js';
import { type CommandResult, fail, ok } from './result.js';
import type { HelpDeskState } from './state.js';
import { call, type StoreContext } from './store-context.js';

type ConversationsChange = (c: HelpDeskState['conversations']) => HelpDeskState['conversations'];

function conversations(ctx: StoreContext, change: ConversationsChange): void {
  ctx.update((s) => {
    const next = change(s.conversations);
    return next === s.conversations ? s : { ...s, conversations: next };
  });
}

/** The most conversations asked for at once: the reference protocol's largest page. */
const MAX_PAGE = 200;

/**
 * How many to ask for: the store's page size, and more as the list grows (an eighth of what it
 * holds, up to MAX_PAGE). Each page appended copies the list's ids: with pages of 100, paging through
 * 100,000 conversations copies about 400 MB of id arrays, garbage whose collection adds to the
 * long tasks of a long scroll; pages that grow halve it.
 */
function pageLimit(ctx: StoreContext, append: boolean): number {
  if (!append) return ctx.pageSize;
  const held = ctx.state.conversations.ids.length;
  return Math.max(ctx.pageSize, Math.min(MAX_PAGE, Math.floor(held / 8)));
}

/** Loads a page of the current query; an answer that arrives after the query changed is dropped. */
async function loadPage(ctx: StoreContext, append: boolean): Promise<CommandResult<void>> {
  const { query, queryVersion: version, cursor } = ctx.state.conversations;
  const request: ConversationQuery = { limit: pageLimit(ctx, append) };
  if (query.text) request.text = query.text;
  if (Object.keys(query.filters).length > 0) request.filters = query.filters;
  if (query.viewId !== null) request.viewId = query.viewId;
  if (append && cursor !== null) request.cursor = cursor;
  conversations(ctx, pageRequested);
  try {
    const page = await call(() => ctx.adapter.listConversations(request));
    conversations(ctx, (c) => pageLoaded(c, version, page, append));
    return ok(undefined);
  } catch (error) {
    const failure = fail(error);
    conversations(ctx, (c) => pageFailed(c, version, failure.error));
    return failure;
  }
}

/** The first page of the current query. */
export function loadConversations(ctx: StoreContext): Promise<CommandResult<void>> {
  return loadPage(ctx, false);
}

function changeQuery(ctx: StoreContext, query: ConversationQueryState): Promise<CommandResult<void>> {
  conversations(ctx, (c) => queryChanged(c, query));
  return loadPage(ctx, false);
}

export function setSearch(ctx: StoreContext, text: string): Promise<CommandResult<void>> {
  return changeQuery(ctx, { ...ctx.state.conversations.query, text });
}

export function setFilters(
  ctx: StoreContext,
  patch: Partial<ConversationFilters>,
): Promise<CommandResult<void>> {
  const filters: ConversationFilters = { ...ctx.state.conversations.query.filters, ...patch };
  // An `undefined` in the patch removes that filter, so the query sent holds only real filters.
  for (const key of Object.keys(filters) as (keyof ConversationFilters)[]) {
    if (filters[key] === undefined) delete filters[key];
  }
  return changeQuery(ctx, { ...ctx.state.conversations.query, filters });
}

/** A view replaces the search and filters: its own apply through `viewId`. */
export function applyView(ctx: StoreContext, viewId: string | null): Promise<CommandResult<void>> {
  return changeQuery(ctx, { text: '', filters: {}, viewId });
}

/** The next page; nothing while a page is loading or after the last one. */
export async function loadMoreConversations(ctx: StoreContext): Promise<CommandResult<void>> {
  const c = ctx.state.conversations;
  if (c.loading) return ok(undefined);
  if (!c.loaded) return loadPage(ctx, false);
  if (!c.hasMore) return ok(undefined);
  return loadPage(ctx, true);
}

/** Unread goes to 0 at once. A refusal leaves it at 0: the next `conversation.updated` corrects it. */
export async function markRead(ctx: StoreContext, conversationId: string): Promise<CommandResult<void>> {
  const conversation = ctx.state.conversations.byId[conversationId];
  if (conversation && conversation.unreadCount > 0) {
    const currentAgentId = ctx.state.people.currentAgent?.id ?? null;
    conversations(ctx, (c) =>
      conversationChanged(c, { ...conversation, unreadCount: 0 }, { currentAgentId }),
    );
  }
  try {
    await call(() => ctx.adapter.markRead(conversationId));
    return ok(undefined);
  } catch (error) {
    return fail(error);
  }
}

export async function loadViews(ctx: StoreContext): Promise<CommandResult<void>> {
  try {
    const views = await call(() => ctx.adapter.listViews());
    conversations(ctx, (c) => viewsLoaded(c, views));
    return ok(undefined);
  } catch (error) {
    const failure = fail(error);
    conversations(ctx, (c) => viewsFailed(c, failure.error));
    return failure;
  }
}

export async function saveView(
  ctx: StoreContext,
  input: { name: string; filters: ConversationFilters; text?: string },
): Promise<CommandResult<View>> {
  try {
    const view = await call(() => ctx.adapter.saveView(input));
    conversations(ctx, (c) => viewSaved(c, view));
    return ok(view);
  } catch (error) {
    const failure = fail(error);
    conversations(ctx, (c) => viewsFailed(c, failure.error));
    return failure;
  }
}

/** Deleting the view in use falls back to no view, so the list never follows a view that is gone. */
export async function deleteView(ctx: StoreContext, id: string): Promise<CommandResult<void>> {
  try {
    await call(() => ctx.adapter.deleteView(id));
  } catch (error) {
    const failure = fail(error);
    conversations(ctx, (c) => viewsFailed(c, failure.error));
    return failure;
  }
  conversations(ctx, (c) => viewDeleted(c, id));
  if (ctx.state.conversations.query.viewId === id) {
    const reloaded = await applyView(ctx, null);
    if (!reloaded.ok) return reloaded;
  }
  return ok(undefined);
}
