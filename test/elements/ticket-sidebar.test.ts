import { expect, fixture, html } from '@open-wc/testing';

import type { TicketSidebar } from '../../src/elements/ticket-sidebar/ticket-sidebar.js';
import { expectNoAxeViolations } from '../helpers/axe.js';
import { getByRole, queryAllByRole, queryByRole, visibleText } from '../helpers/queries.js';
import { click } from '../helpers/ticket-sidebar-actions.js';
import { contact, makeAdapter, makeDesk, mountSidebar, settle } from '../helpers/ticket-sidebar-fixture.js';

const headings = (el: Element) => queryAllByRole(el, 'heading').map((h) => visibleText(h));

describe('<ticket-sidebar>', () => {
  describe('Defaults', () => {
    it('shows the selected conversation’s ticket, contact and past conversations', async () => {
      const { store } = await makeDesk();
      const el = await mountSidebar(store);
      expect(headings(el)).to.deep.equal(['Ticket', 'Properties', 'Contact', 'Past conversations']);
      expect(getByRole(el, 'button', 'Order #123 late')).to.exist;
      expect(getByRole<HTMLSelectElement>(el, 'combobox', 'Status').value).to.equal('new');
      expect(getByRole(el, 'button', 'Ticket owner Ana Souza')).to.exist;
      expect(getByRole<HTMLSelectElement>(el, 'combobox', 'Priority').value).to.equal('high');
      expect(getByRole<HTMLInputElement>(el, 'textbox', 'Product').value).to.equal('Lamp');
      expect(getByRole<HTMLSelectElement>(el, 'combobox', 'Category').value).to.equal('orders');
      const text = visibleText(el);
      expect(text).to.include('Support pipeline');
      expect(text).to.include('legacyCode X-9'); // a property the pipeline does not define, read-only
      expect(text).to.include('Maria Silva').and.include('Acme').and.include('Contact owner Bruno Lima');
      expect(text).to.include('Tracked Yes');
      await expectNoAxeViolations(el);
    });

    it('lists the contact’s other conversations newest first, with the channel’s icon named', async () => {
      const { store } = await makeDesk();
      const el = await mountSidebar(store);
      // c1 is on screen, so it is not among its contact's past conversations.
      const items = queryAllByRole(el, 'button', /Login trouble|Invoice question|Where is my order/);
      expect(items).to.have.length(2);
      expect(visibleText(items[0]!)).to.match(/^Lumen Chat Login trouble Open/);
      expect(visibleText(items[1]!)).to.match(/^Email Invoice question Closed/);
      const icons = queryAllByRole<HTMLImageElement>(el, 'img');
      expect(icons.map((i) => i.alt)).to.deep.equal(['Lumen Chat', 'Email']);
      expect(icons.every((i) => i.src.startsWith('data:image/svg+xml'))).to.be.true;
    });

    it('says so when no conversation is selected', async () => {
      const { store } = await makeDesk(makeAdapter(), null);
      const el = await mountSidebar(store);
      expect(visibleText(el)).to.include('No conversation selected');
      await expectNoAxeViolations(el);
    });

    it('says "No ticket for this conversation" and "Unknown contact" when the conversation has neither', async () => {
      const { store } = await makeDesk(makeAdapter(), 'c4');
      const el = await mountSidebar(store);
      const text = visibleText(el);
      expect(text).to.include('No ticket for this conversation');
      expect(text).to.include('Unknown contact');
      expect(queryByRole(el, 'combobox', 'Status')).to.equal(null);
      await expectNoAxeViolations(el);
    });
  });

  describe('Attributes and properties', () => {
    it('shows the sections `sections` names, in its order', async () => {
      const { store } = await makeDesk();
      const el = await mountSidebar(
        store,
        html`<ticket-sidebar .store=${store} sections="contact ticket"></ticket-sidebar>`,
      );
      expect(headings(el)).to.deep.equal(['Contact', 'Ticket', 'Properties']);
      el.sections = 'past, contact';
      await settle(el);
      expect(headings(el)).to.deep.equal(['Past conversations', 'Contact']);
    });

    it('follows `conversation-id` rather than the selection', async () => {
      const { store } = await makeDesk();
      const el = await mountSidebar(
        store,
        html`<ticket-sidebar .store=${store} conversation-id="c4"></ticket-sidebar>`,
      );
      expect(visibleText(el)).to.include('No ticket for this conversation');
    });

    it('shows the ticket `ticket-id` names, and the contact from the ticket', async () => {
      const { store } = await makeDesk(makeAdapter(), null);
      const el = await mountSidebar(
        store,
        html`<ticket-sidebar .store=${store} ticket-id="t1"></ticket-sidebar>`,
      );
      expect(getByRole(el, 'button', 'Order #123 late')).to.exist;
      expect(visibleText(el)).to.include('Maria Silva');
    });

    it('starts with the sections `collapsed` names collapsed', async () => {
      const { store } = await makeDesk();
      const el = await mountSidebar(
        store,
        html`<ticket-sidebar
          .store=${store}
          collapsed="past"
          storage-key="fresh-${Math.random()}"
        ></ticket-sidebar>`,
      );
      expect(getByRole(el, 'button', 'Past conversations').getAttribute('aria-expanded')).to.equal('false');
      expect(queryByRole(el, 'button', /Login trouble/)).to.equal(null);
    });

    it('takes the host’s panels in the `before` and `after` slots', async () => {
      const { store } = await makeDesk();
      const el = await mountSidebar(
        store,
        html`<ticket-sidebar .store=${store}
          ><p slot="before">Notes</p>
          <p slot="after">Orders</p></ticket-sidebar
        >`,
      );
      const text = visibleText(el);
      expect(text.startsWith('Notes')).to.be.true;
      expect(text.endsWith('Orders')).to.be.true;
    });
  });

  describe('Collapsing sections', () => {
    const key = 'sidebar-test-collapse';
    afterEach(() => localStorage.removeItem(`${key}:ticket-sidebar:collapsed`));

    it('collapses a section and remembers it across a remount', async () => {
      const { store } = await makeDesk();
      const mount = () =>
        mountSidebar(store, html`<ticket-sidebar .store=${store} storage-key=${key}></ticket-sidebar>`);
      let el = await mount();
      const toggle = getByRole(el, 'button', 'Contact');
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      await click(el, 'button', 'Contact');
      expect(getByRole(el, 'button', 'Contact').getAttribute('aria-expanded')).to.equal('false');
      expect(visibleText(el)).not.to.include('Maria Silva');
      await expectNoAxeViolations(el);
      el.remove();
      el = await mount();
      expect(getByRole(el, 'button', 'Contact').getAttribute('aria-expanded')).to.equal('false');
      await click(el, 'button', 'Contact');
      expect(visibleText(el)).to.include('Maria Silva');
    });
  });

  describe('Events', () => {
    it('fires `ticket-open` when the ticket’s name is activated', async () => {
      const { store } = await makeDesk();
      const el = await mountSidebar(store);
      let detail: unknown;
      el.addEventListener('ticket-open', (e) => (detail = e.detail));
      await click(el, 'button', 'Order #123 late');
      expect(detail).to.deep.equal({ ticketId: 't1', conversationId: 'c1' });
    });

    it('selects a past conversation in the store and fires `conversation-select`', async () => {
      const { store } = await makeDesk();
      const el = await mountSidebar(store);
      const seen: string[] = [];
      el.addEventListener('conversation-select', (e) => seen.push(e.detail.conversationId));
      await click(el, 'button', /Login trouble/);
      expect(seen).to.deep.equal(['c3']);
      expect(store.state.ui.selectedConversationId).to.equal('c3');
      await settle(el);
      // The sidebar follows the selection: c1 is now a past conversation of the same contact.
      expect(queryByRole(el, 'button', /Where is my order/)).to.exist;
    });

    it('leaves the selection alone when the host cancels `conversation-select`', async () => {
      const { store } = await makeDesk();
      const el = await mountSidebar(store);
      el.addEventListener('conversation-select', (e) => e.preventDefault());
      await click(el, 'button', /Login trouble/);
      expect(store.state.ui.selectedConversationId).to.equal('c1');
    });
  });

  describe('Contact', () => {
    it('links the email and phone with mailto: and tel:', async () => {
      const { store } = await makeDesk();
      const el = await mountSidebar(store);
      expect(getByRole<HTMLAnchorElement>(el, 'link', 'maria@example.com').href).to.equal(
        'mailto:maria@example.com',
      );
      expect(getByRole<HTMLAnchorElement>(el, 'link', '+1 415 555 0100').href).to.equal('tel:+14155550100');
    });

    it('renders hostile contact data as text, with no link or picture from it', async () => {
      const adapter = makeAdapter();
      adapter.contacts.set(
        'contact-1',
        contact({
          name: '<script>window.hacked = 1</script><img src=x onerror="window.hacked = 2">',
          email: 'javascript:alert(1)',
          phone: 'javascript:alert(2)',
          company: '<b>Evil</b>',
          avatarUrl: 'javascript:alert(3)',
        }),
      );
      const { store } = await makeDesk(adapter);
      const el = await mountSidebar(store);
      const text = visibleText(el);
      expect(text).to.include('<script>window.hacked = 1</script>');
      expect(text).to.include('javascript:alert(1)').and.include('<b>Evil</b>');
      expect(queryAllByRole(el, 'link')).to.have.length(0);
      expect(el.shadowRoot!.querySelector('script, b, img[src="x"], img[src^="javascript"]')).to.equal(null);
      expect((window as { hacked?: number }).hacked).to.equal(undefined);
    });
  });

  describe('Loading and errors', () => {
    it('shows loading while the ticket is on its way', async () => {
      const adapter = makeAdapter();
      const { store } = await makeDesk(adapter);
      const release = adapter.pause('getTicket');
      const el = await mountSidebar(store);
      expect(getByRole(el, 'status').textContent).to.include('Loading ticket…');
      await expectNoAxeViolations(el);
      release();
      await settle(el);
      expect(getByRole(el, 'button', 'Order #123 late')).to.exist;
    });

    it('says the ticket failed to load and loads it again on "Try again"', async () => {
      const adapter = makeAdapter();
      adapter.fail('getTicket');
      const { store } = await makeDesk(adapter);
      const el = await mountSidebar(store);
      expect(visibleText(el)).to.include('The ticket could not be loaded. Backend down');
      await expectNoAxeViolations(el);
      adapter.heal('getTicket');
      await click(el, 'button', 'Try again');
      expect(getByRole(el, 'button', 'Order #123 late')).to.exist;
    });

    it('offers "Try again" when the contact or past conversations fail to load', async () => {
      const adapter = makeAdapter();
      adapter.fail('getContact');
      adapter.fail('listPastConversations');
      const { store } = await makeDesk(adapter);
      const el = await mountSidebar(store);
      expect(visibleText(el)).to.include('The contact could not be loaded.');
      expect(visibleText(el)).to.include('Past conversations could not be loaded.');
      expect(queryAllByRole(el, 'button', 'Try again')).to.have.length(2);
      await expectNoAxeViolations(el);
      adapter.heal('getContact');
      adapter.heal('listPastConversations');
      for (const retry of queryAllByRole(el, 'button', 'Try again')) retry.click();
      await settle(el);
      expect(visibleText(el)).to.include('Maria Silva');
      expect(queryByRole(el, 'button', /Login trouble/)).to.exist;
    });

    it('shows "Unknown contact" when the contact no longer exists', async () => {
      const adapter = makeAdapter();
      adapter.contacts.clear();
      const { store } = await makeDesk(adapter);
      const el = await fixture<TicketSidebar>(html`<ticket-sidebar .store=${store}></ticket-sidebar>`);
      await settle(el);
      expect(visibleText(el)).to.include('Unknown contact');
    });
  });
});
