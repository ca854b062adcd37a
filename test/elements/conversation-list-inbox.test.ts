import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';

import { createFixture } from '../../src/fixtures/index.js';
import { HelpDeskStore } from '../../src/state/store.js';
import {
  listbox,
  MemoryStorage,
  mountList,
  options,
  stubNotifications,
} from '../helpers/conversation-list-fixture.js';
import { getByRole, nameOf, queryAllByRole, waitFor } from '../helpers/conversation-list-queries.js';

const positions = (list: Element) => options(list).map((row) => nameOf(row).slice(0, 30));
const optionFor = (list: Element, name: RegExp) => getByRole(listbox(list), 'option', { name });

describe('<conversation-list> views and notifications', function () {
  // Generous: other suites share these two CPU cores; nothing here asserts on time.
  this.timeout(30_000);

  describe('Views', () => {
    it('lists the saved views in a "Views" menu and applies the one chosen', async () => {
      const { list, store } = await mountList();
      const button = getByRole(list, 'button', { name: 'Views' });
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      button.click();
      const menu = await waitFor(() => getByRole(list, 'menu', { name: 'Views' }));
      expect(button.getAttribute('aria-expanded')).to.equal('true');
      const items = queryAllByRole(menu, 'menuitemradio').map((item) => nameOf(item));
      expect(items).to.deep.equal([
        'All conversations',
        'My open conversations',
        'WhatsApp: unassigned',
        'Refunds',
      ]);
      // Focus went into the menu; arrows move, Enter picks.
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'Enter' });
      await waitFor(() => store.state.conversations.query.viewId === 'view-refunds');
      expect(queryAllByRole(list, 'menu')).to.have.length(0);
      // The view's text is highlighted in the rows it brings.
      await waitFor(() => options(list).length > 0 && queryAllByRole(listbox(list), 'mark').length > 0);
      button.click();
      await waitFor(
        () => getByRole(list, 'menuitemradio', { name: 'Refunds' }).getAttribute('aria-checked') === 'true',
      );
      await sendKeys({ press: 'Escape' });
      await waitFor(() => queryAllByRole(list, 'menu').length === 0);
    });

    it('saves the current filters as a view under a name the rep gives', async () => {
      const { list, store } = await mountList();
      const status = getByRole(list, 'combobox', { name: 'Status' }) as HTMLSelectElement;
      status.value = 'closed';
      status.dispatchEvent(new Event('change'));
      getByRole(list, 'button', { name: 'Views' }).click();
      (await waitFor(() => getByRole(list, 'menuitem', { name: 'Save view' }))).click();
      const dialog = await waitFor(() => getByRole(list, 'dialog', { name: 'Save view' }));
      const name = getByRole(dialog, 'textbox', { name: 'View name' });
      name.focus();
      // Nothing typed: the dialog says what is missing and stays open.
      getByRole(dialog, 'button', { name: 'Save' }).click();
      await waitFor(() => getByRole(dialog, 'alert').textContent!.includes('Give the view a name'));
      await sendKeys({ type: 'Closed <b>ones</b>' });
      getByRole(dialog, 'button', { name: 'Save' }).click();
      await waitFor(() => store.state.conversations.views.some((v) => v.name === 'Closed <b>ones</b>'));
      const saved = store.state.conversations.views.find((v) => v.name === 'Closed <b>ones</b>')!;
      expect(saved.filters).to.deep.equal({ status: 'closed' });
      await waitFor(() => store.state.conversations.query.viewId === saved.id);
      await waitFor(() => queryAllByRole(list, 'dialog').length === 0);
      getByRole(list, 'button', { name: 'Views' }).click();
      const item = await waitFor(() => getByRole(list, 'menuitemradio', { name: 'Closed <b>ones</b>' }));
      expect(item.getAttribute('aria-checked')).to.equal('true');
    });
  });

  describe('Notifications', () => {
    let desktop: ReturnType<typeof stubNotifications>;
    afterEach(() => desktop?.restore());

    it('is a switch, off by default, whose choice persists', async () => {
      const storage = new MemoryStorage();
      const { list, store, adapter } = await mountList({ storage });
      const toggle = getByRole(list, 'switch', { name: 'Notifications' });
      expect(toggle.getAttribute('aria-checked')).to.equal('false');
      toggle.click();
      await list.updateComplete;
      expect(toggle.getAttribute('aria-checked')).to.equal('true');
      expect(store.state.ui.notificationsEnabled).to.be.true;
      const again = new HelpDeskStore(adapter, { storage });
      expect(again.state.ui.notificationsEnabled).to.be.true;
      again.dispose();
    });

    it('off: an incoming message raises the unread count and nothing else moves or pops up', async () => {
      desktop = stubNotifications('granted');
      const { list, memory } = await mountList();
      const before = positions(list);
      expect(nameOf(optionFor(list, /^Camila Pereira Pulse Forms/))).not.to.contain('unread');
      await memory.receive({ channelAccountId: 'acc-pulse', conversationId: 'conv-5', text: 'Any news?' });
      await waitFor(() => nameOf(optionFor(list, /^Camila Pereira Pulse Forms/)).includes('1 unread'));
      expect(nameOf(optionFor(list, /^Camila Pereira Pulse Forms/))).to.contain('Any news?');
      expect(positions(list).map((p) => p.slice(0, 14))).to.deep.equal(before.map((p) => p.slice(0, 14)));
      expect(desktop.shown).to.have.length(0);
    });

    it('on: the conversation moves up, what the rep is looking at stays put, and a desktop notification shows', async () => {
      desktop = stubNotifications('granted');
      const { list, memory, store } = await mountList({
        data: createFixture({ seed: 3, conversations: 60 }),
      });
      getByRole(list, 'switch', { name: 'Notifications' }).click();
      const box = listbox(list);
      // Scroll so that row 10 is the first one in view.
      const rowHeight = options(list)[0]!.getBoundingClientRect().height;
      box.scrollTop = rowHeight * 10;
      await waitFor(() => options(list).some((row) => row.getAttribute('aria-posinset') === '11'));
      const firstVisible = () => {
        const top = box.getBoundingClientRect().top;
        return options(list).find((row) => row.getBoundingClientRect().bottom > top + 1)!;
      };
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const anchor = nameOf(firstVisible());
      const target = store.state.conversations.ids[40]!;
      const conversation = store.state.conversations.byId[target]!;
      await memory.receive({
        channelAccountId: conversation.channelAccountId!,
        conversationId: target,
        text: 'Hello again',
      });
      await waitFor(() => store.state.conversations.ids[0] === target);
      await waitFor(() => nameOf(firstVisible()) === anchor);
      expect(desktop.shown).to.have.length(1);
      expect(desktop.shown[0]!.options?.body).to.equal('Hello again');
      // Back at the top, the conversation is first, with its unread count raised.
      box.scrollTop = 0;
      await waitFor(
        () =>
          options(list)[0]!.getAttribute('aria-posinset') === '1' &&
          nameOf(options(list)[0]!).includes('Hello again'),
      );
      expect(nameOf(options(list)[0]!)).to.match(/\d+ unread/);
    });

    it('on, without notification permission: the list updates, no desktop notification', async () => {
      desktop = stubNotifications('denied');
      const { list, memory, store } = await mountList();
      getByRole(list, 'switch', { name: 'Notifications' }).click();
      await memory.receive({ channelAccountId: 'acc-pulse', conversationId: 'conv-5', text: 'Ping' });
      await waitFor(() => store.state.conversations.ids[0] === 'conv-5');
      await waitFor(() => nameOf(options(list)[0]!).includes('Ping'));
      expect(desktop.shown).to.have.length(0);
    });

    it('does not notify about the conversation that is open', async () => {
      desktop = stubNotifications('granted');
      const { list, memory } = await mountList();
      getByRole(list, 'switch', { name: 'Notifications' }).click();
      optionFor(list, /^Camila Pereira Pulse Forms/).click();
      await memory.receive({ channelAccountId: 'acc-pulse', conversationId: 'conv-5', text: 'Still there?' });
      await waitFor(() => nameOf(options(list)[0]!).includes('Still there?'));
      expect(desktop.shown).to.have.length(0);
    });
  });
});
