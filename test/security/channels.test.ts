// Every vector of the corpus as a channel definition's name, description and logo URL, a
// connected account's name, and a credential field's label, help text and choices: rendered by
// the real <channel-settings> and <channel-connect-wizard> on a MemoryAdapter.
import { fixture, html } from '@open-wc/testing';

import { ChannelConnectWizard } from '../../src/elements/channel-connect-wizard/channel-connect-wizard.js';
import { ChannelSettings } from '../../src/elements/channel-settings/channel-settings.js';
import type { Fixture } from '../../src/fixtures/index.js';
import type { CredentialField, CredentialFieldType } from '../../src/model/index.js';
import { makeDesk, settle } from '../helpers/channel-fixtures.js';
import { findByRole, getByRole } from '../helpers/queries.js';
import { expectNoScriptRan, installCanary, resetCanary } from './canary.js';
import { deepElements, expectNone, unsafeIn } from './inspect.js';
import { label, loadVectors, type Vector } from './vectors.js';

if (!customElements.get('channel-settings')) customElements.define('channel-settings', ChannelSettings);
if (!customElements.get('channel-connect-wizard'))
  customElements.define('channel-connect-wizard', ChannelConnectWizard);

let vectors: Vector[] = [];

before(async () => {
  installCanary();
  vectors = await loadVectors();
});
beforeEach(() => resetCanary());

const TYPES: CredentialFieldType[] = ['text', 'password', 'url', 'email', 'select', 'checkbox'];
const FORMS = 'Hostile Forms';

/** Adds a channel and an account per vector, and one channel whose form fields are all hostile. */
function hostileChannels(f: Fixture): void {
  const template = f.channels.find((c) => c.accountFields?.length) ?? f.channels[0]!;
  const account = f.accounts[0]!;
  vectors.forEach((vector, i) => {
    const channelId = `sec-channel-${i}`;
    f.channels.push({
      ...template,
      id: channelId,
      name: vector.value,
      description: vector.value,
      logoUrl: vector.value,
      installed: i % 3 !== 1,
      authorized: i % 3 !== 2,
    });
    f.accounts.push({ ...account, id: `sec-account-${i}`, channelId, name: vector.value });
  });
  const fields: CredentialField[] = vectors.map((vector, i) => ({
    name: `field${i}`,
    label: vector.value,
    type: TYPES[i % TYPES.length]!,
    required: i % 2 === 0,
    helpText: vector.value,
    pattern: vector.value,
    options: [{ value: vector.value, label: vector.value }],
  }));
  f.channels.unshift({
    ...template,
    id: 'sec-forms',
    name: FORMS,
    description: 'Every credential field is hostile',
    installed: true,
    authorized: true,
    accountFields: fields,
    connectionUrl: undefined,
  });
}

/** All the text a user can read in `host`'s shadow tree. */
const shownText = (host: Element) =>
  deepElements(host.shadowRoot!)
    .flatMap((el) => [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE))
    .map((n) => n.textContent)
    .join('\n');

function missingText(host: Element, wanted: Vector[]): string[] {
  const text = shownText(host);
  return wanted.filter((v) => !text.includes(v.value.trim())).map(label);
}

/**
 * Vectors that no channel card's radio button has, exactly, as its accessible description (the
 * card's description text, which a screen reader reads after the channel's name).
 */
function missingDescriptions(host: Element, wanted: Vector[]): string[] {
  const root = host.shadowRoot!;
  const descriptions = new Set(
    [...root.querySelectorAll('input[type="radio"]')].map((radio) => {
      const [first] = (radio.getAttribute('aria-describedby') ?? '').split(' ');
      return first ? (root.getElementById(first)?.textContent ?? '') : '';
    }),
  );
  return wanted.filter((v) => !descriptions.has(v.value)).map(label);
}

describe('Channels and accounts with the hostile-input corpus', function () {
  this.timeout(120_000);

  it('<channel-settings> shows every hostile account and channel name as text, and nothing runs', async () => {
    const { store } = await makeDesk({ change: hostileChannels });
    const el = await fixture<ChannelSettings>(html`<channel-settings .store=${store}></channel-settings>`);
    await settle(el);
    await findByRole(el, 'table', { name: 'Connected accounts' });
    expectNone(missingText(el, vectors), 'names not shown as text');
    expectNone(unsafeIn(el.shadowRoot!), 'unsafe output');
    await expectNoScriptRan();
  });

  it('<channel-connect-wizard> shows every hostile channel card and credential field as text', async () => {
    const { store } = await makeDesk({ change: hostileChannels });
    const el = await fixture<ChannelConnectWizard>(
      html`<channel-connect-wizard .store=${store}></channel-connect-wizard>`,
    );
    await settle(el);
    await findByRole(el, 'radio', { name: FORMS });
    expectNone(missingText(el, vectors), 'channel cards');
    expectNone(missingDescriptions(el, vectors), 'channel descriptions');
    expectNone(unsafeIn(el.shadowRoot!), 'choose step');

    getByRole<HTMLInputElement>(el, 'radio', { name: FORMS }).click();
    await settle(el);
    getByRole(el, 'button', { name: `Continue with ${FORMS}` }).click();
    await findByRole(el, 'heading', { name: `Connect ${FORMS}` });
    await settle(el);
    expectNone(missingText(el, vectors), 'credential fields');
    expectNone(unsafeIn(el.shadowRoot!), 'credentials step');
    // Submitting validates every field against its hostile pattern: broken ones must not throw.
    getByRole(el, 'button', { name: 'Next' }).click();
    await settle(el);
    expectNone(unsafeIn(el.shadowRoot!), 'after validation');
    await expectNoScriptRan();
  });
});
