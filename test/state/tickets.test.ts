import { expect } from '@open-wc/testing';

import { HelpDeskError } from '../../src/adapters/errors.js';
import type { ChannelAccount } from '../../src/model/index.js';
import { HelpDeskStore } from '../../src/state/store.js';
import { FakeAdapter, latest, ticket } from './fake-adapter.js';

function setup() {
  const adapter = new FakeAdapter();
  adapter.tickets.set('t1', ticket('t1', { properties: { reason: 'billing' } }));
  const store = new HelpDeskStore(adapter, { storage: null });
  store.connect();
  return { adapter, store };
}

const missingReason = () =>
  new HelpDeskError('invalid', 'Fill in the required properties.', {
    fieldErrors: { resolution: 'Required' },
  });

describe('HelpDeskStore tickets', () => {
  it('loads a ticket into ticket$', async () => {
    const { store } = setup();
    const pending = store.loadTicket('t1');
    expect(latest(store.ticket$('t1')).loading).to.be.true;
    await pending;
    const view = latest(store.ticket$('t1'));
    expect(view).to.include({ loading: false, saving: false, error: null });
    expect(view.ticket?.name).to.equal('Ticket t1');
  });

  it('records a load error', async () => {
    const { store } = setup();
    const result = await store.loadTicket('nope');
    expect(result.ok).to.be.false;
    expect(latest(store.ticket$('nope')).error?.code).to.equal('not-found');
  });

  it('shows an update at once and keeps the backend answer', async () => {
    const { store, adapter } = setup();
    await store.loadTicket('t1');
    const release = adapter.pause('updateTicket');
    const updating = store.updateTicket('t1', { stageId: 'waiting', properties: { size: 2 } });
    const optimistic = latest(store.ticket$('t1'));
    expect(optimistic.saving).to.be.true;
    expect(optimistic.ticket).to.include({ stageId: 'waiting' });
    expect(optimistic.ticket?.properties).to.deep.equal({ reason: 'billing', size: 2 });
    release();
    const result = await updating;
    expect(result.ok).to.be.true;
    const view = latest(store.ticket$('t1'));
    expect(view.saving).to.be.false;
    expect(view.ticket?.stageId).to.equal('waiting');
  });

  it('rolls back a refused update and keeps the field errors', async () => {
    const { store, adapter } = setup();
    await store.loadTicket('t1');
    adapter.fail('updateTicket', missingReason());
    const result = await store.updateTicket('t1', { stageId: 'closed' });
    expect(result.ok).to.be.false;
    const view = latest(store.ticket$('t1'));
    expect(view.ticket?.stageId).to.equal('new');
    expect(view.error?.fieldErrors).to.deep.equal({ resolution: 'Required' });
    expect(view.saving).to.be.false;
  });

  it('rolls back to what an event said while the update was out', async () => {
    const { store, adapter } = setup();
    await store.loadTicket('t1');
    adapter.fail('updateTicket', missingReason());
    const release = adapter.pause('updateTicket');
    const updating = store.updateTicket('t1', { stageId: 'closed' });
    adapter.emit({ type: 'ticket.updated', seq: 1, ticket: ticket('t1', { ownerId: 'agent-2' }) });
    expect(latest(store.ticket$('t1')).ticket).to.include({ stageId: 'closed', ownerId: 'agent-2' });
    release();
    await updating;
    expect(latest(store.ticket$('t1')).ticket).to.include({ stageId: 'new', ownerId: 'agent-2' });
  });

  it('keeps a second update shown when the first is refused', async () => {
    const { store, adapter } = setup();
    await store.loadTicket('t1');
    adapter.fail('updateTicket', missingReason(), true);
    const release = adapter.pause('updateTicket');
    const first = store.updateTicket('t1', { stageId: 'closed' });
    const second = store.updateTicket('t1', { priority: 'high' });
    release();
    await Promise.all([first, second]);
    expect(latest(store.ticket$('t1')).ticket).to.include({ stageId: 'new', priority: 'high' });
  });

  it('ignores a ticket event at or below the last applied seq', () => {
    const { store, adapter } = setup();
    adapter.emit({ type: 'ticket.updated', seq: 2, ticket: ticket('t1', { priority: 'urgent' }) });
    adapter.emit({ type: 'ticket.updated', seq: 1, ticket: ticket('t1', { priority: 'low' }) });
    adapter.emit({ type: 'ticket.updated', seq: 2, ticket: ticket('t1', { priority: 'low' }) });
    expect(latest(store.ticket$('t1')).ticket?.priority).to.equal('urgent');
  });
});

