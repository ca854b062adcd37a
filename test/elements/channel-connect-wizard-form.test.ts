import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { firstValueFrom } from 'rxjs';

import { HelpDeskError } from '../../src/adapters/errors.js';
import type { ChannelConnectWizard } from '../../src/elements/channel-connect-wizard/channel-connect-wizard.js';
import { expectNoAxeViolations } from '../helpers/axe.js';
import { hasFocus, makeDesk, pasteInto, settle, typeInto } from '../helpers/channel-fixtures.js';
import {
  button,
  chooseChannel,
  expectStep,
  fillLumen,
  mountWizard,
  routePulseForms,
  textbox,
} from '../helpers/channel-wizard.js';
import { descriptionOf, findByRole, getByRole, queryAllByRole } from '../helpers/queries.js';

const describedText = (input: HTMLElement) => descriptionOf(input);

describe('<channel-connect-wizard> credentials', () => {
  it('checks required fields on "Next", ties each message to its field, and focuses the first', async () => {
    const { store } = await makeDesk();
    const el = await mountWizard(store);
    await chooseChannel(el, 'Lumen Chat');
    button(el, 'Next').click();
    await settle(el);
    const workspace = textbox(el, 'Workspace name (required)');
    expect(workspace.getAttribute('aria-invalid')).to.equal('true');
    expect(describedText(workspace)).to.contain('Fill in this field.');
    expect(hasFocus(workspace)).to.be.true;
    expect(el.shadowRoot!.textContent).to.contain('Check the fields marked below.');
    getByRole(el, 'heading', { name: 'Connect Lumen Chat' });
    await expectNoAxeViolations(el);
  });

  it('checks a pattern, a URL and an e-mail as the admin types, and clears the message once right', async () => {
    const { store } = await makeDesk();
    const el = await mountWizard(store);
    await chooseChannel(el, 'Lumen Chat');
    const token = textbox(el, 'Bot token (required)');
    await typeInto(token, 'abc');
    await settle(el);
    expect(describedText(token)).to.contain(`Doesn't match the expected format.`);
    token.select();
    await sendKeys({ type: 'lc_abcdefghijklmnop' });
    await settle(el);
    expect(token.getAttribute('aria-invalid')).to.equal('false');

    const url = textbox(el, 'Webhook URL (required)');
    await typeInto(url, 'javascript:alert(1)');
    await settle(el);
    expect(describedText(url)).to.contain('Enter a full web address, starting with https://');
    const email = textbox(el, 'Alerts e-mail');
    await typeInto(email, 'not-an-address');
    await settle(el);
    expect(describedText(email)).to.contain('Enter an e-mail address');
  });

  it('refuses a 10,000-character value with a message and keeps it', async () => {
    const { store } = await makeDesk();
    const el = await mountWizard(store);
    await chooseChannel(el, 'Lumen Chat');
    const workspace = textbox(el, 'Workspace name (required)');
    pasteInto(workspace, 'x'.repeat(10_000));
    await settle(el);
    expect(describedText(workspace)).to.contain('Too long: at most 2000 characters (this has 10000).');
    expect(workspace.value).to.have.length(10_000);
  });

  it('shows and hides a password', async () => {
    const { store } = await makeDesk();
    const el = await mountWizard(store);
    await chooseChannel(el, 'Lumen Chat');
    expect(textbox(el, 'API key (required)').type).to.equal('password');
    button(el, 'Show API key').click();
    await settle(el);
    expect(textbox(el, 'API key (required)').type).to.equal('text');
    button(el, 'Hide API key').click();
    await settle(el);
    expect(textbox(el, 'API key (required)').type).to.equal('password');
  });

  it('goes back to the credentials when the channel refuses the key, keeps what was typed, and connects once corrected', async () => {
    const { store } = await makeDesk();
    const el = await mountWizard(store);
    await chooseChannel(el, 'Lumen Chat');
    await fillLumen(el, 'invalid');
    button(el, 'Next').click();
    await expectStep(el, 'Route tickets from this channel');
    button(el, 'Next').click();
    await findByRole(el, 'heading', { name: 'Connect Lumen Chat' });
    await settle(el);
    expect(getByRole(el, 'alert').textContent).to.contain('refused the API key');
    expect(textbox(el, 'Workspace name (required)').value).to.equal('acme');
    const key = textbox(el, 'API key (required)');
    key.select();
    await sendKeys({ type: 'good-key' });
    button(el, 'Next').click();
    await expectStep(el, 'Route tickets from this channel');
    button(el, 'Next').click();
    await expectStep(el, 'Lumen: support site is connected');
  });

  it("shows the adapter's field errors at their fields until they are changed", async () => {
    let calls = 0;
    const { store } = await makeDesk({
      wrap: (m) => {
        const connect = m.connectAccount.bind(m);
        m.connectAccount = (input) => {
          calls += 1;
          if (calls === 1) {
            return Promise.reject(
              new HelpDeskError('invalid', 'Check these fields: Workspace name.', {
                fieldErrors: { workspace: 'No such workspace.' },
              }),
            );
          }
          return connect(input);
        };
        return m;
      },
    });
    const el = await mountWizard(store);
    await chooseChannel(el, 'Lumen Chat');
    await fillLumen(el);
    button(el, 'Next').click();
    await expectStep(el, 'Route tickets from this channel');
    button(el, 'Next').click();
    await findByRole(el, 'heading', { name: 'Connect Lumen Chat' });
    await settle(el);
    const workspace = textbox(el, 'Workspace name (required)');
    expect(describedText(workspace)).to.contain('No such workspace.');
    expect(hasFocus(workspace)).to.be.true;
    await expectNoAxeViolations(el);
    await sendKeys({ type: '-2' });
    await settle(el);
    expect(describedText(workspace)).to.not.contain('No such workspace.');
  });

  it('keeps everything on a timeout, and never connects twice when "Next" is pressed twice', async () => {
    let calls = 0;
    let release: () => void = () => {};
    const { store } = await makeDesk({
      wrap: (m) => {
        const connect = m.connectAccount.bind(m);
        m.connectAccount = async (input) => {
          calls += 1;
          if (calls === 1) throw new HelpDeskError('unavailable', 'The request timed out.');
          await new Promise<void>((resolve) => (release = resolve));
          return connect(input);
        };
        return m;
      },
    });
    const el = await mountWizard(store);
    await routePulseForms(el, 'form-9');
    button(el, 'Next').click();
    await settle(el);
    expect(getByRole(el, 'alert').textContent).to.contain('The request timed out.');
    getByRole(el, 'heading', { name: 'Route tickets from this channel' });
    button(el, 'Next').click();
    await settle(el);
    expect(button(el, 'Connecting…').getAttribute('aria-disabled')).to.equal('true');
    button(el, 'Connecting…').click();
    await settle(el);
    release();
    await expectStep(el, 'Pulse Forms account is connected');
    expect(calls).to.equal(2);
    expect(
      (await firstValueFrom(store.accounts$)).filter((a) => a.name === 'Pulse Forms account'),
    ).to.have.length(1);
  });

  it('renders hostile channel data as text and never loads a javascript: logo', async () => {
    const { store } = await makeDesk({
      change: (f) => {
        const c = f.channels[3]!;
        c.name = '<script>window.__pwned=1</script>';
        c.description = '<img src=x onerror="window.__pwned=1">';
        c.logoUrl = 'javascript:window.__pwned=1';
        c.accountFields = [
          {
            name: 'formId',
            label: '<b onclick=alert(1)>Form</b>',
            type: 'text',
            required: true,
            helpText: '<i>help</i>',
          },
        ];
      },
    });
    const el = await mountWizard(store);
    const radio = getByRole(el, 'radio', { name: '<script>window.__pwned=1</script>' });
    const card = radio.closest('li')!;
    expect(card.querySelector('script, img[src="x"], b')).to.be.null;
    expect(card.querySelector('img')).to.be.null;
    expect(card.textContent).to.contain('<img src=x onerror="window.__pwned=1">');
    radio.click();
    await settle(el);
    button(el, 'Continue with <script>window.__pwned=1</script>').click();
    await settle(el);
    textbox(el, '<b onclick=alert(1)>Form</b> (required)');
    expect(el.shadowRoot!.querySelector('b, i')).to.be.null;
    expect((window as { __pwned?: number }).__pwned).to.be.undefined;
  });
});

