import { fixture, html } from '@open-wc/testing';

import type { HelpDeskAdapter } from '../../src/adapters/adapter.js';
import { MemoryAdapter } from '../../src/adapters/memory/index.js';
import { TicketSidebar } from '../../src/elements/ticket-sidebar/ticket-sidebar.js';
import { createFixture } from '../../src/fixtures/index.js';
import type { ChannelDefinition, Contact, Pipeline } from '../../src/model/index.js';
import { HelpDeskStore } from '../../src/state/store.js';
import { conversation, FakeAdapter, flush, ticket } from '../state/fake-adapter.js';

if (!customElements.get('ticket-sidebar')) customElements.define('ticket-sidebar', TicketSidebar);

export const pipeline: Pipeline = {
  id: 'pipe-1',
  label: 'Support pipeline',
  stages: [
    { id: 'new', label: 'New', closed: false, requiredProperties: [] },
    { id: 'waiting', label: 'Waiting on us', closed: false, requiredProperties: [] },
    { id: 'closed', label: 'Closed', closed: true, requiredProperties: ['resolution', 'closeReason'] },
  ],
  properties: [
    {
      name: 'category',
      label: 'Category',
      type: 'select',
      options: [
        { value: 'billing', label: 'Billing' },
        { value: 'orders', label: 'Orders' },
      ],
    },
    { name: 'product', label: 'Product', type: 'text' },
    {
      name: 'resolution',
      label: 'Resolution',
      type: 'select',
      options: [
        { value: 'solved', label: 'Solved' },
        { value: 'refunded', label: 'Refunded' },
      ],
    },
    { name: 'closeReason', label: 'Close reason', type: 'textarea' },
    { name: 'vip', label: 'VIP customer', type: 'checkbox' },
  ],
};

export const lumenChat = {
  id: 'ch-1',
  name: 'Lumen Chat',
  description: '',
  logoUrl: 'data:image/svg+xml,%3Csvg xmlns=%22http://www.w3.org/2000/svg%22/%3E',
  installed: true,
  authorized: true,
} as unknown as ChannelDefinition;

export function contact(overrides: Partial<Contact> = {}): Contact {
  return {
    id: 'contact-1',
    name: 'Maria Silva',
    email: 'maria@example.com',
    phone: '+1 415 555 0100',
    company: 'Acme',
    ownerId: 'agent-2',
    tracked: true,
    createdAt: '2024-01-01T00:00:00.000Z',
    ...overrides,
  };
}

/** A backend with one conversation (c1) whose ticket (t1) and contact have everything the sidebar shows. */
export function makeAdapter(): FakeAdapter {
  const adapter = new FakeAdapter();
  adapter.pipelines = [pipeline];
  adapter.channels = [lumenChat];
  adapter.agents = [
    { id: 'agent-1', name: 'Ana Souza', email: 'ana@example.com', availability: 'online', teamIds: [] },
    { id: 'agent-2', name: 'Bruno Lima', email: 'bruno@example.com', availability: 'away', teamIds: [] },
    { id: 'agent-3', name: 'Carla Dias', email: 'carla@example.com', availability: 'offline', teamIds: [] },
  ];
  adapter.teams = [{ id: 'team-1', name: 'Billing team', memberIds: ['agent-2'] }];
  const base = { contactId: 'contact-1', contactName: 'Maria Silva' };
  adapter.conversations = [
    conversation('c1', { ...base, ticketId: 't1', lastMessage: { preview: 'Where is my order?', at: '2024-03-03T10:00:00.000Z', direction: 'incoming' } }),
    conversation('c2', { ...base, ticketId: 't2', channel: 'email', channelId: null, status: 'closed', lastMessage: { preview: 'Invoice question', at: '2024-01-05T10:00:00.000Z', direction: 'incoming' } }),
    conversation('c3', { ...base, ticketId: 't3', lastMessage: { preview: 'Login trouble', at: '2024-02-10T10:00:00.000Z', direction: 'incoming' } }),
    conversation('c4', { contactId: null, contactName: '', ticketId: null }),
  ]; // prettier-ignore
  adapter.tickets.set(
    't1',
    ticket('t1', {
      name: 'Order #123 late',
      pipelineId: 'pipe-1',
      stageId: 'new',
      ownerId: 'agent-1',
      priority: 'high',
      contactId: 'contact-1',
      properties: { category: 'orders', product: 'Lamp', legacyCode: 'X-9' },
    }),
  );
  adapter.contacts.set('contact-1', contact());
  return adapter;
}

export interface Desk<A extends HelpDeskAdapter> {
  adapter: A;
  store: HelpDeskStore;
}

/** A started store on the adapter (no persistence of drafts), with the first conversation selected. */
export async function makeDesk<A extends HelpDeskAdapter = FakeAdapter>(
  adapter: A = makeAdapter() as unknown as A,
  select: string | null = 'c1',
): Promise<Desk<A>> {
  const store = new HelpDeskStore(adapter, { storage: null });
  await store.start();
  store.selectConversation(select);
  return { adapter, store };
}

/** A desk on the MemoryAdapter, whose pipelines enforce conditional statuses as a backend would. */
export async function makeMemoryDesk(): Promise<{ store: HelpDeskStore; conversationId: string }> {
  const adapter = new MemoryAdapter({ fixture: createFixture({ seed: 3, conversations: 30 }) });
  const store = new HelpDeskStore(adapter, { storage: null });
  await store.start();
  return { store, conversationId: store.state.conversations.ids[0]! };
}

export async function mountSidebar(
  store: HelpDeskStore,
  template = html`<ticket-sidebar .store=${store} storage-key=${'test-' + Math.random()}></ticket-sidebar>`,
): Promise<TicketSidebar> {
  const el = await fixture<TicketSidebar>(template);
  await settle(el);
  return el;
}

/** Lets the store's requests resolve and the sidebar render what they brought. */
export async function settle(el: TicketSidebar): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await flush();
    await el.updateComplete;
  }
}