describe('HelpDeskStore channel accounts', () => {
  const account = (id: string, overrides: Partial<ChannelAccount> = {}): ChannelAccount => ({
    id,
    channelId: 'ch-1',
    name: `Account ${id}`,
    status: 'active',
    routing: { ticketProperties: {}, assignment: { mode: 'none' } },
    createdAt: '2024-01-01T00:00:00.000Z',
    credentials: {},
    ...overrides,
  });

  async function withAccounts() {
    const { adapter, store } = setup();
    adapter.accounts = [account('a1'), account('a2'), account('a3')];
    await store.start();
    return { adapter, store };
  }

  const names = (store: HelpDeskStore) => latest(store.accounts$).map((a) => a.id);

  it('connects an account, or keeps the refusal with its field errors', async () => {
    const { adapter, store } = await withAccounts();
    adapter.fail(
      'connectAccount',
      new HelpDeskError('invalid', 'Bad token', { fieldErrors: { token: 'Wrong' } }),
      true,
    );
    const input = {
      channelId: 'ch-1',
      credentials: { token: 'x' },
      routing: { ticketProperties: {}, assignment: { mode: 'none' as const } },
    };
    expect((await store.connectAccount(input)).ok).to.be.false;
    expect(latest(store.channelsStatus$).connectError?.fieldErrors).to.deep.equal({ token: 'Wrong' });
    const result = await store.connectAccount(input);
    expect(result.ok).to.be.true;
    expect(latest(store.channelsStatus$).connectError).to.equal(null);
    expect(names(store)).to.have.length(4);
  });

  it('edits an account at once and rolls back a refusal', async () => {
    const { adapter, store } = await withAccounts();
    const release = adapter.pause('updateAccount');
    adapter.fail('updateAccount', new HelpDeskError('conflict', 'Changed elsewhere'));
    const updating = store.updateAccount('a2', { status: 'disabled' });
    expect(latest(store.accounts$)[1]!.status).to.equal('disabled');
    release();
    expect((await updating).ok).to.be.false;
    expect(latest(store.accounts$)[1]!.status).to.equal('active');
    expect(latest(store.channelsStatus$).accountErrors.a2?.code).to.equal('conflict');
  });

  it('removes an account at once and puts it back in its place if refused', async () => {
    const { adapter, store } = await withAccounts();
    const release = adapter.pause('deleteAccount');
    adapter.fail('deleteAccount');
    const deleting = store.deleteAccount('a2');
    expect(names(store)).to.deep.equal(['a1', 'a3']);
    release();
    expect((await deleting).ok).to.be.false;
    expect(names(store)).to.deep.equal(['a1', 'a2', 'a3']);
  });

  it('applies account events, removing deleted ones', async () => {
    const { adapter, store } = await withAccounts();
    adapter.emit({ type: 'account.updated', seq: 1, account: account('a1', { name: 'Renamed' }) });
    adapter.emit({ type: 'account.updated', seq: 1, account: account('a3'), deleted: true });
    adapter.emit({ type: 'account.updated', seq: 0, account: account('a3') });
    expect(latest(store.accounts$).map((a) => a.name)).to.deep.equal(['Renamed', 'Account a2']);
  });
});