describe('<channel-connect-wizard> cancel and modal', () => {
  it('asks before discarding what was typed: "Keep editing" keeps it, "Discard" leaves', async () => {
    const { store } = await makeDesk();
    const el = await mountWizard(store);
    await chooseChannel(el, 'Pulse Forms');
    await typeInto(textbox(el, 'Form ID (required)'), 'typed');
    await sendKeys({ press: 'Escape' });
    let dialog = await findByRole(el, 'dialog', { name: 'Discard what you typed?' });
    await expectNoAxeViolations(el);
    getByRole(dialog, 'button', { name: 'Keep editing' }).click();
    await settle(el);
    expect(textbox(el, 'Form ID (required)').value).to.equal('typed');
    let cancelled = false;
    el.addEventListener('channel-connect-cancel', () => (cancelled = true));
    button(el, 'Cancel').click();
    dialog = await findByRole(el, 'dialog', { name: 'Discard what you typed?' });
    getByRole(dialog, 'button', { name: 'Discard' }).click();
    await settle(el);
    expect(cancelled).to.be.true;
    getByRole(el, 'heading', { name: 'Choose a channel' });
  });

  it('works as a modal dialog: opens on `open`, Escape asks, "Done" closes', async () => {
    const { store } = await makeDesk();
    const el = await fixture<ChannelConnectWizard>(
      html`<channel-connect-wizard .store=${store} modal open></channel-connect-wizard>`,
    );
    await settle(el);
    await findByRole(el, 'dialog', { name: 'Choose a channel' });
    await chooseChannel(el, 'Pulse Forms');
    await typeInto(textbox(el, 'Form ID (required)'), 'x1');
    await sendKeys({ press: 'Escape' });
    const confirm = await findByRole(el, 'dialog', { name: 'Discard what you typed?' });
    getByRole(confirm, 'button', { name: 'Keep editing' }).click();
    await settle(el);
    expect(el.open).to.be.true;
    button(el, 'Next').click();
    await expectStep(el, 'Route tickets from this channel');
    button(el, 'Next').click();
    await expectStep(el, 'Pulse Forms account is connected');
    await expectNoAxeViolations(el);
    button(el, 'Done').click();
    await settle(el);
    expect(el.open).to.be.false;
    expect(queryAllByRole(el, 'dialog')).to.have.length(0);
  });
});
