/// <reference types="vite/client" />
// The demo's channel settings page: <channel-settings> (with its connect wizard) on the same kind of
// backend as the desk. With VITE_HELPDESK_API_URL set it is the desk's own backend (the reference
// server), so an account connected here shows up in the desk's "Channel" filter; on the in-memory
// backend each page has its own data. Opened as `channels.html?connect-page`, this page plays the
// connection page of the "Relay WhatsApp Bridge" channel, which posts its credentials back.
import '../src/define.js';

import type { HelpDeskAdapter } from '../src/adapters/adapter.js';
import { ChannelConnectWizard } from '../src/elements/channel-connect-wizard/channel-connect-wizard.js';
import { ChannelSettings } from '../src/elements/channel-settings/channel-settings.js';
import type { HelpDeskProvider } from '../src/elements/help-desk-provider/help-desk-provider.js';

if (!customElements.get('channel-connect-wizard'))
  customElements.define('channel-connect-wizard', ChannelConnectWizard);
if (!customElements.get('channel-settings')) customElements.define('channel-settings', ChannelSettings);

const apiUrl = import.meta.env.VITE_HELPDESK_API_URL as string | undefined;
const token = import.meta.env.VITE_HELPDESK_TOKEN as string | undefined;
const connectPage = new URL('./channels.html?connect-page', location.href).href;

async function makeAdapter(): Promise<HelpDeskAdapter> {
  if (apiUrl) {
    const { HttpAdapter } = await import('../src/adapters/http/index.js');
    return new HttpAdapter({ baseUrl: apiUrl, headers: token ? { Authorization: `Bearer ${token}` } : {} });
  }
  const [{ MemoryAdapter }, { createFixture }] = await Promise.all([
    import('../src/adapters/memory/index.js'),
    import('../src/fixtures/index.js'),
  ]);
  const fixture = createFixture({ seed: 1, conversations: 200 });
  // The fixture's connection page is fictional; this page stands in for it.
  const relay = fixture.channels.find((c) => c.id === 'relay-whatsapp');
  if (relay) relay.connectionUrl = connectPage;
  return new MemoryAdapter({ fixture });
}

/** The stand-in connection page: a phone number in, posted to the opener from this origin. */
function showConnectPage(): void {
  document.body.replaceChildren();
  const form = document.createElement('form');
  form.className = 'connect-page';
  const heading = document.createElement('h1');
  heading.textContent = 'Relay WhatsApp Bridge';
  const label = document.createElement('label');
  label.textContent = 'WhatsApp Business number ';
  const input = document.createElement('input');
  input.required = true;
  input.value = '+5511987654321';
  label.append(input);
  const submit = document.createElement('button');
  submit.textContent = 'Authorize';
  form.append(heading, label, submit);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const message = { type: 'helpdesk-channel-connect', credentials: { phoneNumber: input.value } };
    // Only to the page that opened us, on our own origin.
    window.opener?.postMessage(message, location.origin);
    window.close();
  });
  document.body.append(form);
}

if (new URLSearchParams(location.search).has('connect-page')) {
  showConnectPage();
} else {
  const provider = document.querySelector<HelpDeskProvider>('#desk')!;
  document.querySelector('#backend')!.textContent = apiUrl
    ? `Reference server at ${apiUrl}`
    : 'In-memory backend (its own data on this page)';
  provider.adapter = await makeAdapter();

  for (const id of ['theme', 'locale'] as const) {
    document.querySelector<HTMLSelectElement>(`#${id}`)!.addEventListener('change', (event) => {
      provider.setAttribute(id, (event.target as HTMLSelectElement).value);
    });
  }

  // "Go to help desk" leads back to the desk; "Install" and "Authorize again" would open the channel's app page.
  document.addEventListener('go-to-help-desk', () => location.assign('./'));
  for (const type of ['channel-install', 'channel-authorize'] as const) {
    document.addEventListener(type, (event) => {
      window.alert(`The host would now open the ${event.detail.channel.name} app page (${type}).`);
    });
  }
}
