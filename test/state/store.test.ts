import { expect } from '@open-wc/testing';

import type { HelpDeskAdapter } from '../../src/adapters/adapter.js';
import { HelpDeskError } from '../../src/adapters/errors.js';
import type { CommandResult } from '../../src/state/result.js';
import { HelpDeskStore } from '../../src/state/store.js';
import { conversation, FakeAdapter, flush, latest, ticket } from './fake-adapter.js';

type Method = Exclude<keyof HelpDeskAdapter, 'events$'>;
const METHODS: Method[] = [
  'listChannels',
  'listAccounts',
  'connectAccount',
  'updateAccount',
  'deleteAccount',
  'listConversations',
  'listMessages',
  'sendMessage',
  'uploadAttachment',
  'markRead',
  'getTicket',
  'updateTicket',
  'getContact',
  'listPastConversations',
  'listAgents',
  'listTeams',
  'listPipelines',
  'listViews',
  'saveView',
  'deleteView',
  'searchInsertables',
  'getCurrentAgent',
];

function setup() {
  const adapter = new FakeAdapter();
  adapter.conversations = [conversation('c1')];
  adapter.channels = [];
  adapter.tickets.set('t1', ticket('t1'));
  const store = new HelpDeskStore(adapter, { storage: null });
  return { adapter, store };
}

/** Every command once, with plausible arguments. */
function everyCommand(store: HelpDeskStore): Promise<CommandResult<unknown>>[] {
  const routing = { ticketProperties: {}, assignment: { mode: 'none' as const } };
  return [
    store.start(),
    store.setSearch('a'),
    store.setFilters({ status: 'open' }),
    store.applyView('v1'),
    store.loadMessages('c1'),
    store.loadOlderMessages('c2'),
    store.send('c1', { text: 'hi' }),
    store.markRead('c1'),
    store.loadTicket('t1'),
    store.updateTicket('t1', { stageId: 'x' }),
    store.loadContact('p1'),
    store.loadPastConversations('p1'),
    store.connectAccount({ channelId: 'ch', credentials: {}, routing }),
    store.updateAccount('a1', { name: 'x' }),
    store.deleteAccount('a1'),
    store.saveView({ name: 'v', filters: {} }),
    store.deleteView('v1'),
    store.searchInsertables('snippet', 'x'),
    store.uploadAttachment(new File(['x'], 'x.txt', { type: 'text/plain' })),
  ];
}

