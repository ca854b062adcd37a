import { fixture, html } from '@open-wc/testing';

import { ThreadView } from '../../src/elements/thread-view/thread-view.js';
import type { Agent, ChannelDefinition, Conversation, Message, Team, Ticket } from '../../src/model/index.js';
import { HelpDeskStore } from '../../src/state/store.js';
import { conversation, FakeAdapter, message, ticket } from '../state/fake-adapter.js';
import { nextTask, waitFor } from './thread-view-dom.js';

if (!customElements.get('thread-view')) customElements.define('thread-view', ThreadView);

export const AGENTS: Agent[] = [
  { id: 'agent-1', name: 'Ana Souza', email: 'ana@example.com', availability: 'online', teamIds: ['team-1'] },
  { id: 'agent-2', name: 'Bruno Lima', email: 'bruno@example.com', availability: 'away', teamIds: [] },
  {
    id: 'agent-3',
    name: 'Carla Dias',
    email: 'carla@example.com',
    availability: 'offline',
    teamIds: ['team-1'],
  },
];
export const TEAMS: Team[] = [{ id: 'team-1', name: 'Billing', memberIds: ['agent-1', 'agent-3'] }];
export const CHANNEL: ChannelDefinition = {
  id: 'ch-1',
  name: 'Parrot Chat',
  description: '',
  logoUrl:
    'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  installed: true,
  authorized: true,
  capabilities: {
    threadingModel: 'integration-thread',
    richText: [],
    attachmentKinds: [],
    maxAttachmentCount: 0,
    maxAttachmentBytes: 0,
    maxTotalAttachmentBytes: 0,
    allowedMimeTypes: [],
    maxTextLength: 1000,
    replyToMessage: true,
    outgoingMessages: true,
  },
};

const BASE = Date.UTC(2026, 9, 20, 12, 0, 0);

/** `count` messages one minute apart, alternating sides every 3, starting at BASE. */
export function messages(conversationId: string, count: number, start = 1): Message[] {
  const list: Message[] = [];
  for (let i = start; i < start + count; i++) {
    const outgoing = Math.floor((i - 1) / 3) % 2 === 1;
    list.push(
      message(`m${i}`, conversationId, i, {
        direction: outgoing ? 'outgoing' : 'incoming',
        sender: outgoing
          ? { kind: 'agent', id: 'agent-1', name: 'Ana Souza' }
          : { kind: 'contact', id: 'c1', name: 'Maria Silva' },
        text: `Message number ${i}`,
        createdAt: new Date(BASE + i * 60_000).toISOString(),
        status: outgoing ? 'read' : 'delivered',
      }),
    );
  }
  return list;
}

export interface MountOptions {
  conversation?: Partial<Conversation>;
  messages?: Message[];
  ticket?: Partial<Ticket> | null;
  height?: number;
  /** Leave the thread's first page unanswered until released. */
  pauseMessages?: boolean;
  /** Messages per page (default 50). */
  pageSize?: number;
}

export async function mountThread(options: MountOptions = {}) {
  const adapter = new FakeAdapter();
  adapter.agents = AGENTS;
  adapter.teams = TEAMS;
  adapter.channels = [CHANNEL];
  const conv = conversation('conv-1', {
    ticketId: 'ticket-1',
    ticketName: 'Order #1042 arrived damaged',
    contactName: 'Maria Silva',
    ...options.conversation,
  });
  adapter.conversations = [conv];
  adapter.messages.set('conv-1', options.messages ?? messages('conv-1', 8));
  if (options.ticket !== null) {
    adapter.tickets.set(
      'ticket-1',
      ticket('ticket-1', { name: 'Order #1042 arrived damaged', ownerId: 'agent-2', ...options.ticket }),
    );
  }
  const release = options.pauseMessages ? adapter.pause('listMessages') : undefined;
  const store = new HelpDeskStore(adapter, { storage: null, pageSize: options.pageSize ?? 50 });
  await store.start();
  // The thread-view itself is the fixture: open-wc waits for its update (a plain wrapper would make it
  // wait for an animation frame, which a background test page never gets).
  const el = await fixture<ThreadView>(
    html`<thread-view
      conversation-id="conv-1"
      .store=${store}
      style="height: ${options.height ?? 500}px"
    ></thread-view>`,
  );
  await nextTask();
  await el.updateComplete;
  if (!options.pauseMessages) {
    await waitFor(() => store.state.messages.threads['conv-1']?.loaded, 'the first page');
    await settle(el);
  }
  return { el, store, adapter, release };
}

/** Lets the store, the element and the scroll window finish (a few tasks, never a timed wait). */
export async function settle(el: ThreadView): Promise<void> {
  for (let i = 0; i < 6; i++) {
    await nextTask();
    await el.updateComplete;
  }
}

/**
 * Scrolls the log as the rep would. The scroll event is dispatched too: a test page in the
 * background gets no rendering steps, which is where browsers fire it.
 */
export async function scrollLogTo(el: ThreadView, top: number): Promise<void> {
  const scroller = log(el);
  scroller.scrollTop = top;
  scroller.dispatchEvent(new Event('scroll'));
  await settle(el);
}

export function log(el: ThreadView): HTMLElement {
  return el.shadowRoot!.querySelector<HTMLElement>('[role="log"]')!;
}
