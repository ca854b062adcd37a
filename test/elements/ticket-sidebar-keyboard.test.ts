import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';

import { HelpDeskProvider } from '../../src/elements/help-desk-provider/help-desk-provider.js';
import { expectNoAxeViolations } from '../helpers/axe.js';
import { getByRole, queryAllByRole, queryByRole, visibleText } from '../helpers/queries.js';
import { makeAdapter, makeDesk, mountSidebar, settle } from '../helpers/ticket-sidebar-fixture.js';

if (!customElements.get('help-desk-provider')) customElements.define('help-desk-provider', HelpDeskProvider);

const focused = (el: Element) => el.shadowRoot!.activeElement as HTMLElement | null;

describe('<ticket-sidebar> keyboard and accessibility', () => {
  it('moves through the owner menu with Home, End, arrows and a typed letter', async () => {
    const { store } = await makeDesk();
    const el = await mountSidebar(store);
    getByRole(el, 'button', /^Ticket owner/).focus();
    await sendKeys({ press: 'ArrowUp' }); // opens on the last item
    await settle(el);
    expect(visibleText(focused(el)!)).to.equal('Unassigned');
    await sendKeys({ press: 'Home' });
    expect(visibleText(focused(el)!)).to.match(/^Ana Souza/);
    await sendKeys({ press: 'ArrowUp' }); // wraps
    expect(visibleText(focused(el)!)).to.equal('Unassigned');
    await sendKeys({ press: 'b' });
    expect(visibleText(focused(el)!)).to.match(/^Bruno Lima/);
    await sendKeys({ press: 'b' });
    expect(visibleText(focused(el)!)).to.equal('Billing team');
    await sendKeys({ press: 'End' });
    await sendKeys({ press: ' ' });
    await settle(el);
    expect(store.state.tickets.entries['t1']!.ticket!.ownerId).to.equal(null);
    expect(getByRole(el, 'button', 'Ticket owner Unassigned')).to.exist;
  });

  it('closes the owner menu when focus leaves it', async () => {
    const { store } = await makeDesk();
    const el = await mountSidebar(store);
    getByRole(el, 'button', /^Ticket owner/).click();
    await settle(el);
    expect(queryByRole(el, 'menu')).to.exist;
    await sendKeys({ press: 'Tab' });
    await settle(el);
    expect(queryByRole(el, 'menu')).to.equal(null);
    expect(getByRole(el, 'button', /^Ticket owner/).getAttribute('aria-expanded')).to.equal('false');
  });

  it('toggles a section from the keyboard', async () => {
    const { store } = await makeDesk();
    const el = await mountSidebar(
      store,
      html`<ticket-sidebar .store=${store} storage-key="kbd-${Math.random()}"></ticket-sidebar>`,
    );
    getByRole(el, 'button', 'Past conversations').focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(getByRole(el, 'button', 'Past conversations').getAttribute('aria-expanded')).to.equal('false');
    await sendKeys({ press: ' ' });
    await settle(el);
    expect(getByRole(el, 'button', 'Past conversations').getAttribute('aria-expanded')).to.equal('true');
  });

  it('labels each section region by its heading, at the level `heading-level` asks for', async () => {
    const { store } = await makeDesk();
    const el = await mountSidebar(
      store,
      html`<ticket-sidebar .store=${store} heading-level="3"></ticket-sidebar>`,
    );
    expect(queryAllByRole(el, 'region').map((r) => r.getAttribute('aria-labelledby'))).to.deep.equal([
      'ticket-heading',
      'contact-heading',
      'past-conversations-heading',
    ]);
    const levels = queryAllByRole(el, 'heading').map(
      (h) => `${visibleText(h)}:${h.getAttribute('aria-level')}`,
    );
    expect(levels).to.deep.equal(['Ticket:3', 'Properties:4', 'Contact:3', 'Past conversations:3']);
  });

  it('shows a loading contact, not an unknown one, while a `ticket-id`’s ticket loads', async () => {
    const adapter = makeAdapter();
    const { store } = await makeDesk(adapter, null);
    const release = adapter.pause('getTicket');
    const el = await mountSidebar(
      store,
      html`<ticket-sidebar .store=${store} ticket-id="t1"></ticket-sidebar>`,
    );
    const text = visibleText(el);
    expect(text).to.include('Loading ticket…').and.include('Loading contact…');
    expect(text).not.to.include('Unknown contact');
    await expectNoAxeViolations(el);
    release();
    await settle(el);
    await settle(el);
    expect(visibleText(el)).to.include('Maria Silva');
  });

  it('is loading as a whole while the conversation it is given has not arrived', async () => {
    const adapter = makeAdapter();
    const release = adapter.pause('listConversations');
    const { HelpDeskStore } = await import('../../src/state/store.js');
    const store = new HelpDeskStore(adapter, { storage: null });
    const started = store.start();
    const el = await mountSidebar(
      store,
      html`<ticket-sidebar .store=${store} conversation-id="c1"></ticket-sidebar>`,
    );
    expect(getByRole(el, 'status').textContent).to.include('Loading…');
    release();
    await started;
    await settle(el);
    expect(getByRole(el, 'button', 'Order #123 late')).to.exist;
  });

  it('passes axe in the dark theme, with the store from the provider', async () => {
    const { store } = await makeDesk();
    const el = await mountSidebar(
      store,
      html`<help-desk-provider .store=${store} theme="dark"
        ><ticket-sidebar></ticket-sidebar
      ></help-desk-provider>`,
    );
    const sidebar = el.querySelector('ticket-sidebar')!;
    await settle(sidebar);
    await expectNoAxeViolations(sidebar);
  });
});
