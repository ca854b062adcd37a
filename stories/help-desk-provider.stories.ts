import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';

import type { DeskParameters } from './decorators.js';

/**
 * `<help-desk-provider>` gives a store to the elements inside it and sets their theme and language.
 * Each story shows the tokens it declares; the connection story shows the notice the provider
 * raises when the real-time connection drops.
 */
const meta: Meta = {
  title: 'Elements/help-desk-provider',
  component: 'help-desk-provider',
  render: () =>
    html`<div class="token-sample">
      <p>Kit elements placed here share this provider's store, theme and language.</p>
    </div>`,
};
export default meta;

type Story = StoryObj;

export const Light: Story = { parameters: { desk: { theme: 'light' } satisfies DeskParameters } };

export const Dark: Story = { parameters: { desk: { theme: 'dark' } satisfies DeskParameters } };

export const PortugueseBR: Story = {
  name: 'pt-BR',
  parameters: { desk: { locale: 'pt-BR' } satisfies DeskParameters },
};

/** The adapter's real-time connection drops: the provider says so, politely, until it is back. */
export const ConnectionLost: Story = {
  play: async ({ canvasElement }) => {
    const provider = canvasElement.querySelector('help-desk-provider');
    await provider?.updateComplete;
    const faulty = provider?.adapter as { disconnect?: () => void } | undefined;
    faulty?.disconnect?.();
  },
  parameters: { desk: { faults: {} } satisfies DeskParameters },
};
