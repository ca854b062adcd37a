import { expect } from '@open-wc/testing';

import { HelpDeskError } from '../../src/adapters/errors.js';
import type { Message } from '../../src/model/index.js';
import { HelpDeskStore } from '../../src/state/store.js';
import { waitFor } from '../helpers/thread-view-dom.js';
import { conversation, FakeAdapter, latest, message } from './fake-adapter.js';

/** Waits a few grace periods; used only to show that nothing happened. */
const quiet = () => new Promise((resolve) => setTimeout(resolve, 60));

/** A store whose thread c1 holds `count` messages and is loaded; the backend keeps them in `truth`. */
async function setup(count = 3, pageSize = 100, threadSync = { graceMs: 10, retryDelaysMs: [5, 5] }) {
  const adapter = new FakeAdapter();
  adapter.conversations = [conversation('c1'), conversation('c2')];
  const truth: Message[] = Array.from({ length: count }, (_, i) => message(`m${i + 1}`, 'c1', i + 1));
  adapter.messages.set('c1', truth);
  const store = new HelpDeskStore(adapter, {
    storage: null,
    pageSize,
    threadSync,
  });
  await store.start();
  await store.loadMessages('c1');
  /** The backend stores a new message and returns it, without pushing anything. */
  const add = (overrides: Partial<Message> = {}) => {
    const seq = truth.length + 1;
    const m = message(`m${seq}`, 'c1', seq, overrides);
    truth.push(m);
    return m;
  };
  const ids = () => latest(store.thread$('c1')).messages.map((m) => m.id);
  return { adapter, store, truth, add, ids };
}

