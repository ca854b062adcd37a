import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';

import { MemoryAdapter } from '../src/adapters/memory/index.js';
import { ChannelConnectWizard } from '../src/elements/channel-connect-wizard/channel-connect-wizard.js';
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

/** The wizard inside the story's desk; a `play` walks it to the step a story shows. */
async function wizardIn(canvas: HTMLElement): Promise<ChannelConnectWizard> {
  const el = canvas.querySelector('channel-connect-wizard')!;
  for (let i = 0; i < 20 && !el.shadowRoot?.querySelector('input[type="radio"]'); i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return el;
}

async function toCredentials(canvas: HTMLElement, channelId = 'lumen-chat'): Promise<ChannelConnectWizard> {
  const el = await wizardIn(canvas);
  const channel = el.channels.value?.find((c) => c.id === channelId);
  if (channel) el.select(channel);
  el.goTo('credentials');
  await el.updateComplete;
  return el;
}

const meta: Meta = {
  title: 'Elements/channel-connect-wizard',
  component: 'channel-connect-wizard',
  render: () => html`<channel-connect-wizard></channel-connect-wizard>`,
};
export default meta;

type Story = StoryObj;

/** Step 1: the installed channels as cards; one not installed, one to authorize again. */
export const ChooseChannel: Story = {};

/** Step 2: Lumen Chat's generated form (text, password, URL, e-mail, select, checkbox). */
export const Credentials: Story = {
  play: async ({ canvasElement }) => void (await toCredentials(canvasElement)),
};

/** Step 2 after "Next" with nothing typed: each field says what is missing. */
export const CredentialsWithErrors: Story = {
  play: async ({ canvasElement }) => {
    const el = await toCredentials(canvasElement);
    await el.next();
  },
};

/** Step 2 of a channel that collects credentials on its own page, in a pop-up. */
export const ConnectionPage: Story = {
  play: async ({ canvasElement }) => void (await toCredentials(canvasElement, 'relay-whatsapp')),
};

/** Step 3: routing, with "Specific users and teams" chosen. */
export const Routing: Story = {
  play: async ({ canvasElement }) => {
    const el = await toCredentials(canvasElement, 'pulse-forms');
    el.form.input('formId', 'contact-2026');
    await el.next();
    el.routing = { ...el.routing, autoAssign: true, mode: 'users-teams', teamIds: ['team-support'] };
  },
};

/** Step 3 for an account without a help-desk seat: routing is skipped. */
export const NoSeat: Story = {
  render: () =>
    html`<channel-connect-wizard can-route="false" channel-id="pulse-forms"></channel-connect-wizard>`,
};

/** Step 4: connected, with its four actions. */
export const Connected: Story = {
  play: async ({ canvasElement }) => {
    const el = await toCredentials(canvasElement, 'pulse-forms');
    el.form.input('formId', 'contact-2026');
    await el.next();
    await el.next();
  },
};

/** Edit mode on a connected account: secrets are never shown back. */
export const EditAccount: Story = {
  render: () => html`<channel-connect-wizard account-id="acc-lumen"></channel-connect-wizard>`,
};

/** As a modal dialog. */
export const Modal: Story = {
  render: () => html`<channel-connect-wizard modal open></channel-connect-wizard>`,
};

/** No channel installed for the account (a store of its own, on a fixture without channels). */
export const Empty: Story = {
  render: () =>
    html`<channel-connect-wizard .store=${emptyStore((f) => (f.channels = []))}></channel-connect-wizard>`,
};

/** The channels could not be loaded. */
export const LoadError: Story = {
  parameters: { desk: { faults: { failRate: 1, failMethods: ['listChannels'] } } satisfies DeskParameters },
};

/** Slow backend: the loading state, and "Connecting…" while the call is out. */
export const Loading: Story = { parameters: { desk: { latencyMs: 4000 } satisfies DeskParameters } };

export const Dark: Story = { parameters: { desk: { theme: 'dark' } satisfies DeskParameters } };

export const PortugueseBR: Story = {
  name: 'pt-BR',
  parameters: { desk: { locale: 'pt-BR' } satisfies DeskParameters },
  play: async ({ canvasElement }) => void (await toCredentials(canvasElement)),
};
