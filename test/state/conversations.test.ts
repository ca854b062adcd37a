import { expect } from '@open-wc/testing';

import { HelpDeskError } from '../../src/adapters/errors.js';
import {
  conversationChanged,
  type ConversationsState,
  initialConversations,
  matchesQuery,
  pageLoaded,
} from '../../src/state/conversations.js';
import { HelpDeskStore } from '../../src/state/store.js';
import { conversation, FakeAdapter, latest } from './fake-adapter.js';

function setup(count = 5, pageSize = 100) {
  const adapter = new FakeAdapter();
  // c0 is the newest; the list comes back newest activity first.
  adapter.conversations = Array.from({ length: count }, (_, i) =>
    conversation(`c${i}`, {
      lastMessage: { preview: `hello ${i}`, at: `2024-01-0${9 - i}T00:00:00.000Z`, direction: 'incoming' },
    }),
  );
  const store = new HelpDeskStore(adapter, { storage: null, pageSize });
  return { adapter, store };
}

describe('HelpDeskStore conversations', () => {
  describe('Loading and paging', () => {
    it('loads the first page of the query on start', async () => {
      const { store, adapter } = setup(3);
      await store.start();
      const list = latest(store.conversationList$);
      expect(list.ids).to.deep.equal(['c0', 'c1', 'c2']);
      expect(list.loading).to.be.false;
      expect(list.hasMore).to.be.false;
      expect(list.total).to.equal(3);
      expect(adapter.conversationQueries[0]).to.deep.equal({ limit: 100 });
    });

    it('asks for bigger pages as the list grows, up to 200 (the protocol allows no more)', async () => {
      const { store, adapter } = setup(3000, 100);
      await store.start();
      while (latest(store.conversationList$).hasMore) await store.loadMoreConversations();
      const limits = adapter.conversationQueries.map((q) => q.limit);
      expect(latest(store.conversationList$).ids).to.have.length(3000);
      expect(limits.slice(0, 8), 'the store page size while the list is short').to.deep.equal(
        Array(8).fill(100),
      );
      expect(Math.max(...limits)).to.equal(200);
      expect(limits.at(-2), 'pages of 200 once the list holds 1,600').to.equal(200);
      expect(limits.length, 'fewer requests than pages of 100').to.be.below(3000 / 100);
    });

    it('loads the next page by cursor and does nothing at the end', async () => {
      const { store, adapter } = setup(5, 2);
      await store.start();
      expect(latest(store.conversationList$).hasMore).to.be.true;
      await store.loadMoreConversations();
      await store.loadMoreConversations();
      expect(latest(store.conversationList$).ids).to.deep.equal(['c0', 'c1', 'c2', 'c3', 'c4']);
      expect(latest(store.conversationList$).hasMore).to.be.false;
      const calls = adapter.count('listConversations');
      const result = await store.loadMoreConversations();
      expect(result.ok).to.be.true;
      expect(adapter.count('listConversations')).to.equal(calls);
    });

    it('does not load a second page while one is loading', async () => {
      const { store, adapter } = setup(5, 2);
      await store.start();
      const release = adapter.pause('listConversations');
      const first = store.loadMoreConversations();
      const second = store.loadMoreConversations();
      release();
      await Promise.all([first, second]);
      expect(adapter.count('listConversations')).to.equal(2);
      expect(latest(store.conversationList$).ids).to.deep.equal(['c0', 'c1', 'c2', 'c3']);
    });

    it('drops a page that arrives after the search changed', async () => {
      const { store, adapter } = setup(5);
      await store.start();
      const release = adapter.pause('listConversations');
      const stale = store.setSearch('contact c1');
      const fresh = store.setSearch('contact c3');
      release();
      await Promise.all([stale, fresh]);
      const list = latest(store.conversationList$);
      expect(list.ids).to.deep.equal(['c3']);
      expect(list.query.text).to.equal('contact c3');
    });

    it('drops a next page that arrives after the filters changed', async () => {
      const { store, adapter } = setup(5, 2);
      await store.start();
      const release = adapter.pause('listConversations');
      const more = store.loadMoreConversations();
      const filtered = store.setFilters({ status: 'open' });
      release();
      await Promise.all([more, filtered]);
      expect(latest(store.conversationList$).ids).to.deep.equal(['c0', 'c1']);
      expect(adapter.conversationQueries.at(-1)).to.deep.equal({ limit: 2, filters: { status: 'open' } });
    });

    it('records a list error, resolves with it and clears it on the next success', async () => {
      const { store, adapter } = setup(2);
      adapter.fail('listConversations', new HelpDeskError('unavailable', 'Down'), true);
      const result = await store.loadMoreConversations();
      expect(result.ok).to.be.false;
      expect(latest(store.conversationList$).error?.message).to.equal('Down');
      expect((await store.setSearch('')).ok).to.be.true;
      expect(latest(store.conversationList$).error).to.equal(null);
    });

    it('sends the view id and clears text and filters when a view is applied', async () => {
      const { store, adapter } = setup(2);
      await store.setSearch('x');
      await store.applyView('view-9');
      expect(adapter.conversationQueries.at(-1)).to.deep.equal({ limit: 100, viewId: 'view-9' });
      expect(latest(store.conversationList$).query).to.deep.equal({
        text: '',
        filters: {},
        viewId: 'view-9',
      });
    });

    it('goes back to no view when the view in use is deleted', async () => {
      const { store, adapter } = setup(2);
      const saved = await store.saveView({ name: 'Mine', filters: { assignee: 'me' } });
      if (!saved.ok) throw saved.error;
      await store.applyView(saved.value.id);
      await store.deleteView(saved.value.id);
      expect(latest(store.views$)).to.deep.equal([]);
      expect(latest(store.conversationList$).query.viewId).to.equal(null);
      expect(adapter.count('listConversations')).to.equal(2);
    });
  });

  describe('Live updates', () => {
    it('moves a conversation with a newer last message to the top and keeps the selection', async () => {
      const { store, adapter } = setup(3);
      await store.start();
      store.selectConversation('c1');
      const c2 = adapter.conversations[2]!;
      adapter.emit({
        type: 'conversation.updated',
        seq: 1,
        conversation: {
          ...c2,
          lastMessage: { preview: 'new', at: '2024-02-01T00:00:00.000Z', direction: 'incoming' },
        },
      });
      expect(latest(store.conversationList$).ids).to.deep.equal(['c2', 'c0', 'c1']);
      expect(latest(store.selectedConversationId$)).to.equal('c1');
      expect(latest(store.conversation$('c2'))?.lastMessage?.preview).to.equal('new');
    });

    it('keeps the place of a conversation whose change brings no newer message', async () => {
      const { store, adapter } = setup(3);
      await store.start();
      adapter.emit({
        type: 'conversation.updated',
        seq: 1,
        conversation: { ...adapter.conversations[2]!, assigneeId: 'agent-2' },
      });
      expect(latest(store.conversationList$).ids).to.deep.equal(['c0', 'c1', 'c2']);
      expect(latest(store.conversation$('c2'))?.assigneeId).to.equal('agent-2');
    });

    it('inserts a new matching conversation at the top and leaves out one that does not match', async () => {
      const { store, adapter } = setup(2);
      await store.start();
      await store.setFilters({ status: 'open' });
      const at = '2024-03-01T00:00:00.000Z';
      adapter.emit({
        type: 'conversation.updated',
        seq: 1,
        conversation: conversation('new', { lastMessage: { preview: 'hi', at, direction: 'incoming' } }),
      });
      adapter.emit({
        type: 'conversation.updated',
        seq: 1,
        conversation: conversation('closed', {
          status: 'closed',
          lastMessage: { preview: 'hi', at, direction: 'incoming' },
        }),
      });
      const list = latest(store.conversationList$);
      expect(list.ids).to.deep.equal(['new', 'c0', 'c1']);
      expect(list.total).to.equal(3);
    });

    it('removes a conversation that no longer matches the filters, and it stays selected', async () => {
      const { store, adapter } = setup(2);
      await store.start();
      await store.setFilters({ status: 'open' });
      store.selectConversation('c0');
      adapter.emit({
        type: 'conversation.updated',
        seq: 1,
        conversation: { ...adapter.conversations[0]!, status: 'closed' },
      });
      expect(latest(store.conversationList$).ids).to.deep.equal(['c1']);
      expect(latest(store.selectedConversationId$)).to.equal('c0');
      expect(latest(store.selectedConversation$)?.status).to.equal('closed');
    });

    it('takes the unread count the backend sends for a conversation that is not selected', async () => {
      const { store, adapter } = setup(2);
      await store.start();
      store.selectConversation('c0');
      adapter.emit({
        type: 'conversation.updated',
        seq: 3,
        conversation: { ...adapter.conversations[1]!, unreadCount: 4 },
      });
      expect(latest(store.conversation$('c1'))?.unreadCount).to.equal(4);
    });

    it('ignores an event at or below the last applied seq', async () => {
      const { store, adapter } = setup(1);
      await store.start();
      const c0 = adapter.conversations[0]!;
      adapter.emit({ type: 'conversation.updated', seq: 5, conversation: { ...c0, unreadCount: 5 } });
      adapter.emit({ type: 'conversation.updated', seq: 4, conversation: { ...c0, unreadCount: 4 } });
      adapter.emit({ type: 'conversation.updated', seq: 5, conversation: { ...c0, unreadCount: 9 } });
      expect(latest(store.conversation$('c0'))?.unreadCount).to.equal(5);
    });

    it('marks a conversation read at once, and resolves with the error when refused', async () => {
      const { store, adapter } = setup(1);
      adapter.conversations[0] = { ...adapter.conversations[0]!, unreadCount: 3 };
      await store.start();
      adapter.fail('markRead');
      const pending = store.markRead('c0');
      expect(latest(store.conversation$('c0'))?.unreadCount).to.equal(0);
      const result = await pending;
      expect(result.ok).to.be.false;
    });

    it('emits the list only when it changes', async () => {
      const { store } = setup(2);
      await store.start();
      let emissions = 0;
      const subscription = store.conversationList$.subscribe(() => (emissions += 1));
      store.setNotificationsEnabled(true);
      store.selectConversation('c1');
      subscription.unsubscribe();
      expect(emissions).to.equal(1);
    });
  });

  describe('List membership across state versions', () => {
    const page = (...ids: string[]) => ({ items: ids.map((id) => conversation(id)), nextCursor: 'more' });
    const load = (state: ConversationsState, ...ids: string[]) => pageLoaded(state, 0, page(...ids), true);
    const context = { currentAgentId: null };

    it('knows what an older list held after a newer one was made from it', () => {
      const first = pageLoaded(initialConversations(), 0, page('c0', 'c1'), false);
      const second = load(first, 'c2', 'c3');
      expect(load(first, 'c2', 'c1').ids, 'the older list').to.deep.equal(['c0', 'c1', 'c2']);
      expect(load(second, 'c3', 'c4').ids, 'the newer list').to.deep.equal(['c0', 'c1', 'c2', 'c3', 'c4']);
      expect(load(first, 'c3').ids, 'the older list again').to.deep.equal(['c0', 'c1', 'c3']);
    });

    it('knows what a list held before and after a row left it', () => {
      const listed = pageLoaded(
        { ...initialConversations(), query: { text: '', filters: { status: 'open' }, viewId: null } },
        0,
        page('c0', 'c1'),
        false,
      );
      const closed = conversationChanged(listed, conversation('c0', { status: 'closed' }), context);
      expect(closed.ids).to.deep.equal(['c1']);
      expect(load(listed, 'c0', 'c2').ids).to.deep.equal(['c0', 'c1', 'c2']);
      expect(load(closed, 'c0', 'c2').ids).to.deep.equal(['c1', 'c0', 'c2']);
    });
  });

  describe('matchesQuery', () => {
    const base = initialConversations();
    const context = { currentAgentId: 'me-1' };
    const match = (filters: object, text = '', c = conversation('x')) =>
      matchesQuery(c, { text, filters, viewId: null }, base.views, context);

    it('evaluates account, status, assignee and unread filters', () => {
      expect(match({ channelAccountId: 'acc-1' })).to.be.true;
      expect(match({ channelAccountId: 'acc-2' })).to.be.false;
      expect(match({ status: 'all' }, '', conversation('x', { status: 'closed' }))).to.be.true;
      expect(match({ status: 'open' }, '', conversation('x', { status: 'closed' }))).to.be.false;
      expect(match({ assignee: 'me' }, '', conversation('x', { assigneeId: 'me-1' }))).to.be.true;
      expect(match({ assignee: 'me' }, '', conversation('x', { assigneeId: 'other' }))).to.be.false;
      expect(match({ assignee: 'unassigned' })).to.be.true;
      expect(match({ assignee: 'team-1' }, '', conversation('x', { assigneeId: 'team-1' }))).to.be.true;
      expect(match({ unreadOnly: true })).to.be.false;
      expect(match({ unreadOnly: true }, '', conversation('x', { unreadCount: 1 }))).to.be.true;
    });

    it('matches text against contact, ticket and preview, ignoring case', () => {
      const c = conversation('x', {
        contactName: 'Maria Silva',
        ticketName: 'Refund',
        lastMessage: { preview: 'Where is my ORDER?', at: '2024-01-01T00:00:00.000Z', direction: 'incoming' },
      });
      expect(match({}, 'maria', c)).to.be.true;
      expect(match({}, 'REFUND', c)).to.be.true;
      expect(match({}, 'order', c)).to.be.true;
      expect(match({}, 'invoice', c)).to.be.false;
    });

    it('applies the filters of the view in use', () => {
      const views = [{ id: 'v', name: 'Closed', filters: { status: 'closed' as const } }];
      const query = { text: '', filters: {}, viewId: 'v' };
      expect(matchesQuery(conversation('x'), query, views, context)).to.be.false;
      expect(matchesQuery(conversation('x', { status: 'closed' }), query, views, context)).to.be.true;
    });
  });
});
