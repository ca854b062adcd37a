import { expect, fixture, html } from '@open-wc/testing';

import { HelpDeskError } from '../../src/adapters/errors.js';
import { MemoryAdapter } from '../../src/adapters/memory/index.js';
import type { HelpDesk } from '../../src/elements/help-desk/help-desk.js';
import type { HelpDeskProvider } from '../../src/elements/help-desk-provider/help-desk-provider.js';
import { defineElements } from '../../src/elements/registry.js';
import { createFixture } from '../../src/fixtures/index.js';
import { HelpDeskStore } from '../../src/state/store.js';
import {
  deepActiveElement,
  findByRole,
  nameOf,
  queryAllByRole,
  roleOf,
  visibleText,
  waitFor,
} from '../helpers/queries.js';
import { mountDesk } from './desk.js';
import {
  answerFileChooser,
  byRole,
  expectFocusIn,
  focusReaches,
  press,
  pressUntil,
  tabTo,
  type,
} from './keyboard.js';

defineElements();

/** Opens `id` from the listbox with the keyboard: Tab to it, arrows to the row, Enter. */
async function openFromList(desk: HelpDesk, store: HelpDeskStore, name: RegExp, id: string) {
  const listbox = await tabTo(desk, byRole('listbox', 'Conversations'), 'the conversation list');
  const active = () => listbox.querySelector(`#${listbox.getAttribute('aria-activedescendant')}`);
  for (let i = 0; i < 30 && !name.test(nameOf(active() ?? listbox)); i++) await press('ArrowDown');
  await press('Enter');
  await waitFor(() => store.state.ui.selectedConversationId === id, `${id} open`);
}

