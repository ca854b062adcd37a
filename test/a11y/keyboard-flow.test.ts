import { expect } from '@open-wc/testing';

import type { HelpDesk } from '../../src/elements/help-desk/help-desk.js';
import { defineElements } from '../../src/elements/registry.js';
import type { HelpDeskStore } from '../../src/state/store.js';
import { findByRole, nameOf, queryAllByRole, visibleText, waitFor } from '../helpers/queries.js';
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

// Seed 1: Emma Reyes has conv-1, conv-4, conv-5 (ticket "Refund request #10004", owner Beatriz Souza),
// conv-24 and conv-27; the support pipeline's "Closed" stage requires Resolution and Close reason.
const CONVERSATION = 'conv-5';
const TARGET_ID = 'conv-5-m5';
const TICKET = 'ticket-5';
const REPLY = 'Yes: 20% off the annual plan. The price list is attached.';
const PAST = 'conv-4';
const TARGET_TEXT = 'Is there a discount for annual plans?';

/** The conversation's confirmed messages, oldest first. */
function sentMessages(store: HelpDeskStore) {
  const thread = store.state.messages.threads[CONVERSATION];
  return thread ? thread.ids.map((id) => thread.byId[id]!) : [];
}

/** The element (list, thread, editor, sidebar) of the desk, inside its shadow root. */
function part<K extends keyof HTMLElementTagNameMap>(desk: HelpDesk, tag: K): HTMLElementTagNameMap[K] {
  return desk.shadowRoot!.querySelector(tag)!;
}

