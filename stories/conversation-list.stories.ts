import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';

import { MemoryAdapter } from '../src/adapters/memory/index.js';
import { ConversationList } from '../src/elements/conversation-list/conversation-list.js';
import { createFixture, type Fixture } from '../src/fixtures/index.js';
import type { DeskParameters } from './decorators.js';

// The lead registers the element in registry.ts; until then the story defines it itself.
if (!customElements.get('conversation-list')) customElements.define('conversation-list', ConversationList);

/**
 * `<conversation-list>`: the rep's inbox. Search, filter by channel, status, assignee and unread, apply
 * or save views, turn notifications on or off, and open a conversation by click or keyboard. Rows are
 * virtualized: the DOM holds only the rows in view, at 5 or at 100,000 conversations.
 */
const meta: Meta = {
  title: 'Elements/conversation-list',
  component: 'conversation-list',
  args: { density: 'comfortable', 'hide-search': false, 'hide-filters': false },
  argTypes: { density: { control: 'inline-radio', options: ['comfortable', 'compact'] } },
  render: (args) =>
    html`<div class="story-frame" style="display: flex; height: 640px; max-width: 440px">
      <conversation-list
        density=${args.density}
        ?hide-search=${args['hide-search']}
        ?hide-filters=${args['hide-filters']}
      ></conversation-list>
    </div>`,
};
export default meta;

type Story = StoryObj;

const shadow = (canvas: HTMLElement) => canvas.querySelector('conversation-list')!.shadowRoot!;

/** Polls until `check` holds (5 s at most); plain DOM, so the play functions also run outside Storybook. */
async function until(what: string, check: () => boolean): Promise<void> {
  const end = Date.now() + 5000;
  while (!check()) {
    if (Date.now() > end) throw new Error(`Timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export const Empty: Story = {
  parameters: { desk: { fixture: { conversations: 0 } } satisfies DeskParameters },
  play: async ({ canvasElement }) => {
    await until('it says there are no conversations', () =>
      Boolean(
        ['No conversations', 'Nenhuma conversa'].some((text) =>
          shadow(canvasElement).querySelector('[role="status"]')?.textContent?.includes(text),
        ),
      ),
    );
  },
};

/** The first page never arrives: the list says it is loading. */
export const Loading: Story = {
  parameters: { desk: { latencyMs: 1_000_000_000 } satisfies DeskParameters },
};

/** Loading the list fails; "Try again" asks again (and fails again here). */
export const ErrorState: Story = {
  name: 'Error',
  parameters: {
    desk: { faults: { failRate: 1, failMethods: ['listConversations'] } } satisfies DeskParameters,
  },
  play: async ({ canvasElement }) => {
    await until(
      '"Try again" shows',
      () => shadow(canvasElement).querySelector('[role="alert"] button') !== null,
    );
  },
};

/** A few conversations; the play function searches and opens the first match. */
export const AFew: Story = {
  name: 'A few',
  parameters: { desk: { fixture: { seed: 3, conversations: 6 } } satisfies DeskParameters },
  play: async ({ canvasElement }) => {
    const root = shadow(canvasElement);
    await until('six rows show', () => root.querySelectorAll('[role="option"]').length === 6);
    const search = root.querySelector<HTMLInputElement>('input[type="search"]')!;
    search.value = 'camila';
    search.dispatchEvent(new Event('input'));
    search.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    await until('one row matches', () => root.querySelectorAll('[role="option"]').length === 1);
    root.querySelector<HTMLElement>('[role="option"]')!.click();
    await until(
      'the row is selected',
      () => root.querySelector('[role="option"]')?.getAttribute('aria-selected') === 'true',
    );
  },
};

/** 100,000 conversations with customers writing in every few seconds: the DOM stays small. */
export const HundredThousand: Story = {
  name: '100,000 conversations',
  parameters: {
    desk: {
      fixture: { conversations: 100_000, messagesPerConversation: 4 },
      simulateTraffic: true,
    } satisfies DeskParameters,
  },
};

export const Compact: Story = { args: { density: 'compact' } };

export const Dark: Story = { parameters: { desk: { theme: 'dark' } satisfies DeskParameters } };

export const PortugueseBR: Story = {
  name: 'pt-BR',
  parameters: { desk: { locale: 'pt-BR' } satisfies DeskParameters },
};

/** Hostile and awkward text: right-to-left, zero-width and combining marks, emoji, HTML, no contact. */
function badInput(): Fixture {
  const data = createFixture({ seed: 3, conversations: 20 });
  const texts: [string, string][] = [
    ['مريم العتيبي', 'مرحبا، لدي مشكلة في الطلب رقم 123'],
    [
      'Z\u0338\u0322\u031ba\u0334l\u0337g\u0336o\u0335 Zero\u200BWidth',
      'in\u200Bvisible \u202Eoverride\u202C text',
    ],
    [
      '\u{1F469}\u200D\u{1F469}\u200D\u{1F467}\u200D\u{1F466} Family',
      '\u{1F3F3}\uFE0F\u200D\u{1F308}\u{1F44D}\u{1F3FD} thanks',
    ],
    ['<img src=x onerror=alert(1)>', '<script>alert(1)</script><b>not bold</b>'],
    ['', 'No contact on this one'],
    ['Long Talker', 'A'.repeat(100_000)],
  ];
  texts.forEach(([contactName, preview], i) => {
    const c = data.conversations[i]!;
    data.conversations[i] = {
      ...c,
      contactName,
      ...(contactName ? {} : { contactId: null }),
      lastMessage: { ...c.lastMessage!, preview },
    };
  });
  return data;
}

export const RightToLeftAndBadInput: Story = {
  name: 'RTL and bad input',
  render: () =>
    html`<help-desk-provider .adapter=${new MemoryAdapter({ fixture: badInput() })} dir="rtl">
      <div class="story-frame" style="display: flex; height: 640px; max-width: 440px">
        <conversation-list></conversation-list>
      </div>
    </help-desk-provider>`,
};