describe('HelpDeskStore', () => {
  let unhandled = 0;
  const onUnhandled = () => (unhandled += 1);
  beforeEach(() => {
    unhandled = 0;
    window.addEventListener('unhandledrejection', onUnhandled);
  });
  afterEach(() => window.removeEventListener('unhandledrejection', onUnhandled));

  describe('Start', () => {
    it('connects and loads everything the desk shows first', async () => {
      const { adapter, store } = setup();
      const result = await store.start();
      expect(result.ok).to.be.true;
      for (const method of [
        'listChannels',
        'listAccounts',
        'listAgents',
        'listTeams',
        'listPipelines',
        'listViews',
        'getCurrentAgent',
        'listConversations',
      ] as const) {
        expect(adapter.count(method), method).to.equal(1);
      }
      expect(adapter.subscribers).to.equal(1);
      expect(latest(store.currentAgent$)?.id).to.equal('agent-1');
      expect(latest(store.agents$)).to.have.length(1);
      expect(latest(store.conversationList$).ids).to.deep.equal(['c1']);
    });

    it('constructs without touching the adapter', () => {
      const { adapter } = setup();
      expect(Object.keys(adapter.calls)).to.deep.equal([]);
      expect(adapter.subscribers).to.equal(0);
    });

    it('resolves with the first error and records each in its slice', async () => {
      const { adapter, store } = setup();
      adapter.fail('listAgents', new HelpDeskError('unauthorized', 'Sign in again'));
      adapter.fail('listConversations');
      const result = await store.start();
      expect(result.ok).to.be.false;
      expect(store.state.people.error?.code).to.equal('unauthorized');
      expect(latest(store.conversationList$).error?.code).to.equal('unavailable');
      expect(store.state.channels.error).to.equal(null);
    });
  });

  describe('Errors', () => {
    it('resolves every command with an error when every call is refused, and never rejects', async () => {
      const { adapter, store } = setup();
      for (const method of METHODS)
        adapter.fail(method, new HelpDeskError('unavailable', `${method} failed`));
      const results = await Promise.all(everyCommand(store));
      for (const result of results) {
        expect(result.ok).to.be.false;
        if (!result.ok) expect(result.error).to.be.instanceOf(HelpDeskError);
      }
      await flush();
      expect(unhandled).to.equal(0);
    });

    it('resolves loading more with the error when the list cannot load', async () => {
      const { adapter, store } = setup();
      adapter.fail('listConversations');
      const result = await store.loadMoreConversations();
      expect(result.ok).to.be.false;
    });

    it('turns anything an adapter throws, even synchronously, into a HelpDeskError', async () => {
      const { adapter, store } = setup();
      adapter.searchInsertables = () => {
        throw new TypeError('boom');
      };
      adapter.getTicket = () => Promise.reject('plain string');
      const search = await store.searchInsertables('snippet', 'x');
      const load = await store.loadTicket('t1');
      expect(search.ok || load.ok).to.be.false;
      if (!search.ok) expect(search.error).to.include({ code: 'unavailable', message: 'boom' });
      if (!load.ok) expect(load.error.message).to.equal('plain string');
      expect(latest(store.ticket$('t1')).error?.message).to.equal('plain string');
    });

    it('passes uploads and insertable searches through', async () => {
      const { store } = setup();
      const upload = await store.uploadAttachment(new File(['abc'], 'a.txt', { type: 'text/plain' }));
      expect(upload.ok && upload.value).to.include({ name: 'a.txt', sizeBytes: 3 });
      const search = await store.searchInsertables('snippet', 'refund');
      expect(search.ok && search.value[0]).to.include({ kind: 'snippet', title: 'refund' });
    });
  });

  describe('State', () => {
    it('keeps the identity of slices an event did not change', async () => {
      const { adapter, store } = setup();
      await store.start();
      const before = store.state;
      adapter.emit({ type: 'connection', state: 'reconnecting' });
      const after = store.state;
      expect(after).to.not.equal(before);
      expect(after.conversations).to.equal(before.conversations);
      expect(after.messages).to.equal(before.messages);
      expect(after.ui.connection).to.equal('reconnecting');
      expect(latest(store.connection$)).to.equal('reconnecting');
    });

    it('emits nothing for a change that changes nothing', () => {
      const { store } = setup();
      let emissions = 0;
      const subscription = store.state$.subscribe(() => (emissions += 1));
      store.selectConversation(null);
      store.setNotificationsEnabled(false);
      subscription.unsubscribe();
      expect(emissions).to.equal(1);
    });

    it('replays the latest value to a late subscriber and emits only on change', () => {
      const { store } = setup();
      const selected = store.select((s) => s.ui.selectedConversationId);
      const seen: (string | null)[] = [];
      const first = selected.subscribe((v) => seen.push(v));
      store.selectConversation('c1');
      store.setNotificationsEnabled(true);
      store.selectConversation('c1');
      let late: string | null | undefined;
      selected.subscribe((v) => (late = v)).unsubscribe();
      first.unsubscribe();
      expect(seen).to.deep.equal([null, 'c1']);
      expect(late).to.equal('c1');
    });

    it('shows a selected conversation through selectedConversation$', async () => {
      const { store } = setup();
      await store.start();
      store.selectConversation('c1');
      expect(latest(store.selectedConversation$)?.id).to.equal('c1');
    });

    it('loads a contact and their past conversations', async () => {
      const { adapter, store } = setup();
      adapter.contacts.set('contact-c1', {
        id: 'contact-c1',
        name: 'Bo',
        ownerId: null,
        tracked: true,
        createdAt: '',
      });
      await store.loadContact('contact-c1');
      await store.loadPastConversations('contact-c1');
      expect(latest(store.contact$('contact-c1')).contact?.name).to.equal('Bo');
      expect(latest(store.pastConversations$('contact-c1')).conversations.map((c) => c.id)).to.deep.equal([
        'c1',
      ]);
    });
  });

  describe('Lifecycle', () => {
    it('subscribes to the adapter events once however often it connects', () => {
      const { adapter, store } = setup();
      store.connect();
      store.connect();
      expect(adapter.subscribers).to.equal(1);
      store.dispose();
    });

    it('unsubscribes from the adapter and completes its streams on dispose', async () => {
      const { adapter, store } = setup();
      await store.start();
      let completed = 0;
      store.state$.subscribe({ complete: () => (completed += 1) });
      store.thread$('c1').subscribe({ complete: () => (completed += 1) });
      store.dispose();
      expect(adapter.subscribers).to.equal(0);
      expect(completed).to.equal(2);
      store.connect();
      expect(adapter.subscribers).to.equal(0);
    });

    it('ignores answers that arrive after dispose, and still resolves', async () => {
      const { adapter, store } = setup();
      const release = adapter.pause('listConversations');
      const loading = store.loadMoreConversations();
      store.dispose();
      release();
      expect((await loading).ok).to.be.true;
      expect(store.state.conversations.ids).to.deep.equal([]);
      await flush();
      expect(unhandled).to.equal(0);
    });

    it('counts live subscriptions, once per shared stream, back to zero when all are gone', () => {
      const { store } = setup();
      expect(store.activeSubscriptions).to.equal(0);
      const a = store.thread$('c1').subscribe();
      const b = store.thread$('c1').subscribe();
      const c = store.state$.subscribe();
      expect(store.activeSubscriptions).to.equal(3);
      const d = store.conversationList$.subscribe();
      const e = store.conversationList$.subscribe();
      expect(store.activeSubscriptions).to.equal(4);
      for (const s of [a, b, c, d, e]) s.unsubscribe();
      expect(store.activeSubscriptions).to.equal(0);
      store.dispose();
    });

    it('goes offline when the event stream fails, and can connect again', () => {
      const { adapter, store } = setup();
      store.connect();
      adapter.pushes.error(new Error('socket closed'));
      expect(latest(store.connection$)).to.equal('offline');
      expect(adapter.subscribers).to.equal(0);
    });
  });
});
