import { expect } from '@open-wc/testing';

import { HelpDeskError } from '../../src/adapters/errors.js';
import { HelpDeskStore } from '../../src/state/store.js';
import { conversation, FakeAdapter, latest, message } from './fake-adapter.js';

async function setup(messageCount = 0, pageSize = 100) {
  const adapter = new FakeAdapter();
  adapter.conversations = [conversation('c1', { channel: 'chat' }), conversation('c2')];
  adapter.messages.set(
    'c1',
    Array.from({ length: messageCount }, (_, i) => message(`m${i + 1}`, 'c1', i + 1)),
  );
  const store = new HelpDeskStore(adapter, { storage: null, pageSize });
  await store.start();
  return { adapter, store };
}

const ids = (store: HelpDeskStore, conversationId = 'c1') =>
  latest(store.thread$(conversationId)).messages.map((m) => m.id);

describe('HelpDeskStore messages', () => {
  describe('Loading', () => {
    it('loads the newest page once, then older pages in seq order', async () => {
      const { store, adapter } = await setup(5, 2);
      await store.loadMessages('c1');
      expect(ids(store)).to.deep.equal(['m4', 'm5']);
      expect(latest(store.thread$('c1')).hasOlder).to.be.true;
      await store.loadMessages('c1');
      expect(adapter.count('listMessages')).to.equal(1);
      await store.loadOlderMessages('c1');
      await store.loadOlderMessages('c1');
      expect(ids(store)).to.deep.equal(['m1', 'm2', 'm3', 'm4', 'm5']);
      expect(latest(store.thread$('c1')).hasOlder).to.be.false;
      await store.loadOlderMessages('c1');
      expect(adapter.count('listMessages')).to.equal(3);
    });

    it('merges a page with messages already known from events, once each', async () => {
      const { store, adapter } = await setup(3);
      adapter.emit({ type: 'message.created', seq: 3, message: message('m3', 'c1', 3) });
      adapter.emit({ type: 'message.created', seq: 4, message: message('m4', 'c1', 4) });
      await store.loadMessages('c1');
      expect(ids(store)).to.deep.equal(['m1', 'm2', 'm3', 'm4']);
    });

    it('keeps what an event said over an older page', async () => {
      const { store, adapter } = await setup(1);
      adapter.emit({ type: 'message.updated', seq: 2, message: message('m1', 'c1', 1, { status: 'read' }) });
      await store.loadMessages('c1');
      expect(latest(store.thread$('c1')).messages[0]!.status).to.equal('read');
    });

    it('records a thread error and resolves with it', async () => {
      const { store, adapter } = await setup(1);
      adapter.fail('listMessages', new HelpDeskError('not-found', 'Gone'));
      const result = await store.loadMessages('c1');
      expect(result.ok).to.be.false;
      const thread = latest(store.thread$('c1'));
      expect(thread.error?.code).to.equal('not-found');
      expect(thread.loading).to.be.false;
    });

    it('orders messages by seq whatever order their events arrive in, and ignores stale ones', async () => {
      const { store, adapter } = await setup();
      adapter.emit({ type: 'message.created', seq: 3, message: message('b', 'c1', 3) });
      adapter.emit({ type: 'message.created', seq: 1, message: message('a', 'c1', 1) });
      adapter.emit({ type: 'message.updated', seq: 5, message: message('a', 'c1', 1, { text: 'edited' }) });
      adapter.emit({
        type: 'message.updated',
        seq: 4,
        message: message('a', 'c1', 1, { text: 'older edit' }),
      });
      adapter.emit({ type: 'message.created', seq: 3, message: message('b', 'c1', 3) });
      const thread = latest(store.thread$('c1'));
      expect(thread.messages.map((m) => m.id)).to.deep.equal(['a', 'b']);
      expect(thread.messages[0]!.text).to.equal('edited');
    });
  });

  describe('Sending', () => {
    it('shows the message at once as pending from the current agent and clears the draft and reply target', async () => {
      const { store, adapter } = await setup(1);
      await store.loadMessages('c1');
      store.updateDraft('c1', { text: 'Hi there' });
      store.setReplyTarget('c1', 'm1');
      const release = adapter.pause('sendMessage');
      const sending = store.send('c1', { text: 'Hi there', replyToId: 'm1' });
      const local = latest(store.thread$('c1')).messages.at(-1)!;
      expect(local.status).to.equal('pending');
      expect(local.id).to.equal(`local:${local.clientId}`);
      expect(local.direction).to.equal('outgoing');
      expect(local.sender).to.deep.equal({ kind: 'agent', id: 'agent-1', name: 'Ana' });
      expect(local.channel).to.equal('chat');
      expect(latest(store.draft$('c1'))).to.equal(null);
      expect(latest(store.replyTarget$('c1'))).to.equal(null);
      expect(latest(store.conversation$('c1'))?.lastMessage).to.include({
        preview: 'Hi there',
        direction: 'outgoing',
      });
      release();
      await sending;
    });

    it('keeps pending sends after confirmed messages, even ones that arrive later', async () => {
      const { store, adapter } = await setup();
      const release = adapter.pause('sendMessage');
      const sending = store.send('c1', { text: 'Mine' });
      adapter.emit({ type: 'message.created', seq: 1, message: message('in', 'c1', 1) });
      expect(latest(store.thread$('c1')).messages.map((m) => m.text)).to.deep.equal(['Message in', 'Mine']);
      release();
      await sending;
    });

    it('replaces the local message with the answer, then ignores the event for it (answer first)', async () => {
      const { store, adapter } = await setup(1);
      await store.loadMessages('c1');
      const result = await store.send('c1', { text: 'Hello' });
      if (!result.ok) throw result.error;
      expect(result.value.clientId).to.equal(adapter.sent[0]!.draft.clientId);
      expect(ids(store)).to.deep.equal(['m1', result.value.id]);
      adapter.emit({ type: 'message.created', seq: 9, message: result.value });
      expect(ids(store)).to.deep.equal(['m1', result.value.id]);
      adapter.emit({ type: 'message.updated', seq: 10, message: { ...result.value, status: 'delivered' } });
      expect(latest(store.thread$('c1')).messages.at(-1)!.status).to.equal('delivered');
    });

    it('replaces the local message with the event, then keeps it when the answer comes (event first)', async () => {
      const { store, adapter } = await setup(1);
      await store.loadMessages('c1');
      const release = adapter.pause('sendMessage');
      const sending = store.send('c1', { text: 'Hello' });
      const { clientId } = adapter.sent[0]!.draft;
      const server = message('srv', 'c1', 2, {
        clientId,
        direction: 'outgoing',
        text: 'Hello',
        status: 'sent',
      });
      adapter.remember(server);
      adapter.emit({ type: 'message.created', seq: 2, message: server });
      adapter.emit({ type: 'message.updated', seq: 3, message: { ...server, status: 'delivered' } });
      expect(ids(store)).to.deep.equal(['m1', 'srv']);
      release();
      const result = await sending;
      expect(result.ok).to.be.true;
      const thread = latest(store.thread$('c1'));
      expect(thread.messages.map((m) => m.clientId).filter((id) => id === clientId)).to.have.length(1);
      expect(thread.messages.at(-1)!.status).to.equal('delivered');
    });

    it('keeps a failed send visible with its error, and retries it with the same clientId', async () => {
      const { store, adapter } = await setup();
      adapter.fail('sendMessage', new HelpDeskError('unavailable', 'No network'), true);
      const failed = await store.send('c1', { text: 'Hello' });
      expect(failed.ok).to.be.false;
      const local = latest(store.thread$('c1')).messages[0]!;
      expect(local).to.include({ status: 'failed', error: 'No network', text: 'Hello' });

      const release = adapter.pause('sendMessage');
      const retrying = store.retry('c1', local.clientId);
      expect(latest(store.thread$('c1')).messages[0]!.status).to.equal('pending');
      expect(latest(store.thread$('c1')).messages[0]!.error).to.equal(undefined);
      release();
      const result = await retrying;
      if (!result.ok) throw result.error;
      expect(adapter.sent.map((s) => s.draft.clientId)).to.deep.equal([local.clientId, local.clientId]);
      expect(ids(store)).to.deep.equal([result.value.id]);
    });

    it('refuses to retry what is not a failed send', async () => {
      const { store } = await setup();
      const result = await store.retry('c1', 'nope');
      expect(result.ok).to.be.false;
      if (!result.ok) expect(result.error.code).to.equal('not-found');
    });

    it('does not mark failed a send whose message already arrived by event', async () => {
      const { store, adapter } = await setup();
      adapter.fail('sendMessage', new HelpDeskError('unavailable', 'Timed out'));
      const release = adapter.pause('sendMessage');
      const sending = store.send('c1', { text: 'Hello' });
      const { clientId } = adapter.sent[0]!.draft;
      adapter.emit({ type: 'message.created', seq: 1, message: message('srv', 'c1', 1, { clientId }) });
      release();
      expect((await sending).ok).to.be.false;
      expect(latest(store.thread$('c1')).messages.map((m) => m.id)).to.deep.equal(['srv']);
    });

    it('sends text, rich text, attachments, reply target and channel to the adapter', async () => {
      const { store, adapter } = await setup();
      const attachment = {
        id: 'a1',
        kind: 'file' as const,
        name: 'a.pdf',
        mimeType: 'application/pdf',
        sizeBytes: 1,
      };
      await store.send('c1', {
        text: 'T',
        richText: '<b>T</b>',
        attachments: [attachment],
        replyToId: 'm0',
        channel: 'email',
      });
      expect(adapter.sent[0]!.draft).to.deep.include({
        text: 'T',
        richText: '<b>T</b>',
        attachments: [attachment],
        replyToId: 'm0',
        channel: 'email',
      });
    });
  });
});
