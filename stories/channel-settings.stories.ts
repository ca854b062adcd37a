import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';

import { MemoryAdapter } from '../src/adapters/memory/index.js';
import { ChannelConnectWizard } from '../src/elements/channel-connect-wizard/channel-connect-wizard.js';
import { ChannelSettings } from '../src/elements/channel-settings/channel-settings.js';
import { createFixture, type Fixture } from '../src/fixtures/index.js';
import { HelpDeskStore } from '../src/state/store.js';
import type { DeskParameters } from './decorators.js';

/** A started store on a changed fixture, for states the shared desk cannot show. */
function emptyStore(change: (fixture: Fixture) => void): HelpDeskStore {
  const fixture = createFixture({ seed: 1, conversations: 10 });
  change(fixture);
  const store = new HelpDeskStore(new MemoryAdapter({ fixture }), { storage: null });
  void store.start();
  return store;
}

if (!customElements.get('channel-connect-wizard'))
  customElements.define('channel-connect-wizard', ChannelConnectWizard);
if (!customElements.get('channel-settings')) customElements.define('channel-settings', ChannelSettings);

async function settings(canvas: HTMLElement): Promise<ChannelSettings> {
  const el = canvas.querySelector('channel-settings')!;
  for (let i = 0; i < 20 && !el.shadowRoot?.querySelector('tbody tr'); i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return el;
}

function clickIn(root: ParentNode | null | undefined, selector: string, text: string): void {
  const target = [...(root?.querySelectorAll<HTMLElement>(selector) ?? [])].find(
    (b) => b.textContent?.trim() === text,
  );
  target?.focus();
  target?.click();
}

const meta: Meta = {
  title: 'Elements/channel-settings',
  component: 'channel-settings',
  render: () => html`<channel-settings></channel-settings>`,
};
export default meta;

type Story = StoryObj;

/** The fixture's five accounts, one of them turned off. */
export const Accounts: Story = {};

/** "Delete" asks in a dialog whose confirm reads "Delete account". */
export const ConfirmDelete: Story = {
  play: async ({ canvasElement }) => {
    const el = await settings(canvasElement);
    clickIn(el.shadowRoot?.querySelector('tbody tr'), 'button', 'Delete');
  },
};

/** Turning "Status" off asks in a dialog whose confirm reads "Turn off". */
export const ConfirmTurnOff: Story = {
  play: async ({ canvasElement }) => {
    const el = await settings(canvasElement);
    el.shadowRoot?.querySelector<HTMLElement>('tbody tr [role="switch"]')?.click();
  },
};

/** "Connect a channel" opens its menu. */
export const ConnectMenu: Story = {
  play: async ({ canvasElement }) => {
    const el = await settings(canvasElement);
    el.shadowRoot?.querySelector<HTMLElement>('#connect-button')?.click();
  },
};

/** The backend refuses every change: the switch and the row come back, with a message. */
export const ChangesRefused: Story = {
  parameters: {
    desk: {
      faults: { failRate: 1, failMethods: ['updateAccount', 'deleteAccount'] },
    } satisfies DeskParameters,
  },
};

/** No account connected yet. */
export const Empty: Story = {
  render: () => html`<channel-settings .store=${emptyStore((f) => (f.accounts = []))}></channel-settings>`,
};

/** The accounts could not be loaded. */
export const LoadError: Story = {
  parameters: { desk: { faults: { failRate: 1, failMethods: ['listAccounts'] } } satisfies DeskParameters },
};

/** A slow backend: the loading state. */
export const Loading: Story = { parameters: { desk: { latencyMs: 4000 } satisfies DeskParameters } };

export const Dark: Story = { parameters: { desk: { theme: 'dark' } satisfies DeskParameters } };

export const PortugueseBR: Story = {
  name: 'pt-BR',
  parameters: { desk: { locale: 'pt-BR' } satisfies DeskParameters },
};
