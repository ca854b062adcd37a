import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { firstValueFrom } from 'rxjs';

import type { WizardActionEvent } from '../../src/elements/channel-connect-wizard/channel-connect-wizard.events.js';
import { expectNoAxeViolations } from '../helpers/axe.js';
import { makeDesk, settle, typeInto } from '../helpers/channel-fixtures.js';
import {
  button,
  chooseChannel,
  expectStep,
  fillLumen,
  mountWizard,
  routePulseForms,
  textbox,
} from '../helpers/channel-wizard.js';
import { getByRole, queryAllByRole } from '../helpers/queries.js';

describe('<channel-connect-wizard>', () => {
  describe('Choose channel', () => {
    it('lists the installed channels as cards, with a step indicator, and continues once one is chosen', async () => {
      const { store } = await makeDesk();
      const el = await mountWizard(store);
      getByRole(el, 'heading', { name: 'Choose a channel' });
      const steps = getByRole(el, 'list', { name: 'Steps' });
      expect(
        queryAllByRole(steps, 'listitem').map((li) => li.textContent!.replace(/\s+/g, ' ').trim()),
      ).to.have.length(4);
      expect(steps.querySelector('[aria-current="step"]')!.textContent).to.contain('Choose channel');
      const continueButton = button(el, 'Continue');
      expect(continueButton.disabled).to.be.true;
      getByRole(el, 'radio', { name: 'Parrot SMS' }).click();
      await settle(el);
      expect(button(el, 'Continue with Parrot SMS').disabled).to.be.false;
      await expectNoAxeViolations(el);
    });

    it('offers "Install" and "Authorize again" for channels that cannot be used yet, for the host to act on', async () => {
      const { store } = await makeDesk();
      const el = await mountWizard(store);
      expect(getByRole<HTMLInputElement>(el, 'radio', { name: 'Beacon Notify' }).disabled).to.be.true;
      expect(getByRole<HTMLInputElement>(el, 'radio', { name: 'Kiosk Messenger' }).disabled).to.be.true;
      setTimeout(() => button(el, 'Install').click());
      const install = await oneEvent(el, 'channel-install');
      expect(install.detail.channel.id).to.equal('beacon-notify');
      setTimeout(() => button(el, 'Authorize again').click());
      const authorize = await oneEvent(el, 'channel-authorize');
      expect(authorize.detail.channel.id).to.equal('kiosk-messenger');
    });
  });

  describe('Connecting end to end', () => {
    it('connects Lumen Chat with ticket properties and routing to specific users and teams', async () => {
      const { store, fixture } = await makeDesk();
      const el = await mountWizard(store);
      await chooseChannel(el, 'Lumen Chat');
      await expectNoAxeViolations(el);
      await fillLumen(el);
      button(el, 'Next').click();
      await expectStep(el, 'Route tickets from this channel');

      getByRole(el, 'checkbox', { name: 'Set ticket properties for this channel' }).click();
      await settle(el);
      const property = getByRole<HTMLSelectElement>(el, 'combobox', { name: 'Property' });
      property.value = 'category';
      property.dispatchEvent(new Event('change', { bubbles: true }));
      await settle(el);
      const value = getByRole<HTMLSelectElement>(el, 'combobox', { name: 'Value' });
      value.value = 'billing';
      value.dispatchEvent(new Event('change', { bubbles: true }));

      getByRole(el, 'switch', { name: 'Automatically assign tickets' }).click();
      await settle(el);
      getByRole(el, 'radio', { name: 'Specific users and teams' }).click();
      await settle(el);
      const agent = fixture.agents[1]!;
      const team = fixture.teams[0]!;
      await typeInto(getByRole(el, 'searchbox', { name: 'Search users and teams' }), agent.name.slice(0, 4));
      await settle(el);
      getByRole(el, 'checkbox', { name: agent.name }).click();
      await settle(el);
      await typeInto(getByRole(el, 'searchbox', { name: 'Search users and teams' }), '');
      getByRole<HTMLInputElement>(el, 'searchbox', { name: 'Search users and teams' }).select();
      await sendKeys({ press: 'Backspace' });
      await settle(el);
      getByRole(el, 'checkbox', { name: team.name }).click();
      await settle(el);
      getByRole(el, 'button', { name: `Remove ${agent.name}` });
      await expectNoAxeViolations(el);

      const connected = new Promise<CustomEvent>((resolve) =>
        el.addEventListener('channel-connected', (e) => resolve(e as unknown as CustomEvent), { once: true }),
      );
      button(el, 'Next').click();
      await expectStep(el, 'Lumen: support site is connected');
      const account = (await connected).detail.account;
      expect(account.routing).to.deep.equal({
        ticketProperties: { category: 'billing' },
        assignment: { mode: 'users-teams', userIds: [agent.id], teamIds: [team.id] },
      });
      const accounts = await firstValueFrom(store.accounts$);
      expect(accounts.map((a) => a.name)).to.include('Lumen: support site');
      expect(accounts.find((a) => a.id === account.id)!.credentials).to.not.have.property('apiKey');
      await expectNoAxeViolations(el);
    });

    it('routes to the contact owner, explaining what that needs', async () => {
      const { store } = await makeDesk();
      const el = await mountWizard(store);
      await routePulseForms(el);
      getByRole(el, 'switch', { name: 'Automatically assign tickets' }).click();
      await settle(el);
      getByRole(el, 'radio', { name: 'Contact owner' }).click();
      await settle(el);
      expect(el.shadowRoot!.textContent).to.contain('The contact must have an owner and be tracked');
      expect(el.shadowRoot!.textContent).to.contain('the message goes to the owner by e-mail');
      button(el, 'Next').click();
      await expectStep(el, 'Pulse Forms account is connected');
      const accounts = await firstValueFrom(store.accounts$);
      expect(accounts.at(-1)!.routing.assignment).to.deep.equal({ mode: 'contact-owner' });
    });

    it('asks for at least one user or team before connecting with "Specific users and teams"', async () => {
      const { store } = await makeDesk();
      const el = await mountWizard(store);
      await routePulseForms(el);
      getByRole(el, 'switch', { name: 'Automatically assign tickets' }).click();
      await settle(el);
      getByRole(el, 'radio', { name: 'Specific users and teams' }).click();
      await settle(el);
      button(el, 'Next').click();
      await settle(el);
      const search = getByRole(el, 'searchbox', { name: 'Search users and teams' });
      expect(el.shadowRoot!.getElementById(search.getAttribute('aria-describedby')!)!.textContent).to.equal(
        'Choose at least one user or team.',
      );
      expect((await firstValueFrom(store.accounts$)).length).to.equal(5);
    });

    it('skips routing without a help-desk seat (can-route="false") and says so', async () => {
      const { store } = await makeDesk();
      const el = await mountWizard(store, { canRoute: false });
      expect(el.canRoute).to.be.false;
      await chooseChannel(el, 'Pulse Forms');
      expect(el.shadowRoot!.textContent).to.contain('Routing needs a help desk seat');
      await typeInto(textbox(el, 'Form ID (required)'), 'form-7');
      button(el, 'Next').click();
      await expectStep(el, 'Pulse Forms account is connected');
      expect((await firstValueFrom(store.accounts$)).at(-1)!.routing.assignment).to.deep.equal({
        mode: 'none',
      });
    });
  });

  describe('Connected step', () => {
    async function connectPulse() {
      const desk = await makeDesk();
      const el = await mountWizard(desk.store);
      await routePulseForms(el);
      button(el, 'Next').click();
      await expectStep(el, 'Pulse Forms account is connected');
      return { ...desk, el };
    }

    it('"Connect another account" restarts at the same channel\'s credentials, empty', async () => {
      const { el } = await connectPulse();
      setTimeout(() => button(el, 'Connect another account').click());
      const event = (await oneEvent(el, 'connect-another')) as WizardActionEvent;
      expect(event.detail.account?.name).to.equal('Pulse Forms account');
      await expectStep(el, 'Connect Pulse Forms');
      expect(textbox(el, 'Form ID (required)').value).to.equal('');
    });

    it('"Connect a channel" restarts at choosing a channel', async () => {
      const { el } = await connectPulse();
      setTimeout(() => button(el, 'Connect a channel').click());
      await oneEvent(el, 'connect-channel');
      await expectStep(el, 'Choose a channel');
    });

    it('"Go to help desk" and "Done" are for the host', async () => {
      const { el } = await connectPulse();
      setTimeout(() => button(el, 'Go to help desk').click());
      await oneEvent(el, 'go-to-help-desk');
      const again = await connectPulse();
      setTimeout(() => button(again.el, 'Done').click());
      await oneEvent(again.el, 'done');
    });
  });
});
