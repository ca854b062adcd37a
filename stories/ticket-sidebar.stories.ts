import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';

import { TicketSidebar } from '../src/elements/ticket-sidebar/ticket-sidebar.js';
import type { DeskParameters } from './decorators.js';

// The lead wires <ticket-sidebar> into the registry; until then the story defines it itself.
if (!customElements.get('ticket-sidebar')) customElements.define('ticket-sidebar', TicketSidebar);

interface Args {
  conversationId?: string;
  ticketId?: string;
  sections?: string;
  collapsed?: string;
}

/**
 * `<ticket-sidebar>` shows what a rep needs while answering: the conversation's ticket (status, owner,
 * priority, properties), the contact, and the contact's past conversations. Each section collapses, and
 * the choice is remembered. Stories pick a fixture conversation with `conversation-id`; in the desk the
 * sidebar follows the selected conversation instead.
 */
const meta: Meta<Args> = {
  title: 'Elements/ticket-sidebar',
  component: 'ticket-sidebar',
  args: { conversationId: 'conv-1' },
  argTypes: {
    sections: { control: 'text', description: 'e.g. `contact ticket past-conversations`' },
    collapsed: { control: 'text' },
  },
  render: (args) =>
    html`<ticket-sidebar
      style="max-width: 360px"
      storage-key="storybook-${args.conversationId ?? args.ticketId ?? 'none'}"
      conversation-id=${args.conversationId ?? ''}
      ticket-id=${args.ticketId ?? ''}
      sections=${args.sections ?? 'ticket contact past-conversations'}
      collapsed=${args.collapsed ?? ''}
    ></ticket-sidebar>`,
};
export default meta;

type Story = StoryObj<Args>;

function sidebarRoot(canvas: HTMLElement): ShadowRoot {
  const sidebar = canvas.querySelector('ticket-sidebar');
  if (!sidebar?.shadowRoot) throw new Error('no <ticket-sidebar> in the story');
  return sidebar.shadowRoot;
}

async function waitFor<T>(find: () => T | null | undefined): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const found = find();
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('timed out waiting for the sidebar');
}

/** A conversation with a ticket, a known contact and three past conversations. */
export const Default: Story = {};

/** The conversation was never routed to a ticket. */
export const NoTicket: Story = { args: { conversationId: 'conv-6' } };

/** The channel did not say who wrote: no contact, so no past conversations either. */
export const UnknownContact: Story = { args: { conversationId: 'conv-2' } };

/** The backend is slow: each section says it is loading. */
export const Loading: Story = {
  args: { conversationId: undefined, ticketId: 'ticket-3' },
  parameters: { desk: { latencyMs: 10 * 60_000 } satisfies DeskParameters },
};

/** The ticket, contact and past conversations all fail to load; each offers "Try again". */
export const LoadError: Story = {
  name: 'Error',
  parameters: {
    desk: {
      faults: { failRate: 1, failMethods: ['getTicket', 'getContact', 'listPastConversations'] },
    } satisfies DeskParameters,
  },
};

/** Moving to "Closed" asks for the properties that status requires, in place. */
export const ConditionalStatus: Story = {
  args: { conversationId: 'conv-3' },
  play: async ({ canvasElement }) => {
    const root = sidebarRoot(canvasElement);
    const status = await waitFor(() => root.querySelector<HTMLSelectElement>('#status'));
    const closed = [...status.options].find((o) => o.value === 'closed');
    if (!closed) return;
    status.value = closed.value;
    status.dispatchEvent(new Event('change', { bubbles: true }));
  },
};

/** The "Ticket owner" menu, open: users with their availability, teams, and no one. */
export const OwnerMenu: Story = {
  play: async ({ canvasElement }) => {
    const root = sidebarRoot(canvasElement);
    const button = await waitFor(() => root.querySelector<HTMLButtonElement>('#owner-button'));
    button.click();
  },
};

/** Only the contact and the ticket, in that order, with the ticket collapsed to start with. */
export const SectionsAndCollapsed: Story = {
  args: { sections: 'contact ticket', collapsed: 'ticket' },
};

/** Right to left: labels, chevrons and the owner menu follow the direction of the page. */
export const RightToLeft: Story = {
  decorators: [(story) => html`<div dir="rtl">${story()}</div>`],
};

export const Dark: Story = { parameters: { desk: { theme: 'dark' } satisfies DeskParameters } };

export const PortugueseBR: Story = {
  name: 'pt-BR',
  parameters: { desk: { locale: 'pt-BR' } satisfies DeskParameters },
};
