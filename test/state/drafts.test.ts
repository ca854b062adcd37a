import { expect } from '@open-wc/testing';

import { HelpDeskError } from '../../src/adapters/errors.js';
import { HelpDeskStore } from '../../src/state/store.js';
import { conversation, FakeAdapter, latest, MemoryStorage } from './fake-adapter.js';

function makeStore(storage: Storage | null, adapter = new FakeAdapter()) {
  adapter.conversations = [conversation('c1', { channel: 'email' })];
  return { adapter, store: new HelpDeskStore(adapter, { storage, storageKey: 'desk' }) };
}

describe('HelpDeskStore drafts', () => {
  it('writes a draft under its key and restores it in a new store over the same storage', () => {
    const storage = new MemoryStorage();
    const { store } = makeStore(storage);
    store.updateDraft('c1', { text: 'Half a reply' });
    const saved = JSON.parse(storage.getItem('desk:draft:c1')!);
    expect(saved).to.include({ text: 'Half a reply', channel: 'custom' });
    expect(saved.attachments).to.deep.equal([]);

    const { store: reloaded } = makeStore(storage);
    expect(latest(reloaded.draft$('c1'))).to.deep.equal(saved);
  });

  it('starts a draft on the conversation channel once the conversation is known', async () => {
    const { store } = makeStore(new MemoryStorage());
    await store.start();
    store.updateDraft('c1', { text: 'x' });
    expect(latest(store.draft$('c1'))?.channel).to.equal('email');
  });

  it('keeps the reply target in the draft, so it survives a reload', () => {
    const storage = new MemoryStorage();
    const { store } = makeStore(storage);
    store.setReplyTarget('c1', 'm7');
    expect(latest(store.replyTarget$('c1'))).to.equal('m7');
    expect(latest(store.draft$('c1'))?.replyToId).to.equal('m7');
    const { store: reloaded } = makeStore(storage);
    expect(latest(reloaded.replyTarget$('c1'))).to.equal('m7');
    reloaded.setReplyTarget('c1', null);
    expect(latest(reloaded.replyTarget$('c1'))).to.equal(null);
    expect(JSON.parse(storage.getItem('desk:draft:c1')!)).to.not.have.property('replyToId');
  });

  it('removes a cleared draft from storage', () => {
    const storage = new MemoryStorage();
    const { store } = makeStore(storage);
    store.updateDraft('c1', { text: 'x' });
    store.clearDraft('c1');
    expect(storage.getItem('desk:draft:c1')).to.equal(null);
    expect(latest(store.draft$('c1'))).to.equal(null);
  });

  it('ignores corrupt or foreign data in storage', () => {
    const storage = new MemoryStorage();
    storage.setItem('desk:draft:c1', '{not json');
    storage.setItem('desk:draft:c2', JSON.stringify({ text: 5 }));
    storage.setItem('desk:outbox', '[1,2');
    storage.setItem('desk:notifications', '"yes"');
    storage.setItem(
      'desk:draft:c3',
      JSON.stringify({ text: 'ok', attachments: [], channel: 'chat', updatedAt: 'x' }),
    );
    const { store } = makeStore(storage);
    expect(latest(store.draft$('c1'))).to.equal(null);
    expect(latest(store.draft$('c2'))).to.equal(null);
    expect(latest(store.draft$('c3'))?.text).to.equal('ok');
    expect(latest(store.notificationsEnabled$)).to.be.false;
  });

  it('never throws when storage does', () => {
    const broken = new MemoryStorage();
    const fail = () => {
      throw new DOMException('blocked', 'SecurityError');
    };
    broken.getItem = fail;
    broken.setItem = fail;
    broken.key = fail;
    const { store } = makeStore(broken);
    store.updateDraft('c1', { text: 'still here' });
    store.setNotificationsEnabled(true);
    expect(latest(store.draft$('c1'))?.text).to.equal('still here');
  });

  it('works without storage', () => {
    const { store } = makeStore(null);
    store.updateDraft('c1', { text: 'memory only' });
    expect(latest(store.draft$('c1'))?.text).to.equal('memory only');
  });

  it('persists the notifications preference', () => {
    const storage = new MemoryStorage();
    const { store } = makeStore(storage);
    expect(latest(store.notificationsEnabled$)).to.be.false;
    store.setNotificationsEnabled(true);
    expect(latest(makeStore(storage).store.notificationsEnabled$)).to.be.true;
  });

  it('keeps an unsent message through a reload, as failed, and retries it with its clientId', async () => {
    const storage = new MemoryStorage();
    const { store, adapter } = makeStore(storage);
    adapter.fail('sendMessage', new HelpDeskError('unavailable', 'Offline'));
    await store.send('c1', { text: 'Do not lose me' });
    const { clientId } = adapter.sent[0]!.draft;
    store.dispose();

    const second = makeStore(storage);
    const restored = latest(second.store.thread$('c1')).messages;
    expect(restored).to.have.length(1);
    expect(restored[0]).to.include({ clientId, status: 'failed', text: 'Do not lose me' });
    const result = await second.store.retry('c1', clientId);
    expect(result.ok).to.be.true;
    expect(second.adapter.sent[0]!.draft.clientId).to.equal(clientId);
    expect(storage.getItem('desk:outbox')).to.equal(null);
  });

  it('restores a send that was still pending at reload as failed', () => {
    const storage = new MemoryStorage();
    const { store, adapter } = makeStore(storage);
    adapter.pause('sendMessage');
    void store.send('c1', { text: 'In flight' });
    const { store: reloaded } = makeStore(storage);
    const [restored] = latest(reloaded.thread$('c1')).messages;
    expect(restored).to.include({ status: 'failed', text: 'In flight' });
    expect(restored!.error).to.be.a('string');
  });

  describe('with the real localStorage', () => {
    const prefix = `helpdesk-elements-test-${Math.random().toString(36).slice(2)}`;
    afterEach(() => {
      for (const key of Object.keys(localStorage)) if (key.startsWith(prefix)) localStorage.removeItem(key);
    });

    it('uses localStorage by default and survives a new store', () => {
      const adapter = new FakeAdapter();
      const store = new HelpDeskStore(adapter, { storageKey: prefix });
      store.updateDraft('c9', { text: 'persisted' });
      expect(localStorage.getItem(`${prefix}:draft:c9`)).to.contain('persisted');
      const again = new HelpDeskStore(adapter, { storageKey: prefix });
      expect(latest(again.draft$('c9'))?.text).to.equal('persisted');
    });
  });
});