describe('Keyboard and focus: focus is never lost after an action', function () {
  this.timeout(60_000);
  // The store keeps drafts and unsent messages in localStorage (this file's page has its own): each
  // test starts from none.
  beforeEach(() => localStorage.clear());

  describe('A narrow desk (one pane at a time)', () => {
    it('opening a conversation from the list takes focus into its thread pane; Back returns to the list', async () => {
      const { desk, store } = await mountDesk(600);
      await openFromList(desk, store, /Refund request/, 'conv-5');
      await findByRole(desk, 'log', 'Messages');
      await focusReaches(byRole('button', 'Back to conversations'), 'the way back');
      expectFocusIn(desk, 'opening a conversation on a narrow desk');
      await press('Enter');
      const listbox = await focusReaches(byRole('listbox', 'Conversations'), 'the conversation list');
      expectFocusIn(desk, 'Back to conversations');
      // The row the rep came from is still the active one.
      const activeId = listbox.getAttribute('aria-activedescendant');
      expect(visibleText(listbox.querySelector(`#${activeId}`)!)).to.match(/Refund request/);
    });

    it('Ticket details and Back to conversation move focus with the pane', async () => {
      const { desk, store } = await mountDesk(600);
      await openFromList(desk, store, /Refund request/, 'conv-5');
      await focusReaches(byRole('button', 'Back to conversations'), 'the way back');
      await tabTo(desk, byRole('button', 'Ticket details'), 'Ticket details');
      await press('Enter');
      await focusReaches(byRole('button', 'Back to conversation'), 'the sidebar way back');
      await press('Enter');
      await focusReaches(byRole('button', 'Back to conversations'), 'the thread way back');
      expectFocusIn(desk, 'Back to conversation');
    });

    it('opening a past conversation from the sidebar takes focus to its thread pane', async () => {
      const { desk, store } = await mountDesk(600);
      await openFromList(desk, store, /Refund request/, 'conv-5');
      await focusReaches(byRole('button', 'Back to conversations'), 'the way back');
      await tabTo(desk, byRole('button', 'Ticket details'), 'Ticket details');
      await press('Enter');
      await tabTo(desk, byRole('button', /Please read our returns policy/), 'a past conversation');
      await press('Enter');
      await waitFor(() => store.state.ui.selectedConversationId === 'conv-4', 'conv-4 open');
      await focusReaches(byRole('button', 'Back to conversations'), 'the thread way back');
      expectFocusIn(desk, 'opening a past conversation on a narrow desk');
    });
  });

  describe('A wide desk', () => {
    it('Send by its button leaves focus in the emptied reply box', async () => {
      const { desk, store, part } = await mountDesk(1280);
      await openFromList(desk, store, /Refund request/, 'conv-5');
      await tabTo(desk, byRole('textbox', 'Reply'), 'the Reply box');
      await type('On its way.');
      await tabTo(desk, byRole('button', 'Send'), 'Send');
      await press('Enter');
      await waitFor(() => visibleText(part('thread-view')).includes('On its way.'), 'the reply');
      await focusReaches(byRole('textbox', 'Reply'), 'the Reply box');
      expectFocusIn(desk, 'Send');
    });

    it('cancelling the form of a conditional status returns focus to More send options', async () => {
      const { desk, store } = await mountDesk(1280);
      await openFromList(desk, store, /Refund request/, 'conv-5');
      await tabTo(desk, byRole('textbox', 'Reply'), 'the Reply box');
      await type('Closing this one.');
      await tabTo(desk, byRole('button', 'More send options'), 'More send options');
      await press('ArrowUp'); // opens at the last stage: Closed
      await focusReaches(byRole('menuitem', 'Send and set status to Closed'), 'the Closed stage');
      await press('Enter');
      await focusReaches(byRole('combobox', 'Resolution'), 'the first required property');
      await press('Escape');
      await focusReaches(byRole('button', 'More send options'), 'More send options');
      expectFocusIn(desk, 'Escape in the status form');
      // And a stage with nothing required sends at once, focus back in the Reply box.
      await press('Enter');
      await pressUntil(
        'ArrowDown',
        byRole('menuitem', 'Send and set status to Waiting on us'),
        'Waiting on us',
      );
      await press('Enter');
      await waitFor(
        () => store.state.tickets.entries['ticket-5']?.ticket?.stageId === 'waiting-on-us',
        'moved',
      );
      await focusReaches(byRole('textbox', 'Reply'), 'the Reply box');
    });

    it("the thread header's Ticket owner menu: Escape and a choice return focus to its button", async () => {
      const { desk, store, part } = await mountDesk(1280);
      await openFromList(desk, store, /Refund request/, 'conv-5');
      const thread = part('thread-view');
      const button = await tabTo(
        desk,
        (el) => byRole('button', 'Ticket owner')(el) && thread.shadowRoot!.contains(el),
        "the thread's Ticket owner button",
      );
      await press('Enter');
      await focusReaches(byRole('menuitemradio'), 'an owner');
      await press('Escape');
      await focusReaches((el) => el === button, 'the Ticket owner button');
      await press('ArrowDown');
      await pressUntil('ArrowDown', byRole('menuitemradio', /^Maya Chen/), 'Maya Chen');
      await press('Enter');
      await waitFor(
        () => store.state.tickets.entries['ticket-5']?.ticket?.ownerId === 'agent-1',
        'reassigned',
      );
      await focusReaches((el) => el === button, 'the Ticket owner button');
      expectFocusIn(desk, 'choosing an owner');
    });

    it('the image dialog takes focus and gives it back to the thumbnail on Escape', async () => {
      const { desk, store, part } = await mountDesk(1280);
      await openFromList(desk, store, /Parrot SMS/, 'conv-8');
      const thread = part('thread-view');
      await findByRole(thread, 'button', /^Open image/);
      const thumbnail = await tabTo(desk, byRole('button', /^Open image/), 'the image');
      await press('Enter');
      const dialog = await findByRole(thread, 'dialog');
      await focusReaches((el) => dialog.contains(el), 'the dialog');
      expect(visibleText(dialog)).to.contain('screenshot.png');
      await press('Escape');
      await focusReaches((el) => el === thumbnail, 'the thumbnail');
      expectFocusIn(desk, 'closing the image dialog');
    });

    it('removing an attachment leaves focus in the Reply box', async () => {
      const { desk, store, part } = await mountDesk(1280);
      await openFromList(desk, store, /Refund request/, 'conv-5');
      await tabTo(desk, byRole('textbox', 'Reply'), 'the Reply box');
      await tabTo(desk, (el) => el.closest('[role="toolbar"]') !== null, 'the toolbar', { backwards: true });
      await pressUntil('ArrowRight', byRole('button', 'Attach file'), 'Attach file');
      const chosen = answerFileChooser([new File(['a'], 'notes.txt', { type: 'text/plain' })]);
      await press('Enter');
      await chosen;
      await findByRole(part('reply-editor'), 'button', 'Remove notes.txt', 5000);
      await tabTo(desk, byRole('button', 'Remove notes.txt'), 'Remove notes.txt');
      await press('Enter');
      await focusReaches(byRole('textbox', 'Reply'), 'the Reply box');
      expectFocusIn(desk, 'removing an attachment');
    });

    it("a failed message's Retry leaves focus on the message", async () => {
      const { adapter, desk, store, part } = await mountDesk(1280);
      await openFromList(desk, store, /Refund request/, 'conv-5');
      const send = adapter.sendMessage.bind(adapter);
      let fail = true;
      adapter.sendMessage = (...args) =>
        fail ? ((fail = false), Promise.reject(new HelpDeskError('invalid', 'Refused'))) : send(...args);
      await store.send('conv-5', { text: 'Try this link.', channel: 'custom' });
      const thread = part('thread-view');
      await findByRole(thread, 'button', 'Retry');
      const article = queryAllByRole(thread, 'article').find((a) =>
        visibleText(a).includes('Try this link.'),
      )!;
      await tabTo(desk, (el) => byRole('button', 'Retry')(el) && article.contains(el), 'Retry');
      await press('Enter');
      // Confirmed by the server, the message is rendered again under its new id: focus follows it.
      const confirmed = await waitFor(
        () =>
          store.state.messages.threads['conv-5']?.ids
            .map((id) => store.state.messages.threads['conv-5']!.byId[id]!)
            .find((m) => m.text === 'Try this link.'),
        'the message confirmed',
      );
      await focusReaches(
        (el) => roleOf(el) === 'article' && visibleText(el).includes('Try this link.'),
        'the message',
      );
      expect(visibleText(deepActiveElement()!)).to.not.contain('Failed');
      expect(deepActiveElement()!.closest('[data-key]')?.getAttribute('data-key')).to.equal(confirmed.id);
      expectFocusIn(desk, 'Retry');
    });

    it('Try again on a thread that failed to load leaves focus in the log', async () => {
      const { adapter, desk, store, part } = await mountDesk(1280);
      const list = adapter.listMessages.bind(adapter);
      let fail = true;
      adapter.listMessages = (id, page) =>
        fail && id === 'conv-5'
          ? ((fail = false), Promise.reject(new HelpDeskError('unavailable', 'Down')))
          : list(id, page);
      await openFromList(desk, store, /Refund request/, 'conv-5');
      const thread = part('thread-view');
      await findByRole(thread, 'button', 'Try again');
      await tabTo(desk, byRole('button', 'Try again'), 'Try again');
      await press('Enter');
      await waitFor(() => queryAllByRole(thread, 'article').length > 3, 'the messages');
      await focusReaches(byRole('log', 'Messages'), 'the log');
      expectFocusIn(desk, 'Try again');
    });

    it('Try again on earlier messages that failed to load leaves focus in the log', async () => {
      const adapter = new MemoryAdapter({ fixture: createFixture({ seed: 1, conversations: 30 }) });
      // Three messages a page: the first fills little of the log, so the earlier ones are asked for at once.
      const store = new HelpDeskStore(adapter, { storage: null, pageSize: 3 });
      const list = adapter.listMessages.bind(adapter);
      let fail = true;
      adapter.listMessages = (id, page) =>
        fail && id === 'conv-5' && page.before
          ? ((fail = false), Promise.reject(new HelpDeskError('unavailable', 'Down')))
          : list(id, page);
      void store.start();
      try {
        const provider = await fixture<HelpDeskProvider>(
          html`<help-desk-provider .store=${store} style="display:block;width:1280px;height:800px">
            <help-desk></help-desk>
          </help-desk-provider>`,
        );
        const desk = provider.querySelector('help-desk') as HelpDesk;
        await waitFor(() => queryAllByRole(desk, 'option').length > 3, 'the conversations');
        await openFromList(desk, store, /Refund request/, 'conv-5');
        const thread = desk.shadowRoot!.querySelector('thread-view')!;
        await findByRole(thread, 'button', 'Try again');
        expect(visibleText(thread)).to.contain('Earlier messages could not be loaded.');
        await tabTo(desk, byRole('button', 'Try again'), 'Try again');
        const shown = queryAllByRole(thread, 'article').length;
        await press('Enter');
        await waitFor(() => queryAllByRole(thread, 'article').length > shown, 'the earlier messages');
        await focusReaches(byRole('log', 'Messages'), 'the log');
        expectFocusIn(desk, 'Try again');
      } finally {
        store.dispose();
      }
    });

    it("Try again in the sidebar leaves focus on its section's heading", async () => {
      const { adapter, desk, store, part } = await mountDesk(1280);
      const getContact = adapter.getContact.bind(adapter);
      let fail = true;
      adapter.getContact = (id) =>
        fail ? ((fail = false), Promise.reject(new HelpDeskError('unavailable', 'Down'))) : getContact(id);
      await openFromList(desk, store, /Refund request/, 'conv-5');
      const sidebar = part('ticket-sidebar');
      await findByRole(sidebar, 'button', 'Try again');
      expect(visibleText(sidebar)).to.contain('The contact could not be loaded.');
      await tabTo(
        desk,
        (el) => byRole('button', 'Try again')(el) && sidebar.shadowRoot!.contains(el),
        'Try again',
      );
      await press('Enter');
      await waitFor(() => visibleText(sidebar).includes('Emma Reyes'), 'the contact');
      await focusReaches(byRole('button', 'Contact'), 'the Contact heading');
      expectFocusIn(desk, 'Try again in the sidebar');
    });

    it('"New messages" takes the rep to the newest message and leaves focus in the log', async () => {
      const { adapter, desk, store, part } = await mountDesk(1280, 400);
      await openFromList(desk, store, /Refund request/, 'conv-5');
      const thread = part('thread-view');
      const log = await findByRole(thread, 'log', 'Messages');
      // Tabbing through the thread scrolls it to its end: be in the Reply box first, then scroll up.
      await tabTo(desk, byRole('textbox', 'Reply'), 'the Reply box');
      await waitFor(() => log.scrollHeight > log.clientHeight + 100, 'a scrolling thread');
      log.scrollTop = 0;
      await waitFor(() => log.scrollTop === 0, 'scrolled up');
      await new Promise((resolve) => setTimeout(resolve, 100));
      await adapter.receive({ channelAccountId: 'acc-lumen', conversationId: 'conv-5', text: 'Hello?' });
      await findByRole(thread, 'button', 'New messages');
      await tabTo(desk, byRole('button', 'New messages'), 'New messages', { backwards: true });
      await press('Enter');
      await focusReaches((el) => el === log, 'the log');
      expectFocusIn(desk, 'New messages');
    });
  });
});
