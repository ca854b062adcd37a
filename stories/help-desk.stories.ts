import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';

import type { DeskParameters } from './decorators.js';

/**
 * `<help-desk>` lays out the whole desk: conversations, the open thread with the reply editor, and the
 * ticket sidebar. Narrower than 900 px (try the Narrow story, or resize the canvas) it shows one pane
 * at a time with a way back.
 */
const meta: Meta = {
  title: 'Elements/help-desk',
  component: 'help-desk',
  render: () => html`<help-desk style="height: 720px"></help-desk>`,
  parameters: { layout: 'fullscreen' },
};
export default meta;

type Story = StoryObj;

/** A few hundred conversations with simulated traffic: messages keep arriving. */
export const Default: Story = {
  parameters: { desk: { simulateTraffic: true } satisfies DeskParameters },
};

export const Empty: Story = {
  parameters: { desk: { fixture: { conversations: 0 } } satisfies DeskParameters },
};

/** 100,000 conversations and a 10,000-message first thread: the desk stays as quick as with ten. */
export const HundredThousand: Story = {
  name: '100,000 conversations',
  parameters: {
    desk: { fixture: { conversations: 100_000, firstConversationMessages: 10_000 } } satisfies DeskParameters,
  },
};

/** One pane at a time, as on a phone or in a narrow column of the host's page. */
export const Narrow: Story = {
  render: () => html`<div style="width: 420px"><help-desk style="height: 720px"></help-desk></div>`,
};

/** The host's own panes: a banner above the thread and an extra panel under the desk. */
export const HostSlots: Story = {
  render: () =>
    html`<help-desk style="height: 720px">
      <p slot="thread-header" style="margin: 0; padding: 8px 16px">Customer is on the Enterprise plan.</p>
    </help-desk>`,
};

export const Dark: Story = { parameters: { desk: { theme: 'dark' } satisfies DeskParameters } };

export const PortugueseBR: Story = {
  name: 'pt-BR',
  parameters: { desk: { locale: 'pt-BR' } satisfies DeskParameters },
};
