import { expect } from '@open-wc/testing';
import { filter, firstValueFrom, lastValueFrom, toArray } from 'rxjs';

import type { HelpDeskEvent } from '../../src/adapters/adapter.js';
import { HelpDeskError } from '../../src/adapters/errors.js';
import { MemoryAdapter } from '../../src/adapters/memory/index.js';
import { createFixture, type Fixture } from '../../src/fixtures/index.js';
import type { Conversation, Message } from '../../src/model/index.js';

async function rejection(promise: Promise<unknown>): Promise<HelpDeskError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(HelpDeskError);
    return error as HelpDeskError;
  }
  throw new Error('Expected a rejection');
}

const next = <T extends HelpDeskEvent['type']>(
  adapter: MemoryAdapter,
  type: T,
  where: (e: Extract<HelpDeskEvent, { type: T }>) => boolean = () => true,
) =>
  firstValueFrom(
    adapter.events$.pipe(
      filter(
        (e): e is Extract<HelpDeskEvent, { type: T }> =>
          e.type === type && where(e as Extract<HelpDeskEvent, { type: T }>),
      ),
    ),
  );

describe('MemoryAdapter', () => {
  let fixture: Fixture;
  let adapter: MemoryAdapter;
  const conversationOn = (accountId: string | null, status = 'open'): Conversation =>
    fixture.conversations.find((c) => c.channelAccountId === accountId && c.status === status)!;

  beforeEach(() => {
    fixture = createFixture({ seed: 5, conversations: 120 });
    adapter = new MemoryAdapter({ fixture });
  });
  afterEach(() => adapter.dispose());

  describe('Channels and accounts', () => {
    it('lists channels and accounts as copies', async () => {
      const channels = await adapter.listChannels();
      expect(channels.map((c) => c.id)).to.deep.equal(fixture.channels.map((c) => c.id));
      channels[0]!.name = 'Changed';
      expect((await adapter.listChannels())[0]!.name).to.equal(fixture.channels[0]!.name);
      expect(await adapter.listAccounts()).to.have.length(fixture.accounts.length);
    });

    const valid = {
      workspace: 'acme',
      botToken: 'lc_abcdefghijklmnop1234',
      apiKey: 'k-123',
      webhookUrl: 'https://acme.example/hook',
      region: 'eu',
      readReceipts: true,
    };
    const routing = { ticketProperties: {}, assignment: { mode: 'none' as const } };

    it('connects an account, leaving secrets out, and emits account.updated', async () => {
      const event = next(adapter, 'account.updated');
      const account = await adapter.connectAccount({
        channelId: 'lumen-chat',
        name: 'Lumen EU',
        credentials: valid,
        routing,
      });
      expect(account.status).to.equal('active');
      expect(account.credentials).to.deep.equal({
        workspace: 'acme',
        webhookUrl: 'https://acme.example/hook',
        region: 'eu',
        readReceipts: true,
      });
      expect((await event).account.id).to.equal(account.id);
    });

    it('names each bad field: missing, pattern, url, e-mail', async () => {
      const error = await rejection(
        adapter.connectAccount({
          channelId: 'lumen-chat',
          credentials: { ...valid, workspace: '', botToken: 'nope', webhookUrl: 'acme', alertsEmail: 'x@' },
          routing,
        }),
      );
      expect(error.code).to.equal('invalid');
      expect(Object.keys(error.fieldErrors).sort()).to.deep.equal([
        'alertsEmail',
        'botToken',
        'webhookUrl',
        'workspace',
      ]);
      expect(error.fieldErrors['workspace']).to.equal('Required');
    });

    it('is unauthorized when the channel refuses the API key', async () => {
      const error = await rejection(
        adapter.connectAccount({
          channelId: 'lumen-chat',
          credentials: { ...valid, apiKey: 'invalid' },
          routing,
        }),
      );
      expect(error.code).to.equal('unauthorized');
      expect(error.message).to.match(/API key/);
    });

    it('refuses unknown, uninstalled and unauthorized channels', async () => {
      expect(
        (await rejection(adapter.connectAccount({ channelId: 'nope', credentials: {}, routing }))).code,
      ).to.equal('not-found');
      expect(
        (
          await rejection(
            adapter.connectAccount({ channelId: 'beacon-notify', credentials: { appId: 'a' }, routing }),
          )
        ).code,
      ).to.equal('conflict');
      expect(
        (
          await rejection(
            adapter.connectAccount({
              channelId: 'kiosk-messenger',
              credentials: { storeCode: 'a' },
              routing,
            }),
          )
        ).code,
      ).to.equal('conflict');
    });

    it('updates and deletes accounts, emitting deleted: true', async () => {
      const updated = await adapter.updateAccount('acc-lumen', { name: 'Website', status: 'disabled' });
      expect([updated.name, updated.status]).to.deep.equal(['Website', 'disabled']);
      const event = next(adapter, 'account.updated', (e) => e.deleted === true);
      await adapter.deleteAccount('acc-lumen');
      expect((await event).account.id).to.equal('acc-lumen');
      expect((await adapter.listAccounts()).map((a) => a.id)).not.to.include('acc-lumen');
      expect((await rejection(adapter.updateAccount('acc-lumen', { name: 'x' }))).code).to.equal('not-found');
      expect((await rejection(adapter.deleteAccount('nope'))).code).to.equal('not-found');
    });
  });

  describe('listConversations', () => {
    it('lists newest activity first with a total', async () => {
      const page = await adapter.listConversations({ limit: 50 });
      expect(page.total).to.equal(120);
      const times = page.items.map((c) => c.lastMessage!.at);
      expect([...times].sort().reverse()).to.deep.equal(times);
    });

    it('pages through a filter returning each conversation exactly once', async () => {
      const bigFixture = createFixture({ seed: 2, conversations: 5000 });
      const big = new MemoryAdapter({ fixture: bigFixture });
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Awaited<ReturnType<typeof big.listConversations>> = await big.listConversations({
          filters: { status: 'open' },
          cursor,
          limit: 333,
        });
        seen.push(...page.items.map((c) => c.id));
        for (const c of page.items) expect(c.status).to.equal('open');
        cursor = page.nextCursor;
      } while (cursor);
      big.dispose();
      expect(new Set(seen).size).to.equal(seen.length);
      expect(seen.length).to.equal(bigFixture.conversations.filter((c) => c.status === 'open').length);
    });

    it('keeps filtered lists right, page by page, while conversations change between pages', async () => {
      // The adapter keeps each query's list up to date change by change (no re-filtering), so
      // check it against a filter of everything after messages arrive, are read and change owner.
      const all = async (
        filters: Parameters<typeof adapter.listConversations>[0]['filters'],
      ): Promise<Conversation[]> => {
        const items: Conversation[] = [];
        let cursor: string | null = null;
        do {
          const page: Awaited<ReturnType<typeof adapter.listConversations>> = await adapter.listConversations(
            { filters, cursor, limit: 7 },
          );
          items.push(...page.items);
          cursor = page.nextCursor;
        } while (cursor);
        return items;
      };
      const unread = { unreadOnly: true, status: 'all' as const };
      const lumen = { channelAccountId: 'acc-lumen', status: 'all' as const };
      await all(unread);
      await all(lumen);
      const onLumen = fixture.conversations.filter((c) => c.channelAccountId === 'acc-lumen');
      for (const c of onLumen.slice(-3))
        await adapter.receive({ channelAccountId: 'acc-lumen', conversationId: c.id, text: 'Again' });
      await adapter.markRead(fixture.conversations.find((c) => c.unreadCount > 0)!.id);
      await adapter.receive({
        channelAccountId: 'acc-lumen',
        threadId: 'thr-brand-new',
        from: { name: 'New One', address: 'new@example.com' },
        text: 'Hi',
      });
      const everything = await all({ status: 'all' });
      const at = (c: Conversation) => c.lastMessage?.at ?? c.createdAt;
      for (let i = 1; i < everything.length; i++)
        expect(at(everything[i - 1]!) >= at(everything[i]!)).to.be.true;
      expect((await all(unread)).map((c) => c.id)).to.deep.equal(
        everything.filter((c) => c.unreadCount > 0).map((c) => c.id),
      );
      expect((await all(lumen)).map((c) => c.id)).to.deep.equal(
        everything.filter((c) => c.channelAccountId === 'acc-lumen').map((c) => c.id),
      );
    });

    it('filters by account, assignee (me, unassigned, id), unread and status', async () => {
      const mine = await adapter.listConversations({
        filters: { assignee: 'me', status: 'all' },
        limit: 500,
      });
      expect(mine.items.every((c) => c.assigneeId === fixture.currentAgentId)).to.be.true;
      const unassigned = await adapter.listConversations({ filters: { assignee: 'unassigned' }, limit: 500 });
      expect(unassigned.items.length).to.be.greaterThan(0);
      expect(unassigned.items.every((c) => c.assigneeId === null)).to.be.true;
      const unread = await adapter.listConversations({
        filters: { unreadOnly: true, channelAccountId: 'acc-lumen' },
        limit: 500,
      });
      expect(unread.items.every((c) => c.unreadCount > 0 && c.channelAccountId === 'acc-lumen')).to.be.true;
      const closed = await adapter.listConversations({ filters: { status: 'closed' }, limit: 500 });
      expect(closed.total).to.equal(fixture.conversations.filter((c) => c.status === 'closed').length);
    });

    it('searches names, ticket names and message texts, case-insensitively', async () => {
      const someone = fixture.conversations.find((c) => c.contactName)!;
      const byName = await adapter.listConversations({ text: someone.contactName.toUpperCase(), limit: 500 });
      expect(byName.items.map((c) => c.id)).to.include(someone.id);
      const target = fixture.conversations[7]!;
      await adapter.listMessages(target.id, { limit: 50 });
      await adapter.sendMessage(target.id, {
        clientId: 'c-zebra',
        text: 'Your Zebra-Stripe order shipped',
        channel: 'email',
      });
      await adapter.sendMessage(target.id, { clientId: 'c-later', text: 'Anything else?', channel: 'email' });
      const byText = await adapter.listConversations({ text: 'zebra-stripe', limit: 500 });
      expect(byText.items.map((c) => c.id)).to.deep.equal([target.id]);
    });

    it('applies a view under explicit filters, and refuses unknown views', async () => {
      const page = await adapter.listConversations({ viewId: 'view-mine', limit: 500 });
      expect(page.items.every((c) => c.assigneeId === fixture.currentAgentId && c.status === 'open')).to.be
        .true;
      const overridden = await adapter.listConversations({
        viewId: 'view-mine',
        filters: { status: 'closed' },
        limit: 500,
      });
      expect(overridden.items.every((c) => c.status === 'closed')).to.be.true;
      expect((await rejection(adapter.listConversations({ viewId: 'nope', limit: 5 }))).code).to.equal(
        'not-found',
      );
    });
  });

  describe('listMessages', () => {
    it('pages from newest backwards, each page oldest first', async () => {
      const long = new MemoryAdapter({
        fixture: createFixture({ conversations: 3, firstConversationMessages: 25 }),
      });
      const first = await long.listMessages('conv-1', { limit: 10 });
      expect(first.items.map((m) => m.seq)).to.deep.equal([16, 17, 18, 19, 20, 21, 22, 23, 24, 25]);
      const second = await long.listMessages('conv-1', { before: first.nextCursor, limit: 10 });
      expect(second.items.map((m) => m.seq)).to.deep.equal([6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
      const last = await long.listMessages('conv-1', { before: second.nextCursor, limit: 10 });
      expect(last.items.map((m) => m.seq)).to.deep.equal([1, 2, 3, 4, 5]);
      expect(last.nextCursor).to.equal(null);
      long.dispose();
    });

    it('refuses an unknown conversation', async () => {
      expect((await rejection(adapter.listMessages('nope', { limit: 5 }))).code).to.equal('not-found');
    });
  });

  describe('sendMessage', () => {
    it('is idempotent by clientId', async () => {
      const target = conversationOn('acc-lumen');
      const events: HelpDeskEvent[] = [];
      const sub = adapter.events$.subscribe((e) => events.push(e));
      const draft = { clientId: 'client-1', text: 'Hello there', channel: 'custom' as const };
      const a = await adapter.sendMessage(target.id, draft);
      const b = await adapter.sendMessage(target.id, draft);
      sub.unsubscribe();
      expect(b.id).to.equal(a.id);
      expect(a.status).to.equal('sent');
      expect(events.filter((e) => e.type === 'message.created')).to.have.length(1);
      const page = await adapter.listMessages(target.id, { limit: 100 });
      expect(page.items.filter((m) => m.clientId === 'client-1')).to.have.length(1);
    });

    it('updates the conversation and then reports delivered and read', async () => {
      const target = conversationOn('acc-lumen');
      const updated = next(adapter, 'conversation.updated', (e) => e.conversation.id === target.id);
      const delivered = next(adapter, 'message.updated', (e) => e.message.status === 'delivered');
      const read = next(adapter, 'message.updated', (e) => e.message.status === 'read');
      const sent = await adapter.sendMessage(target.id, {
        clientId: 'client-2',
        text: 'On its way',
        channel: 'custom',
      });
      expect((await updated).conversation.lastMessage).to.deep.include({
        preview: 'On its way',
        direction: 'outgoing',
      });
      expect((await delivered).message.id).to.equal(sent.id);
      const readEvent = await read;
      expect(readEvent.message.id).to.equal(sent.id);
      expect(readEvent.seq).to.be.greaterThan((await delivered).seq);
      expect((await adapter.listConversations({ limit: 1 })).items[0]!.id).to.equal(target.id);
    });

    it('refuses a disabled account, an incoming-only channel and overlong text', async () => {
      const disabled = await rejection(
        adapter.sendMessage(conversationOn('acc-parrot-old').id, {
          clientId: 'c3',
          text: 'Hi',
          channel: 'custom',
        }),
      );
      expect(disabled.code).to.equal('conflict');
      expect(disabled.message).to.match(/turned off/);
      const pulse = await rejection(
        adapter.sendMessage(conversationOn('acc-pulse').id, {
          clientId: 'c4',
          text: 'Hi',
          channel: 'custom',
        }),
      );
      expect(pulse.code).to.equal('invalid');
      const long = await rejection(
        adapter.sendMessage(conversationOn('acc-parrot').id, {
          clientId: 'c5',
          text: 'x'.repeat(1601),
          channel: 'custom',
        }),
      );
      expect(long.fieldErrors).to.have.property('text');
      expect(
        (await rejection(adapter.sendMessage('nope', { clientId: 'c6', text: 'Hi', channel: 'custom' })))
          .code,
      ).to.equal('not-found');
    });
  });

  describe('receive', () => {
    it('joins an integration thread by threadId, else starts a conversation with a routed ticket', async () => {
      const existing = conversationOn('acc-lumen');
      const joined = await adapter.receive({
        channelAccountId: 'acc-lumen',
        threadId: existing.externalThreadId!,
        text: 'Me again',
      });
      expect(joined.conversationId).to.equal(existing.id);
      const ticketEvent = next(adapter, 'ticket.updated');
      const fresh = await adapter.receive({
        channelAccountId: 'acc-lumen',
        threadId: 'thr-new',
        from: { name: 'Zoe New', address: 'zoe@example.com' },
        text: 'First time here',
      });
      expect(fresh.conversationId).not.to.equal(existing.id);
      const ticket = (await ticketEvent).ticket;
      expect(ticket.ownerId).to.equal('agent-2'); // users-teams routing: first user
      expect(ticket.properties).to.deep.equal({ category: 'general' });
      const [conversation] = (await adapter.listConversations({ limit: 1 })).items;
      expect(conversation).to.deep.include({
        id: fresh.conversationId,
        contactName: 'Zoe New',
        unreadCount: 1,
        ticketId: ticket.id,
        assigneeId: 'agent-2',
      });
    });

    it('threads delivery-identifier channels by sender address', async () => {
      const existing = conversationOn('acc-parrot');
      const joined = await adapter.receive({
        channelAccountId: 'acc-parrot',
        from: { name: 'Someone', address: existing.externalThreadId! },
        text: 'Hi',
      });
      expect(joined.conversationId).to.equal(existing.id);
      const fresh = await adapter.receive({
        channelAccountId: 'acc-parrot',
        from: { name: 'Nina', address: '+15550009999' },
        text: 'Hello',
      });
      expect(fresh.conversationId).not.to.equal(existing.id);
      const again = await adapter.receive({
        channelAccountId: 'acc-parrot',
        from: { name: 'Nina', address: '+15550009999' },
        text: 'Still there?',
      });
      expect(again.conversationId).to.equal(fresh.conversationId);
    });

    it('is idempotent by externalId and raises unread', async () => {
      const target = conversationOn('acc-relay');
      const created: Message[] = [];
      const sub = adapter.events$.subscribe((e) => e.type === 'message.created' && created.push(e.message));
      const a = await adapter.receive({
        channelAccountId: 'acc-relay',
        conversationId: target.id,
        text: 'Oi',
        externalId: 'wamid.1',
      });
      const b = await adapter.receive({
        channelAccountId: 'acc-relay',
        conversationId: target.id,
        text: 'Oi',
        externalId: 'wamid.1',
      });
      sub.unsubscribe();
      expect(b.id).to.equal(a.id);
      expect(created).to.have.length(1);
      expect(a.seq).to.equal(fixture.messages[target.id]!.length + 1);
      const page = await adapter.listConversations({ limit: 1 });
      expect(page.items[0]).to.deep.include({ id: target.id, unreadCount: target.unreadCount + 1 });
    });

    it('refuses a disabled account', async () => {
      const error = await rejection(
        adapter.receive({
          channelAccountId: 'acc-parrot-old',
          from: { name: 'A', address: '+1555' },
          text: 'Hi',
        }),
      );
      expect(error.code).to.equal('conflict');
    });
  });

  describe('markRead', () => {
    it('clears unread and emits conversation.updated', async () => {
      const target = fixture.conversations.find((c) => c.unreadCount > 0)!;
      const event = next(adapter, 'conversation.updated');
      await adapter.markRead(target.id);
      expect((await event).conversation.unreadCount).to.equal(0);
      expect((await rejection(adapter.markRead('nope'))).code).to.equal('not-found');
    });
  });

  describe('Tickets', () => {
    const open = () => fixture.tickets.find((t) => t.stageId === 'new')!;

    it('refuses a stage whose required properties are missing, naming each', async () => {
      const error = await rejection(adapter.updateTicket(open().id, { stageId: 'closed' }));
      expect(error.code).to.equal('invalid');
      expect(Object.keys(error.fieldErrors).sort()).to.deep.equal(['closeReason', 'resolution']);
      const partly = await rejection(
        adapter.updateTicket(open().id, { stageId: 'closed', properties: { resolution: 'solved' } }),
      );
      expect(Object.keys(partly.fieldErrors)).to.deep.equal(['closeReason']);
    });

    it('moves a ticket when the properties are given, closing its conversation', async () => {
      const ticket = open();
      const conversationEvent = next(
        adapter,
        'conversation.updated',
        (e) => e.conversation.ticketId === ticket.id,
      );
      const updated = await adapter.updateTicket(ticket.id, {
        stageId: 'closed',
        properties: { resolution: 'solved', closeReason: 'Fixed' },
      });
      expect(updated.stageId).to.equal('closed');
      expect((await conversationEvent).conversation.status).to.equal('closed');
      expect((await adapter.getTicket(ticket.id)).properties['closeReason']).to.equal('Fixed');
    });

    it('keeps the assignee in sync with the owner and refuses unknown owners', async () => {
      const ticket = open();
      const event = next(adapter, 'conversation.updated', (e) => e.conversation.ticketId === ticket.id);
      await adapter.updateTicket(ticket.id, { ownerId: 'team-billing' });
      expect((await event).conversation.assigneeId).to.equal('team-billing');
      expect(
        (await rejection(adapter.updateTicket(ticket.id, { ownerId: 'agent-99' }))).fieldErrors,
      ).to.have.property('ownerId');
      expect((await rejection(adapter.getTicket('nope'))).code).to.equal('not-found');
    });
  });

  describe('Contacts, people, pipelines, views and insertables', () => {
    it('gets a contact and their past conversations, newest first', async () => {
      const withContact = fixture.conversations.find((c) => c.contactId)!;
      expect((await adapter.getContact(withContact.contactId!)).id).to.equal(withContact.contactId);
      const past = await adapter.listPastConversations(withContact.contactId!);
      expect(past.map((c) => c.id)).to.include(withContact.id);
      expect((await rejection(adapter.getContact('nope'))).code).to.equal('not-found');
    });

    it('lists agents, teams, pipelines and the current agent', async () => {
      expect(await adapter.listAgents()).to.have.length(fixture.agents.length);
      expect(await adapter.listTeams()).to.have.length(fixture.teams.length);
      expect((await adapter.listPipelines())[0]!.label).to.equal('Support pipeline');
      expect((await adapter.getCurrentAgent()).id).to.equal(fixture.currentAgentId);
    });

    it('saves and deletes views', async () => {
      const view = await adapter.saveView({ name: 'Urgent', filters: { unreadOnly: true } });
      expect((await adapter.listViews()).map((v) => v.id)).to.include(view.id);
      await adapter.deleteView(view.id);
      expect((await rejection(adapter.deleteView(view.id))).code).to.equal('not-found');
      expect((await rejection(adapter.saveView({ name: ' ', filters: {} }))).fieldErrors).to.have.property(
        'name',
      );
    });

    it('searches insertables by kind and text', async () => {
      const quotes = await adapter.searchInsertables('quote', '');
      expect(quotes.length).to.be.greaterThan(0);
      expect(quotes.every((q) => q.kind === 'quote')).to.be.true;
      const found = await adapter.searchInsertables('snippet', 'SAUDAÇÃO');
      expect(found.map((i) => i.title)).to.deep.equal(['Saudação']);
    });
  });

  describe('uploadAttachment', () => {
    it('reports progress and returns an attachment of the right kind', async () => {
      const progress: number[] = [];
      const file = new File(['hello'], 'photo.png', { type: 'image/png' });
      const attachment = await adapter.uploadAttachment(file, { onProgress: (f) => progress.push(f) });
      expect(attachment).to.deep.include({
        kind: 'image',
        name: 'photo.png',
        mimeType: 'image/png',
        sizeBytes: 5,
      });
      expect(attachment.url).to.match(/^blob:/);
      expect(progress.at(-1)).to.equal(1);
    });

    it('rejects an empty file as invalid and a cancel with an AbortError', async () => {
      expect((await rejection(adapter.uploadAttachment(new File([], 'empty.txt')))).code).to.equal('invalid');
      const controller = new AbortController();
      const pending = adapter.uploadAttachment(new File(['x'], 'a.txt'), { signal: controller.signal });
      controller.abort();
      const error = await pending.catch((e: unknown) => e);
      expect(error).to.be.instanceOf(DOMException);
      expect((error as DOMException).name).to.equal('AbortError');
    });
  });

  describe('Latency, traffic and dispose', () => {
    it('honours latencyMs and copies results', async () => {
      const slow = new MemoryAdapter({ fixture, latencyMs: 20 });
      const a = await slow.getTicket(fixture.tickets[0]!.id);
      a.name = 'Mutated';
      expect((await slow.getTicket(fixture.tickets[0]!.id)).name).to.equal(fixture.tickets[0]!.name);
      slow.dispose();
    });

    it('simulates incoming traffic until disposed', async () => {
      const busy = new MemoryAdapter({ fixture, simulateTraffic: { intervalMs: 10 } });
      const event = await next(busy, 'message.created');
      expect(event.message.direction).to.equal('incoming');
      busy.dispose();
    });

    it('completes events$ on dispose', async () => {
      const all = lastValueFrom(adapter.events$.pipe(toArray()));
      adapter.dispose();
      expect(await all).to.deep.equal([]);
    });
  });
});