describe('HelpDeskStore thread repair', () => {
  it('fetches the newest page when an event seq skips, and the lost message appears once, in order', async () => {
    const { adapter, store, add, ids } = await setup();
    const lost = add();
    const next = add();
    adapter.emit({ type: 'message.created', seq: 10, message: message('x', 'c2', 1) });
    adapter.emit({ type: 'conversation.updated', seq: 1, conversation: conversation('c1') });
    // seq 2 (message.created of m4) never arrives; seq 3 does.
    adapter.emit({ type: 'message.created', seq: 3, message: next });
    expect(ids()).to.deep.equal(['m1', 'm2', 'm3', 'm5']);
    await waitFor(() => ids().includes(lost.id), 'the lost message');
    expect(ids()).to.deep.equal(['m1', 'm2', 'm3', 'm4', 'm5']);
    expect(adapter.count('listMessages')).to.equal(2);
    store.dispose();
  });

  it('waits for a re-ordered event instead of fetching', async () => {
    const { adapter, store, add, ids } = await setup();
    const first = add();
    const second = add();
    adapter.emit({ type: 'message.created', seq: 1, message: first });
    adapter.emit({ type: 'message.created', seq: 3, message: second });
    adapter.emit({ type: 'conversation.updated', seq: 2, conversation: conversation('c1') });
    await quiet();
    expect(ids()).to.deep.equal(['m1', 'm2', 'm3', 'm4', 'm5']);
    expect(adapter.count('listMessages')).to.equal(1);
    store.dispose();
  });

  it('fetches when a new message arrives without its predecessor, even with no seq seen before', async () => {
    const { adapter, store, add, ids } = await setup();
    add();
    const second = add();
    adapter.emit({ type: 'message.created', seq: 7, message: second });
    await waitFor(() => ids().length === 5, 'the missing message');
    expect(ids()).to.deep.equal(['m1', 'm2', 'm3', 'm4', 'm5']);
    store.dispose();
  });

  it('fetches older pages until the gap is closed when more than a page was lost', async () => {
    const { adapter, store, add, ids } = await setup(3, 4);
    for (let i = 0; i < 9; i++) add();
    const last = add();
    adapter.emit({ type: 'message.created', seq: 1, message: message('m3', 'c1', 3) });
    adapter.emit({ type: 'message.created', seq: 12, message: last });
    await waitFor(() => ids().length === 13, 'all 13 messages');
    expect(ids()).to.deep.equal(Array.from({ length: 13 }, (_, i) => `m${i + 1}`));
    // The newest page, then older pages until m4 joined m3: not the whole history.
    expect(adapter.count('listMessages')).to.equal(1 + 3);
    expect(latest(store.thread$('c1')).hasOlder, 'the thread keeps its own paging').to.be.false;
    store.dispose();
  });

  it('fetches when the first event seen for a loaded thread is not a new message it can place', async () => {
    const { adapter, store, add, ids } = await setup();
    // m4's message.created (seq 1) is lost; the first event seen is its conversation.updated.
    add();
    adapter.emit({ type: 'conversation.updated', seq: 2, conversation: conversation('c1') });
    await waitFor(() => ids().length === 4, 'the message lost before the first event');
    expect(ids()).to.deep.equal(['m1', 'm2', 'm3', 'm4']);
    await quiet();
    expect(adapter.count('listMessages'), 'one repair').to.equal(2);
    store.dispose();
  });

  it('fills a hole older than the newest page that no event revealed, at the next repair', async () => {
    const { adapter, store, ids } = await setup(3, 100);
    const backend = () => adapter.messages.get('c1')!;
    const add = () => {
      const seq = backend().length + 1;
      const m = message(`m${seq}`, 'c1', seq);
      adapter.messages.set('c1', [...backend(), m]);
      return m;
    };
    // m4 arrives at the backend and its events are lost; the rep's reply (m5) comes back as the
    // answer to the send, so the thread holds m5 with nothing to say m4 is missing.
    add();
    await store.send('c1', { text: 'Reply' });
    for (let seq = 1; seq <= 30; seq++) adapter.emit({ type: 'message.created', seq, message: add() });
    expect(adapter.count('listMessages'), 'no sign yet').to.equal(1);
    expect(ids()).to.not.include('m4');
    // Later an event is lost (seq 31): the repair's newest page (m13 to m37) joins m12, and the
    // hole at m4 below it is found and filled too.
    add();
    adapter.emit({ type: 'message.created', seq: 32, message: add() });
    await waitFor(() => ids().length === 37, 'every message');
    expect(ids().slice(0, 5)).to.deep.equal(['m1', 'm2', 'm3', 'm4', 'm-1']);
    expect(adapter.count('listMessages')).to.equal(1 + 2);
    // The next repair looks for holes only above what this one found whole: one small page.
    add();
    adapter.emit({ type: 'message.created', seq: 34, message: add() });
    await waitFor(() => ids().length === 39, 'the next lost message');
    await quiet();
    expect(adapter.count('listMessages')).to.equal(1 + 2 + 1);
    store.dispose();
  });

  it('refetches every loaded thread after a reconnect, and only loaded ones', async () => {
    const { adapter, store, add, ids } = await setup();
    adapter.emit({ type: 'connection', state: 'reconnecting' });
    add();
    add();
    adapter.emit({ type: 'connection', state: 'online' });
    await waitFor(() => ids().length === 5, 'what was pushed during the outage');
    await quiet();
    expect(adapter.count('listMessages')).to.equal(2);
    expect(store.state.messages.threads['c2']).to.equal(undefined);
    store.dispose();
  });

  it('replaces what a lost update left stale, but keeps an event newer than the request', async () => {
    const { adapter, store, truth, ids } = await setup();
    adapter.emit({ type: 'message.updated', seq: 1, message: { ...truth[0]!, status: 'delivered' } });
    // seq 2 (m1 read) is lost; the backend has it read.
    truth[0] = { ...truth[0]!, status: 'read' };
    truth[1] = { ...truth[1]!, text: 'server copy' };
    const release = adapter.pause('listMessages');
    // seq 3 edits m3 on the backend and arrives: the page asked for after it holds the edit too.
    truth[2] = { ...truth[2]!, text: 'edited' };
    adapter.emit({ type: 'message.updated', seq: 3, message: truth[2] });
    await waitFor(() => adapter.count('listMessages') === 2, 'the repair request');
    // While the page is on its way, an event newer than the request edits m2.
    adapter.emit({ type: 'message.updated', seq: 4, message: { ...truth[1]!, text: 'newest' } });
    release();
    await waitFor(() => latest(store.thread$('c1')).messages[0]!.status === 'read', 'm1 read');
    const texts = latest(store.thread$('c1')).messages.map((m) => m.text);
    expect(texts).to.deep.equal(['Message m1', 'newest', 'edited']);
    expect(ids()).to.deep.equal(['m1', 'm2', 'm3']);
    // A late copy of an event the page already covered does not turn m1 back.
    adapter.emit({ type: 'message.updated', seq: 2, message: { ...truth[0]!, status: 'delivered' } });
    expect(latest(store.thread$('c1')).messages[0]!.status).to.equal('read');
    store.dispose();
  });

  it('retries a repair that failed with a retryable error, and gives up on others', async () => {
    const { adapter, store, add, ids } = await setup();
    adapter.fail('listMessages', new HelpDeskError('unavailable', 'Down'), true);
    add();
    adapter.emit({ type: 'message.created', seq: 2, message: add() });
    await waitFor(() => ids().length === 5, 'the repaired thread');
    expect(adapter.count('listMessages')).to.equal(3);

    adapter.fail('listMessages', new HelpDeskError('unauthorized', 'Signed out'));
    add();
    adapter.emit({ type: 'message.created', seq: 4, message: add() });
    await quiet();
    expect(adapter.count('listMessages')).to.equal(4);
    expect(latest(store.thread$('c1')).error, 'a background repair shows no error').to.equal(null);
    store.dispose();
  });

  it("asks first for a small page of the newest messages, then older pages at the store's size", async () => {
    const { adapter, store, add, ids } = await setup(40, 100);
    const limits: number[] = [];
    const list = adapter.listMessages.bind(adapter);
    adapter.listMessages = (id, query) => {
      limits.push(query.limit);
      return list(id, query);
    };
    for (let i = 0; i < 30; i++) add();
    adapter.emit({ type: 'message.created', seq: 1, message: message('m40', 'c1', 40) });
    adapter.emit({ type: 'message.created', seq: 31, message: add() });
    await waitFor(() => ids().length === 71, 'all 71 messages');
    expect(ids()).to.deep.equal(Array.from({ length: 71 }, (_, i) => `m${i + 1}`));
    expect(limits).to.deep.equal([25, 100]);
    store.dispose();
  });

  it('holds no timer, repair or tracked conversation after dispose, even while a repair waits to retry', async () => {
    const { adapter, store, add } = await setup(3, 100, { graceMs: 10, retryDelaysMs: [60_000] });
    expect(store.syncBacklog).to.deep.equal({ tracked: 0, timers: 0, repairs: 0 });
    adapter.fail('listMessages', new HelpDeskError('unavailable', 'Down'));
    add();
    adapter.emit({ type: 'message.created', seq: 2, message: add() });
    await waitFor(() => adapter.count('listMessages') === 2, 'the failed repair');
    await waitFor(() => store.syncBacklog.timers === 1, 'the wait before the next attempt');
    expect(store.syncBacklog).to.deep.equal({ tracked: 1, timers: 1, repairs: 1 });
    store.dispose();
    await waitFor(() => store.syncBacklog.repairs === 0, 'the repair to end');
    expect(store.syncBacklog).to.deep.equal({ tracked: 0, timers: 0, repairs: 0 });
    expect(adapter.count('listMessages')).to.equal(2);
  });

  it('does nothing after dispose', async () => {
    const { adapter, store, add } = await setup();
    add();
    adapter.emit({ type: 'message.created', seq: 2, message: add() });
    store.dispose();
    await quiet();
    expect(adapter.count('listMessages')).to.equal(1);
  });
});
