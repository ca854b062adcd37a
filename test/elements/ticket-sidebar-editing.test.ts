import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';

import { HelpDeskError } from '../../src/adapters/errors.js';
import { withFaults } from '../../src/testing/index.js';
import { expectNoAxeViolations } from '../helpers/axe.js';
import { descriptionOf, getByRole, queryAllByRole, queryByRole, visibleText } from '../helpers/queries.js';
import { chooseOption, click, typeInto } from '../helpers/ticket-sidebar-actions.js';
import {
  makeAdapter,
  makeDesk,
  makeMemoryDesk,
  mountSidebar,
  settle,
} from '../helpers/ticket-sidebar-fixture.js';
import { ticket } from '../state/fake-adapter.js';

const shown = (store: { state: { tickets: { entries: Record<string, { ticket: unknown }> } } }, id = 't1') =>
  store.state.tickets.entries[id]!.ticket as ReturnType<typeof ticket>;

describe('<ticket-sidebar> editing the ticket', () => {
  describe('Ticket owner', () => {
    it('reassigns the ticket from the "Ticket owner" menu', async () => {
      const { store, adapter } = await makeDesk();
      const el = await mountSidebar(store);
      await click(el, 'button', 'Ticket owner Ana Souza');
      const menu = getByRole(el, 'menu', 'Ticket owner');
      expect(queryAllByRole(menu, 'menuitemradio').map((i) => visibleText(i))).to.deep.equal([
        'Ana Souza, Online',
        'Bruno Lima, Away',
        'Carla Dias, Offline',
        'Billing team',
        'Unassigned',
      ]);
      expect(getByRole(menu, 'menuitemradio', /^Ana Souza/).getAttribute('aria-checked')).to.equal('true');
      await expectNoAxeViolations(el);
      await click(el, 'menuitemradio', /^Billing team/);
      expect(queryByRole(el, 'menu')).to.equal(null);
      expect(getByRole(el, 'button', 'Ticket owner Billing team')).to.exist;
      expect(adapter.tickets.get('t1')!.ownerId).to.equal('team-1');
      expect(shown(store).ownerId).to.equal('team-1');
    });

    it('works from the keyboard: arrows, Enter, and Escape back to the button', async () => {
      const { store } = await makeDesk();
      const el = await mountSidebar(store);
      const button = getByRole(el, 'button', /^Ticket owner/);
      button.focus();
      await sendKeys({ press: 'Enter' });
      await settle(el);
      expect(el.shadowRoot!.activeElement?.textContent).to.include('Ana Souza');
      await sendKeys({ press: 'Escape' });
      await settle(el);
      expect(queryByRole(el, 'menu')).to.equal(null);
      expect(el.shadowRoot!.activeElement).to.equal(button);
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'Enter' });
      await settle(el);
      expect(shown(store).ownerId).to.equal('agent-2');
      expect(el.shadowRoot!.activeElement?.id).to.equal('owner-button');
      expect(getByRole(el, 'button', 'Ticket owner Bruno Lima')).to.exist;
    });

    it('rolls the owner back and says why when the adapter refuses', async () => {
      const { store, adapter } = await makeDesk();
      adapter.fail('updateTicket', new HelpDeskError('conflict', 'Someone else changed this ticket.'));
      const el = await mountSidebar(store);
      await click(el, 'button', /^Ticket owner/);
      await click(el, 'menuitemradio', /^Carla Dias/);
      expect(getByRole(el, 'button', 'Ticket owner Ana Souza')).to.exist;
      expect(visibleText(el)).to.include(
        'The ticket owner was not changed: Someone else changed this ticket.',
      );
      await expectNoAxeViolations(el);
    });

    it('ends consistent when the sidebar and another owner menu change the owner at once', async () => {
      const { store, adapter } = await makeDesk();
      store.connect();
      const el = await mountSidebar(store);
      const other = await mountSidebar(store); // stands for the thread header reading the same entity
      const release = adapter.pause('updateTicket');
      await click(el, 'button', /^Ticket owner/);
      await click(el, 'menuitemradio', /^Bruno Lima/);
      const racing = store.updateTicket('t1', { ownerId: 'agent-3' }); // the thread header's change
      release();
      await racing;
      await settle(el);
      await settle(other);
      const final = adapter.tickets.get('t1')!.ownerId;
      expect(shown(store).ownerId).to.equal(final);
      const name = final === 'agent-2' ? 'Bruno Lima' : 'Carla Dias';
      expect(getByRole(el, 'button', `Ticket owner ${name}`)).to.exist;
      expect(getByRole(other, 'button', `Ticket owner ${name}`)).to.exist;
    });
  });

  describe('Status', () => {
    it('asks for the required properties of a conditional status, and moves once they are given', async () => {
      const { store, conversationId } = await makeMemoryDesk();
      const open = store.state.conversations.ids.find((id) => {
        const c = store.state.conversations.byId[id]!;
        return c.ticketId && c.status === 'open';
      })!;
      store.selectConversation(open ?? conversationId);
      const el = await mountSidebar(store);
      const ticketId = store.state.conversations.byId[open]!.ticketId!;
      const before = shown(store, ticketId).stageId;
      await chooseOption(el, getByRole(el, 'combobox', 'Status'), 'Closed');
      const form = getByRole(el, 'form', 'Required to move to Closed');
      expect(shown(store, ticketId).stageId).to.equal(before);
      await expectNoAxeViolations(el);

      // Moving without them is refused in place, each field saying what it needs.
      getByRole(form, 'textbox', 'Close reason').focus(); // clear any prefilled reason
      await sendKeys({ down: 'Control' });
      await sendKeys({ press: 'a' });
      await sendKeys({ up: 'Control' });
      await sendKeys({ press: 'Backspace' });
      await click(el, 'button', 'Move to Closed');
      const reason = getByRole(el, 'textbox', 'Close reason');
      expect(reason.getAttribute('aria-invalid')).to.equal('true');
      expect(descriptionOf(reason)).to.equal('Fill this in to move the ticket to Closed.');
      expect(shown(store, ticketId).stageId).to.equal(before);
      await expectNoAxeViolations(el);

      await chooseOption(el, getByRole(el, 'combobox', 'Resolution'), 'Solved');
      await typeInto(el, getByRole(el, 'textbox', 'Close reason'), 'Customer confirmed the fix.', false);
      await click(el, 'button', 'Move to Closed');
      expect(queryByRole(el, 'form')).to.equal(null);
      expect(getByRole<HTMLSelectElement>(el, 'combobox', 'Status').value).to.equal('closed');
      expect(shown(store, ticketId)).to.deep.include({ stageId: 'closed' });
      expect(shown(store, ticketId).properties).to.deep.include({
        resolution: 'solved',
        closeReason: 'Customer confirmed the fix.',
      });
    });

    it('shows the adapter’s field errors next to the fields they name', async () => {
      const { store, adapter } = await makeDesk();
      adapter.fail(
        'updateTicket',
        new HelpDeskError('invalid', "The ticket can't be saved. Fill in or fix: Close reason.", {
          fieldErrors: { closeReason: 'Too short to explain the closing.' },
        }),
        true,
      );
      const el = await mountSidebar(store);
      await chooseOption(el, getByRole(el, 'combobox', 'Status'), 'Closed');
      await chooseOption(el, getByRole(el, 'combobox', 'Resolution'), 'Refunded');
      await typeInto(el, getByRole(el, 'textbox', 'Close reason'), 'ok', false);
      await click(el, 'button', 'Move to Closed');
      const reason = getByRole(el, 'textbox', 'Close reason');
      expect(descriptionOf(reason)).to.equal('Too short to explain the closing.');
      expect(visibleText(el)).to.include("The status was not changed: The ticket can't be saved.");
      expect(shown(store).stageId).to.equal('new');
      await expectNoAxeViolations(el);
      await typeInto(el, reason, ' — refund issued', false);
      await click(el, 'button', 'Move to Closed');
      expect(shown(store).stageId).to.equal('closed');
      expect(adapter.tickets.get('t1')!.properties['closeReason']).to.equal('ok — refund issued');
    });

    it('moves at once to a status that needs nothing, and Cancel leaves a conditional one unchosen', async () => {
      const { store } = await makeDesk();
      const el = await mountSidebar(store);
      await chooseOption(el, getByRole(el, 'combobox', 'Status'), 'Waiting on us');
      expect(shown(store).stageId).to.equal('waiting');
      await chooseOption(el, getByRole(el, 'combobox', 'Status'), 'Closed');
      await click(el, 'button', 'Cancel');
      expect(queryByRole(el, 'form')).to.equal(null);
      const status = getByRole<HTMLSelectElement>(el, 'combobox', 'Status');
      expect(status.value).to.equal('waiting');
      expect(el.shadowRoot!.activeElement).to.equal(status);
    });
  });

  describe('Properties', () => {
    it('saves a property on change', async () => {
      const { store, adapter } = await makeDesk();
      const el = await mountSidebar(store);
      const product = getByRole<HTMLInputElement>(el, 'textbox', 'Product');
      await typeInto(el, product, ' Pro');
      expect(adapter.tickets.get('t1')!.properties['product']).to.equal('Lamp Pro');
      await chooseOption(el, getByRole(el, 'combobox', 'Priority'), 'Urgent');
      expect(adapter.tickets.get('t1')!.priority).to.equal('urgent');
      getByRole(el, 'checkbox', 'VIP customer').click();
      await settle(el);
      expect(adapter.tickets.get('t1')!.properties['vip']).to.equal(true);
    });

    it('rolls a refused value back, with a message next to the field', async () => {
      const faulty = await makeDesk(
        withFaults(makeAdapter(), { failRate: 1, failMethods: ['updateTicket'], failCode: 'invalid' }),
      );
      const el = await mountSidebar(faulty.store);
      const product = getByRole<HTMLInputElement>(el, 'textbox', 'Product');
      await typeInto(el, product, ' Max');
      expect(product.value).to.equal('Lamp');
      expect(shown(faulty.store).properties['product']).to.equal('Lamp');
      expect(product.getAttribute('aria-invalid')).to.equal('true');
      expect(descriptionOf(product)).to.include('Injected fault: updateTicket failed');
      expect(getByRole(el, 'alert', undefined).textContent).to.include('Product was not saved');
      await expectNoAxeViolations(el);
    });

    it('keeps what the rep is typing when a ticket update arrives meanwhile', async () => {
      const { store, adapter } = await makeDesk();
      store.connect();
      const el = await mountSidebar(store);
      const product = getByRole<HTMLInputElement>(el, 'textbox', 'Product');
      await typeInto(el, product, ' Deluxe', false);
      const theirs = {
        ...adapter.tickets.get('t1')!,
        priority: 'low' as const,
        properties: { product: 'Chair' },
      };
      adapter.tickets.set('t1', theirs);
      adapter.emit({ type: 'ticket.updated', seq: 5, ticket: theirs });
      await settle(el);
      expect(getByRole<HTMLSelectElement>(el, 'combobox', 'Priority').value).to.equal('low');
      expect(product.value).to.equal('Lamp Deluxe');
      await sendKeys({ press: 'Enter' });
      await settle(el);
      expect(adapter.tickets.get('t1')!.properties['product']).to.equal('Lamp Deluxe');
      expect(product.value).to.equal('Lamp Deluxe');
    });

    it('puts the saved value back on Escape', async () => {
      const { store } = await makeDesk();
      const el = await mountSidebar(store, html`<ticket-sidebar .store=${store}></ticket-sidebar>`);
      const product = getByRole<HTMLInputElement>(el, 'textbox', 'Product');
      await typeInto(el, product, 'zzz', false);
      await sendKeys({ press: 'Escape' });
      await settle(el);
      expect(product.value).to.equal('Lamp');
    });
  });
});