describe('Keyboard only: the rep flow in <help-desk>', function () {
  // Many real key presses and the lazy editor, on a shared 2-core machine.
  this.timeout(90_000);
  // Drafts and unsent messages persist in localStorage (this file's page has its own): start from none.
  beforeEach(() => localStorage.clear());

  it('finds, opens, replies to a message with a file and a status, reassigns and opens a past conversation', async () => {
    const { desk, store } = await mountDesk();
    const list = part(desk, 'conversation-list');
    const thread = part(desk, 'thread-view');
    const editor = part(desk, 'reply-editor');
    const sidebar = part(desk, 'ticket-sidebar');

    // Find: type in "Search conversations", then arrow to the conversation in the listbox.
    await tabTo(desk, byRole('searchbox', 'Search conversations'), 'the search box');
    await type('Emma');
    await press('Enter');
    expectFocusIn(desk, 'searching');
    await waitFor(() => {
      const rows = queryAllByRole(list, 'option');
      return rows.length > 0 && rows.every((row) => nameOf(row).startsWith('Emma Reyes'));
    }, 'only Emma Reyes conversations');
    const listbox = await tabTo(desk, byRole('listbox', 'Conversations'), 'the conversation list');
    const activeOption = () => {
      const id = listbox.getAttribute('aria-activedescendant');
      return id ? listbox.querySelector(`#${id}`) : null;
    };
    for (let i = 0; i < 10 && !/Refund request/.test(nameOf(activeOption() ?? listbox)); i++) {
      await press('ArrowDown');
    }
    expect(nameOf(activeOption()!)).to.match(/Refund request #10004/);

    // Open it.
    await press('Enter');
    await waitFor(() => store.state.ui.selectedConversationId === CONVERSATION, 'the conversation opened');
    await findByRole(thread, 'button', /Refund request/);
    expectFocusIn(desk, 'opening the conversation');

    // Move to the thread and reply to one earlier message: Tab to its "Reply" button.
    await tabTo(desk, byRole('log', 'Messages'), 'the thread');
    const target = await waitFor(
      () => queryAllByRole(thread, 'article').find((a) => visibleText(a).includes(TARGET_TEXT)),
      'the message to answer',
    );
    await tabTo(
      desk,
      (el) => byRole('button', 'Reply')(el) && target.contains(el),
      'the Reply button of the message to answer',
    );
    await press('Enter');
    await waitFor(() => store.state.ui.replyTargets[CONVERSATION] === TARGET_ID, 'the reply target');
    expectFocusIn(desk, 'choosing the message to answer');

    // Choosing "Reply" takes the rep to the reply box.
    await focusReaches(byRole('textbox', 'Reply'), 'the Reply box');
    expect(visibleText(editor)).to.contain(TARGET_TEXT);
    await type(REPLY);

    // Attach a file: Shift+Tab back to the formatting toolbar, arrow to "Attach file", press it.
    await tabTo(desk, (el) => el.closest('[role="toolbar"]') !== null, 'the toolbar', { backwards: true });
    await pressUntil('ArrowRight', byRole('button', 'Attach file'), 'Attach file');
    const chooser = answerFileChooser([new File(['2026 prices'], 'price-list.txt', { type: 'text/plain' })]);
    await press('Enter');
    await chooser;
    await findByRole(editor, 'button', 'Remove price-list.txt', 5000);
    expectFocusIn(desk, 'attaching a file');

    // Send with a status: "More send options", a stage that needs properties, fill them, send.
    await tabTo(desk, byRole('button', 'More send options'), 'More send options');
    await press('ArrowDown');
    await focusReaches(byRole('menuitem'), 'the first send option');
    // Escape closes the menu and gives focus back to its button; open it again.
    await press('Escape');
    await focusReaches(byRole('button', 'More send options'), 'the More send options button');
    await press('Enter');
    await pressUntil('ArrowDown', byRole('menuitem', 'Send and set status to Closed'), 'the Closed stage');
    await press('Enter');
    const resolution = await focusReaches(byRole('combobox', 'Resolution'), 'the first required property');
    await pressUntil('ArrowDown', () => (resolution as HTMLSelectElement).value === 'refunded', 'Refunded');
    await tabTo(desk, byRole('textbox', 'Close reason'), 'Close reason');
    await type('Annual plan discount applied.');
    await tabTo(desk, byRole('button', 'Send and set status'), 'Send and set status');
    await press('Enter');
    const sent = await waitFor(
      () => sentMessages(store).find((m) => m.text === REPLY),
      'the reply in the thread',
    );
    expect(sent.replyToId).to.equal(TARGET_ID);
    expect(sent.attachments.map((a) => a.name)).to.deep.equal(['price-list.txt']);
    // The rep sees it in the thread, quoting the message it answers, with its file.
    const shown = await waitFor(
      () => queryAllByRole(thread, 'article').find((a) => visibleText(a).includes(REPLY)),
      'the reply shown',
    );
    expect(visibleText(shown)).to.contain(TARGET_TEXT).and.to.contain('price-list.txt');
    await waitFor(
      () => store.state.tickets.entries[TICKET]?.ticket?.stageId === 'closed',
      'the ticket closed',
    );
    expectFocusIn(desk, 'sending with a status');

    // Reassign: the sidebar's "Ticket owner" menu button, ArrowDown opens it, arrows to an agent, Enter.
    const ownerButton = await tabTo(
      desk,
      (el) => byRole('button', /^Ticket owner/)(el) && sidebar.shadowRoot!.contains(el),
      "the sidebar's Ticket owner button",
    );
    await press('ArrowDown');
    await focusReaches(byRole('menuitemradio'), 'an owner in the menu');
    await pressUntil('ArrowDown', byRole('menuitemradio', /^Lucas Andrade/), 'Lucas Andrade');
    await press('Enter');
    await waitFor(() => store.state.tickets.entries[TICKET]?.ticket?.ownerId === 'agent-2', 'the new owner');
    await focusReaches((el) => el === ownerButton, 'the Ticket owner button again');
    expect(nameOf(ownerButton)).to.contain('Lucas Andrade');
    expectFocusIn(desk, 'reassigning');

    // Open a past conversation of the same contact from the sidebar.
    await tabTo(desk, byRole('button', /Please read our returns policy/), 'a past conversation');
    await press('Enter');
    await waitFor(() => store.state.ui.selectedConversationId === PAST, 'the past conversation opened');
    await waitFor(
      () => queryAllByRole(thread, 'article').some((a) => visibleText(a).includes('returns policy')),
      'its messages',
    );
    // Beside the thread, the rep goes on to read it: focus moves to its messages.
    await focusReaches(
      (el) => byRole('log', 'Messages')(el) && thread.shadowRoot!.contains(el),
      'the thread',
    );
    expectFocusIn(desk, 'opening a past conversation');
  });
});
