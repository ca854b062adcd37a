// One desk's elements placed in unrelated parts of a portal page, with no <help-desk-provider>: the
// host makes one store and hands it to each element's `store` property. The thread even sits inside
// another component's shadow root, as a portal's card widget would hold it.
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';

import { MemoryAdapter } from '../../src/adapters/memory/index.js';
import type { ConversationSelectEvent } from '../../src/elements/conversation-list/conversation-list.events.js';
import { defineElements } from '../../src/elements/registry.js';
import type { Fixture } from '../../src/fixtures/index.js';
import { HelpDeskStore } from '../../src/state/store.js';
import { getByRole, nameOf, queryAllByRole, visibleText, waitFor } from '../helpers/queries.js';
import {
  messagesIn,
  rows,
  rowsShown,
  selectedRows,
  smallFixture,
  startsWith,
  threadLog,
  threadShows,
  typeReply,
} from './embed-helpers.js';

defineElements();

/** An open conversation with a ticket and a contact no other conversation has. */
function conversationWithTicket(data: Fixture) {
  const conversation = data.conversations.find(
    (c) =>
      c.status === 'open' &&
      c.ticketId &&
      data.conversations.filter((o) => o.contactName === c.contactName).length === 1,
  )!;
  const ticket = data.tickets.find((t) => t.id === conversation.ticketId)!;
  return { id: conversation.id, name: conversation.contactName, ticketName: ticket.name };
}

async function mountPortal() {
  await setViewport({ width: 1400, height: 900 });
  const data = smallFixture(5);
  const store = new HelpDeskStore(new MemoryAdapter({ fixture: data }), { storage: null });
  void store.start();
  const page = await fixture<HTMLElement>(
    html`<div style="display: grid; grid-template-columns: 380px 1fr 340px; gap: 12px; height: 860px">
      <nav aria-label="Inbox"><conversation-list style="height: 840px"></conversation-list></nav>
      <main>
        <div class="card"></div>
        <section aria-label="Composer"><reply-editor></reply-editor></section>
      </main>
      <aside aria-label="Customer"><ticket-sidebar></ticket-sidebar></aside>
    </div>`,
  );
  // The portal's card widget keeps its content in its own shadow root.
  const card = page.querySelector('.card')!;
  card.attachShadow({ mode: 'open' }).innerHTML =
    '<thread-view style="display: block; height: 520px"></thread-view>';
  const list = page.querySelector('conversation-list')!;
  const thread = card.shadowRoot!.querySelector('thread-view')!;
  const editor = page.querySelector('reply-editor')!;
  const sidebar = page.querySelector('ticket-sidebar')!;
  for (const element of [list, thread, editor, sidebar]) element.store = store;
  await rowsShown(list);
  return { page, data, store, list, thread, editor, sidebar };
}

describe('One desk’s elements in unrelated parts of a page, sharing one store through .store', function () {
  this.timeout(60_000);

  it('opening a conversation in the list opens it in the thread and the ticket sidebar', async () => {
    const { data, list, thread, sidebar } = await mountPortal();
    const target = conversationWithTicket(data);
    const selected: string[] = [];
    const record = (e: ConversationSelectEvent) => selected.push(e.detail.conversationId);
    document.addEventListener('conversation-select', record);
    try {
      getByRole(list, 'option', startsWith(target.name)).click();
      await waitFor(() => messagesIn(thread).length > 0, 'the thread’s messages');
      expect(selected, 'the host hears the choice').to.deep.equal([target.id]);
      expect(nameOf(selectedRows(list)[0]!)).to.match(startsWith(target.name));
      expect(visibleText(thread)).to.contain(target.name);
      await waitFor(() => getByRole(sidebar, 'button', target.ticketName), 'the ticket in the sidebar');
      expect(visibleText(sidebar)).to.contain(target.name);
    } finally {
      document.removeEventListener('conversation-select', record);
    }
  });

  it('a reply sent from the editor elsewhere on the page shows in the thread and the list', async () => {
    const { data, list, thread, editor } = await mountPortal();
    const target = conversationWithTicket(data);
    getByRole(list, 'option', startsWith(target.name)).click();
    await waitFor(() => messagesIn(thread).length > 0, 'the thread’s messages');
    const before = messagesIn(thread).length;
    await typeReply(editor, 'Sent from the composer');
    getByRole(editor, 'button', { name: 'Send' }).click();
    await waitFor(() => threadShows(thread, 'Sent from the composer'), 'the reply in the thread');
    expect(messagesIn(thread).length).to.equal(before + 1);
    await waitFor(
      () => nameOf(rows(list)[0]!).includes('Sent from the composer'),
      'the list’s first row showing the reply',
    );
    expect(nameOf(rows(list)[0]!)).to.match(startsWith(target.name));
  });

  it('an element given .store follows that store even inside another desk’s provider', async () => {
    const { data, store, list } = await mountPortal();
    const other = smallFixture(6);
    // Fixed at the top: a virtualized list renders rows only where the viewport shows it.
    const stranger = await fixture<HTMLElement>(
      html`<help-desk-provider
        .adapter=${new MemoryAdapter({ fixture: other })}
        style="position: fixed; inset: 0 auto auto 0; display: block; width: 400px; height: 500px"
      >
        <conversation-list .store=${store} style="height: 480px"></conversation-list>
      </help-desk-provider>`,
    );
    const nested = stranger.querySelector('conversation-list')!;
    await rowsShown(nested);
    // The same rows as the portal's list (the smaller box renders fewer of them).
    const shown = rows(nested).map(nameOf);
    expect(shown).to.deep.equal(rows(list).map(nameOf).slice(0, shown.length));
    const target = conversationWithTicket(data);
    getByRole(nested, 'option', startsWith(target.name)).click();
    await waitFor(() => selectedRows(list).length === 1, 'the selection in the portal’s list too');
    expect(store.state.ui.selectedConversationId).to.equal(target.id);
  });

  it('removing every element leaves the store with no live subscription', async () => {
    const { page, data, store, list, thread } = await mountPortal();
    getByRole(list, 'option', startsWith(conversationWithTicket(data).name)).click();
    await waitFor(() => messagesIn(thread).length > 0, 'the thread’s messages');
    expect(store.activeSubscriptions).to.be.above(0);
    expect(queryAllByRole(threadLog(thread), 'article').length).to.be.above(0);
    page.remove();
    await waitFor(() => store.activeSubscriptions === 0, 'no subscriptions left');
  });
});
