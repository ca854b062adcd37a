import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { firstValueFrom } from 'rxjs';

import { HelpDeskError } from '../../src/adapters/errors.js';
import { ChannelConnectWizard } from '../../src/elements/channel-connect-wizard/channel-connect-wizard.js';
import { ChannelSettings } from '../../src/elements/channel-settings/channel-settings.js';
import type { HelpDeskStore } from '../../src/state/store.js';
import { expectNoAxeViolations } from '../helpers/axe.js';
import { hasFocus, makeDesk, press, settle } from '../helpers/channel-fixtures.js';
import { button, expectStep } from '../helpers/channel-wizard.js';
import { findByRole, getByRole, queryAllByRole } from '../helpers/queries.js';

if (!customElements.get('channel-settings')) customElements.define('channel-settings', ChannelSettings);

async function mountSettings(store: HelpDeskStore) {
  const el = await fixture<ChannelSettings>(html`<channel-settings .store=${store}></channel-settings>`);
  await settle(el);
  return el;
}

const row = (el: Element, name: string) =>
  getByRole(el, 'row', { name: new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) });
const statusOf = (el: Element, name: string) => getByRole(row(el, name), 'switch', { name: 'Status' });

describe('<channel-settings>', () => {
  describe('Defaults', () => {
    it('lists connected accounts with channel, name, "Status" switch, created date, "Edit" and "Delete"', async () => {
      const { store } = await makeDesk();
      const el = await mountSettings(store);
      const table = getByRole(el, 'table', { name: 'Connected accounts' });
      expect(queryAllByRole(table, 'row')).to.have.length(6);
      const lumen = row(el, 'Lumen: website chat');
      expect(lumen.textContent).to.contain('Lumen Chat');
      expect(lumen.querySelector('time')!.dateTime).to.match(/^\d{4}-/);
      expect(statusOf(el, 'Lumen: website chat').getAttribute('aria-checked')).to.equal('true');
      expect(statusOf(el, 'Parrot SMS: old number').getAttribute('aria-checked')).to.equal('false');
      expect(row(el, 'Parrot SMS: old number').textContent).to.contain('Off');
      getByRole(lumen, 'button', { name: 'Edit' });
      getByRole(lumen, 'button', { name: 'Delete' });
      await expectNoAxeViolations(el);
    });

    it('shows its empty and error states', async () => {
      const empty = await makeDesk({ change: (f) => (f.accounts = []) });
      const el = await mountSettings(empty.store);
      expect(el.shadowRoot!.textContent).to.contain('No channel accounts are connected yet.');
      await expectNoAxeViolations(el);
      const failing = await makeDesk({
        wrap: (m) => {
          m.listAccounts = () => Promise.reject(new HelpDeskError('unavailable', 'Backend down'));
          return m;
        },
      });
      const broken = await mountSettings(failing.store);
      expect(broken.shadowRoot!.textContent).to.contain(`Couldn't load the channel accounts: Backend down`);
      getByRole(broken, 'button', { name: 'Try again' });
      await expectNoAxeViolations(broken);
    });

    it('renders hostile account and channel names as text', async () => {
      const { store } = await makeDesk({
        change: (f) => {
          f.accounts[0]!.name = '<img src=x onerror="window.__hacked=1">';
          f.channels[0]!.name = '<script>window.__hacked=1</script>';
          f.channels[0]!.logoUrl = 'javascript:window.__hacked=1';
        },
      });
      const el = await mountSettings(store);
      const hostile = row(el, '<img src=x');
      expect(hostile.querySelector('script, img[src="x"]')).to.be.null;
      expect(hostile.textContent).to.contain('<script>window.__hacked=1</script>');
      expect(hostile.querySelector('img.logo')).to.be.null;
      expect((window as { __hacked?: number }).__hacked).to.be.undefined;
    });
  });

  describe('Delete', () => {
    it('asks with a dialog whose confirm reads "Delete account"; Cancel keeps the account', async () => {
      const { store } = await makeDesk();
      const el = await mountSettings(store);
      getByRole(row(el, 'Pulse: contact form'), 'button', { name: 'Delete' }).click();
      const dialog = await findByRole(el, 'dialog', { name: 'Delete Pulse: contact form?' });
      await expectNoAxeViolations(el);
      getByRole(dialog, 'button', { name: 'Cancel' }).click();
      await settle(el);
      row(el, 'Pulse: contact form');
      expect(queryAllByRole(el, 'dialog')).to.have.length(0);

      getByRole(row(el, 'Pulse: contact form'), 'button', { name: 'Delete' }).click();
      const again = await findByRole(el, 'dialog', { name: 'Delete Pulse: contact form?' });
      getByRole(again, 'button', { name: 'Delete account' }).click();
      await settle(el);
      expect(queryAllByRole(el, 'row', { name: /Pulse: contact form/ })).to.have.length(0);
      expect((await firstValueFrom(store.accounts$)).map((a) => a.id)).to.not.include('acc-pulse');
      expect(el.shadowRoot!.textContent).to.contain('Pulse: contact form was deleted.');
    });

    it('puts the account back with a message when the backend refuses', async () => {
      const { store } = await makeDesk({
        wrap: (m) => {
          m.deleteAccount = () => Promise.reject(new HelpDeskError('conflict', 'The account is busy.'));
          return m;
        },
      });
      const el = await mountSettings(store);
      getByRole(row(el, 'Pulse: contact form'), 'button', { name: 'Delete' }).click();
      const dialog = await findByRole(el, 'dialog', { name: 'Delete Pulse: contact form?' });
      getByRole(dialog, 'button', { name: 'Delete account' }).click();
      await settle(el);
      row(el, 'Pulse: contact form');
      expect(getByRole(el, 'alert').textContent).to.contain(
        `Couldn't delete Pulse: contact form: The account is busy.`,
      );
    });
  });

  describe('Status', () => {
    it('turns an account off after "Turn off" in a dialog (not after Cancel or Escape), and on again without asking', async () => {
      const { store } = await makeDesk();
      const el = await mountSettings(store);
      press(statusOf(el, 'Lumen: website chat'));
      let dialog = await findByRole(el, 'dialog', { name: 'Turn off Lumen: website chat?' });
      getByRole(dialog, 'button', { name: 'Cancel' }).click();
      await settle(el);
      expect(statusOf(el, 'Lumen: website chat').getAttribute('aria-checked')).to.equal('true');
      expect(hasFocus(statusOf(el, 'Lumen: website chat'))).to.be.true;

      press(statusOf(el, 'Lumen: website chat'));
      dialog = await findByRole(el, 'dialog', { name: 'Turn off Lumen: website chat?' });
      expect(hasFocus(getByRole(dialog, 'button', { name: 'Cancel' }))).to.be.true;
      await sendKeys({ press: 'Escape' });
      await settle(el);
      expect(queryAllByRole(el, 'dialog')).to.have.length(0);
      expect(statusOf(el, 'Lumen: website chat').getAttribute('aria-checked')).to.equal('true');

      press(statusOf(el, 'Lumen: website chat'));
      dialog = await findByRole(el, 'dialog', { name: 'Turn off Lumen: website chat?' });
      getByRole(dialog, 'button', { name: 'Turn off' }).click();
      await settle(el);
      expect(statusOf(el, 'Lumen: website chat').getAttribute('aria-checked')).to.equal('false');
      expect((await firstValueFrom(store.accounts$)).find((a) => a.id === 'acc-lumen')!.status).to.equal(
        'disabled',
      );

      press(statusOf(el, 'Lumen: website chat'));
      await settle(el);
      expect(queryAllByRole(el, 'dialog')).to.have.length(0);
      expect(statusOf(el, 'Lumen: website chat').getAttribute('aria-checked')).to.equal('true');
      expect((await firstValueFrom(store.accounts$)).find((a) => a.id === 'acc-lumen')!.status).to.equal(
        'active',
      );
    });

    it('rolls back with a message when the backend refuses to turn it off', async () => {
      const { store } = await makeDesk({
        wrap: (m) => {
          m.updateAccount = () => Promise.reject(new HelpDeskError('unavailable', 'Timed out.'));
          return m;
        },
      });
      const el = await mountSettings(store);
      press(statusOf(el, 'Lumen: website chat'));
      const dialog = await findByRole(el, 'dialog', { name: 'Turn off Lumen: website chat?' });
      getByRole(dialog, 'button', { name: 'Turn off' }).click();
      await settle(el);
      expect(statusOf(el, 'Lumen: website chat').getAttribute('aria-checked')).to.equal('true');
      expect(getByRole(el, 'alert').textContent).to.contain(
        `Couldn't turn off Lumen: website chat: Timed out.`,
      );
    });
  });

  describe('Connect and edit', () => {
    it('"Connect a channel" opens a menu whose "Connect a new channel" starts the wizard', async () => {
      const { store } = await makeDesk();
      const el = await mountSettings(store);
      const menuButton = button(el, 'Connect a channel');
      menuButton.focus();
      await sendKeys({ press: 'ArrowDown' });
      await settle(el);
      const item = getByRole(el, 'menuitem', { name: 'Connect a new channel' });
      expect(hasFocus(item)).to.be.true;
      await sendKeys({ press: 'Escape' });
      await settle(el);
      expect(queryAllByRole(el, 'menuitem')).to.have.length(0);
      expect(hasFocus(menuButton)).to.be.true;

      menuButton.click();
      await settle(el);
      getByRole(el, 'menuitem', { name: 'Connect a new channel' }).click();
      await settle(el);
      const wizard = el.shadowRoot!.querySelector('channel-connect-wizard')!;
      await findByRole(wizard, 'dialog', { name: 'Choose a channel' });
      await expectStep(wizard, 'Choose a channel');
      await expectNoAxeViolations(el);

      getByRole(wizard, 'radio', { name: 'Pulse Forms' }).click();
      await settle(el);
      button(wizard, 'Continue with Pulse Forms').click();
      await expectStep(wizard, 'Connect Pulse Forms');
      getByRole<HTMLInputElement>(wizard, 'textbox', { name: 'Form ID (required)' }).focus();
      await sendKeys({ type: 'website-2' });
      button(wizard, 'Next').click();
      await expectStep(wizard, 'Route tickets from this channel');
      button(wizard, 'Next').click();
      await expectStep(wizard, 'Pulse Forms account is connected');
      button(wizard, 'Done').click();
      await settle(el);
      expect(queryAllByRole(el, 'dialog')).to.have.length(0);
      row(el, 'Pulse Forms account');
    });

    it('"Edit" opens the wizard on the account: secrets never shown, routing changed and saved', async () => {
      const { store } = await makeDesk();
      const el = await mountSettings(store);
      getByRole(row(el, 'Lumen: website chat'), 'button', { name: 'Edit' }).click();
      await settle(el);
      const wizard = el.shadowRoot!.querySelector('channel-connect-wizard')!;
      await expectStep(wizard, 'Edit Lumen: website chat');
      expect(
        getByRole<HTMLInputElement>(wizard, 'textbox', { name: 'Workspace name (required)' }).value,
      ).to.equal('acme-support');
      const token = getByRole<HTMLInputElement>(wizard, 'textbox', { name: 'Bot token' });
      expect(token.value).to.equal('');
      expect(token.type).to.equal('password');
      await expectNoAxeViolations(el);
      button(wizard, 'Next').click();
      await expectStep(wizard, 'Route tickets from this channel');
      // The stored routing is shown back: the property and the chosen users and teams.
      getByRole(wizard, 'button', { name: 'Remove property Category' });
      expect(queryAllByRole(wizard, 'button', { name: /^Remove (?!property)/ })).to.have.length(3);
      getByRole(wizard, 'radio', { name: 'Contact owner' }).click();
      await settle(el);
      button(wizard, 'Save').click();
      await expectStep(wizard, 'Lumen: website chat is saved');
      const saved = (await firstValueFrom(store.accounts$)).find((a) => a.id === 'acc-lumen')!;
      expect(saved.routing.assignment).to.deep.equal({ mode: 'contact-owner' });
      expect(saved.credentials).to.not.have.property('botToken');
      button(wizard, 'Done').click();
      await settle(el);
      expect(queryAllByRole(el, 'dialog')).to.have.length(0);
    });

    it('uses the wizard registered under its own prefix', async () => {
      const { store } = await makeDesk();
      if (!customElements.get('acme-channel-settings')) {
        customElements.define('acme-channel-settings', class extends ChannelSettings {});
        customElements.define('acme-channel-connect-wizard', class extends ChannelConnectWizard {});
      }
      const el = document.createElement('acme-channel-settings') as ChannelSettings;
      el.store = store;
      document.body.append(el);
      await settle(el);
      expect(el.shadowRoot!.querySelector('acme-channel-connect-wizard')).to.not.be.null;
      el.remove();
    });

    it('shows a turned-off account as off in the editor too', async () => {
      const { store } = await makeDesk();
      const el = await mountSettings(store);
      getByRole(row(el, 'Parrot SMS: old number'), 'button', { name: 'Edit' }).click();
      await settle(el);
      const wizard = el.shadowRoot!.querySelector('channel-connect-wizard')!;
      await expectStep(wizard, 'Edit Parrot SMS: old number');
      expect(wizard.shadowRoot!.textContent).to.contain('This account is turned off');
    });
  });
});
