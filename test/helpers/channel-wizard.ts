// Driving <channel-connect-wizard> as an admin: mount it on a desk, and walk the common steps.
import { fixture, html } from '@open-wc/testing';

import { ChannelConnectWizard } from '../../src/elements/channel-connect-wizard/channel-connect-wizard.js';
import type { HelpDeskStore } from '../../src/state/store.js';
import { settle, typeInto } from './channel-fixtures.js';
import { deepActiveElement, findByRole, getByRole, nameOf } from './queries.js';

if (!customElements.get('channel-connect-wizard'))
  customElements.define('channel-connect-wizard', ChannelConnectWizard);

export async function mountWizard(
  store: HelpDeskStore,
  attrs: { accountId?: string; canRoute?: boolean } = {},
) {
  const el = await fixture<ChannelConnectWizard>(
    html`<channel-connect-wizard
      .store=${store}
      account-id=${attrs.accountId ?? ''}
      can-route=${attrs.canRoute === false ? 'false' : ''}
    ></channel-connect-wizard>`,
  );
  if (!attrs.accountId) el.removeAttribute('account-id');
  await settle(el);
  return el;
}

export const button = (root: Element, name: string | RegExp) =>
  getByRole<HTMLButtonElement>(root, 'button', { name });
export const textbox = (root: Element, name: string | RegExp) =>
  getByRole<HTMLInputElement>(root, 'textbox', { name });

/** The heading of the current step, which must also hold focus. */
export async function expectStep(el: Element, heading: string | RegExp): Promise<HTMLElement> {
  const found = await findByRole(el, 'heading', { name: heading });
  await settle(el as ChannelConnectWizard);
  if (deepActiveElement() !== found) {
    throw new Error(
      `Focus is on ${deepActiveElement()?.outerHTML.slice(0, 80)}, not the heading "${nameOf(found)}"`,
    );
  }
  return found;
}

/** Chooses a channel's card and continues to its credentials. */
export async function chooseChannel(el: ChannelConnectWizard, name: string): Promise<void> {
  getByRole<HTMLInputElement>(el, 'radio', { name }).click();
  await settle(el);
  button(el, `Continue with ${name}`).click();
  await expectStep(el, `Connect ${name}`);
}

/** Fills Lumen Chat's form with good values (`apiKey` as given). */
export async function fillLumen(el: ChannelConnectWizard, apiKey = 'key-123'): Promise<void> {
  await typeInto(textbox(el, 'Account name'), 'Lumen: support site');
  await typeInto(textbox(el, 'Workspace name (required)'), 'acme');
  await typeInto(textbox(el, 'Bot token (required)'), 'lc_abcdefghijklmnop');
  await typeInto(textbox(el, 'API key (required)'), apiKey);
  await typeInto(textbox(el, 'Webhook URL (required)'), 'https://acme.example/hook');
  const region = getByRole<HTMLSelectElement>(el, 'combobox', { name: 'Data region (required)' });
  region.value = 'eu';
  region.dispatchEvent(new Event('change', { bubbles: true }));
  await settle(el);
}

/** Chooses Pulse Forms, fills its one field and continues to the routing step. */
export async function routePulseForms(el: ChannelConnectWizard, formId = 'form-7'): Promise<void> {
  await chooseChannel(el, 'Pulse Forms');
  await typeInto(textbox(el, 'Form ID (required)'), formId);
  button(el, 'Next').click();
  await expectStep(el, 'Route tickets from this channel');
}
