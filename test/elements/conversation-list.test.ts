import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { firstValueFrom } from 'rxjs';

import type { ConversationSelectEvent } from '../../src/elements/conversation-list/conversation-list.events.js';
import { createFixture } from '../../src/fixtures/index.js';
import { listbox, mountList, options } from '../helpers/conversation-list-fixture.js';
import { getByRole, nameOf, queryAllByRole, waitFor } from '../helpers/conversation-list-queries.js';

const optionNamed = (list: Element, name: RegExp) => getByRole(listbox(list), 'option', { name });

describe('<conversation-list>', function () {
  // Generous: other suites share these two CPU cores; nothing here asserts on time.
  this.timeout(30_000);

  describe('Defaults', () => {
    it('shows a listbox "Conversations" whose options carry name, preview, time, unread, status, assignee and channel', async () => {
      const { list } = await mountList();
      const rows = options(list);
      expect(rows.length).to.be.greaterThan(3);
      const first = rows[0]!;
      expect(first.getAttribute('aria-posinset')).to.equal('1');
      expect(first.getAttribute('aria-setsize')).to.equal('40');
      expect(first.getAttribute('aria-selected')).to.equal('false');
      // conv-1: Chloe Brooks on Lumen Chat, assigned to a team, ticket "Refund request".
      const name = nameOf(first);
      expect(name).to.match(/^Chloe Brooks Lumen Chat/);
      expect(name).to.contain('Here is how to reset your password');
      expect(name).to.contain('Open');
      expect(name).to.contain('Atendimento Brasil');
      expect(getByRole(first, 'img', { name: 'Lumen Chat' }).getAttribute('src')).to.match(
        /^data:image\/svg\+xml/,
      );
      // conv-2 has one unread message; conv-3 has no contact name.
      expect(nameOf(rows[1]!)).to.contain('1 unread');
      expect(nameOf(rows[2]!)).to.match(/^Unknown contact/);
      expect(nameOf(rows[2]!)).to.contain('3 unread');
    });

    it('renders only the rows in view, however many conversations there are', async () => {
      const { list } = await mountList({ data: createFixture({ seed: 5, conversations: 3000 }) });
      const rendered = options(list).length;
      expect(rendered).to.be.greaterThan(5).and.lessThan(60);
      expect(options(list)[0]!.getAttribute('aria-setsize')).to.equal('3000');
    });

    it('shows brief rows, still named, while a fling jumps past the rows, and full rows once still', async () => {
      const { list } = await mountList({ data: createFixture({ seed: 5, conversations: 100 }) });
      const box = listbox(list);
      box.scrollTop = box.scrollHeight / 2;
      await waitFor(() => options(list).some((row) => row.classList.contains('brief')));
      const brief = options(list).find((row) => row.classList.contains('brief'))!;
      expect(nameOf(brief)).to.not.equal('');
      expect(brief.querySelector('[part~="preview"]')).to.equal(null);
      await waitFor(() => options(list).every((row) => !row.classList.contains('brief')));
      expect(options(list).every((row) => row.querySelector('[part~="preview"]'))).to.be.true;
    });

    it('pages in more conversations by cursor as the rep scrolls to the end', async () => {
      const { list, store } = await mountList({ data: createFixture({ seed: 5, conversations: 250 }) });
      expect(store.state.conversations.ids.length).to.equal(100);
      const box = listbox(list);
      const scrollToEnd = () => (box.scrollTop = box.scrollHeight);
      await waitFor(() => scrollToEnd() && store.state.conversations.ids.length === 200);
      await waitFor(() => scrollToEnd() && store.state.conversations.ids.length === 250);
      expect(store.state.conversations.hasMore).to.be.false;
    });
  });

  describe('Search', () => {
    it('narrows the list as the rep types and highlights the match', async () => {
      const { list } = await mountList();
      const search = getByRole(list, 'searchbox', { name: 'Search conversations' });
      search.focus();
      await sendKeys({ type: 'gabriel' });
      await waitFor(
        () => options(list).every((row) => /gabriel/i.test(nameOf(row))) && options(list).length > 0,
      );
      const marks = queryAllByRole(listbox(list), 'mark');
      expect(marks.length).to.be.greaterThan(0);
      expect(marks.every((mark) => mark.textContent!.toLowerCase() === 'gabriel')).to.be.true;
    });

    it('says "No conversations" when nothing matches', async () => {
      const { list } = await mountList();
      getByRole(list, 'searchbox', { name: 'Search conversations' }).focus();
      await sendKeys({ type: 'zzzz-no-such-thing' });
      await sendKeys({ press: 'Enter' });
      const status = await waitFor(() => getByRole(list, 'status'));
      await waitFor(() => status.textContent!.includes('No conversations'));
      expect(options(list)).to.have.length(0);
    });
  });

  describe('Filters', () => {
    it('filters by channel account, with "All channels" to undo it', async () => {
      const { list } = await mountList();
      const channel = getByRole(list, 'combobox', { name: 'Channel' }) as HTMLSelectElement;
      expect(channel.selectedOptions[0]!.textContent!.trim()).to.equal('All channels');
      const labels = Array.from(channel.options).map((o) => o.textContent!.trim());
      expect(labels).to.have.length(6);
      expect(labels.some((l) => l.startsWith('WhatsApp Brasil'))).to.be.true;
      channel.value = 'acc-relay';
      channel.dispatchEvent(new Event('change'));
      const relayName = (await firstValueFromChannels(list)).get('relay-whatsapp')!;
      await waitFor(
        () =>
          options(list).length > 0 &&
          options(list).every((row) => queryAllByRole(row, 'img', { name: relayName }).length === 1),
      );
    });

    it('filters by status: closed', async () => {
      const { list } = await mountList();
      const status = getByRole(list, 'combobox', { name: 'Status' }) as HTMLSelectElement;
      expect(Array.from(status.options).map((o) => o.value)).to.deep.equal(['all', 'open', 'closed']);
      status.value = 'closed';
      status.dispatchEvent(new Event('change'));
      // 13 closed conversations; the rows rendered depend on the list's height, the set size does not.
      await waitFor(() => options(list)[0]?.getAttribute('aria-setsize') === '13');
      expect(options(list).length).to.be.within(1, 13);
      expect(options(list).every((row) => / Closed /.test(` ${nameOf(row)} `))).to.be.true;
    });

    it('filters to unread conversations only', async () => {
      const { list } = await mountList();
      getByRole(list, 'checkbox', { name: 'Unread only' }).click();
      await waitFor(() => options(list).length === 7);
      expect(options(list).every((row) => /\d+ unread/.test(nameOf(row)))).to.be.true;
    });

    it('filters by assignee: me, unassigned, each agent and team', async () => {
      const { list } = await mountList();
      const assignee = getByRole(list, 'combobox', { name: 'Assignee' }) as HTMLSelectElement;
      await waitFor(() => assignee.options.length > 5);
      const labels = Array.from(assignee.options).map((o) => o.textContent!.trim());
      expect(labels).to.include.members(['Anyone', 'Me', 'Unassigned', 'Maya Chen', 'Billing']);
      assignee.value = 'unassigned';
      assignee.dispatchEvent(new Event('change'));
      await waitFor(
        () => options(list).length > 0 && options(list).every((row) => nameOf(row).includes('Unassigned')),
      );
    });
  });

  describe('Opening a conversation', () => {
    it('opens on click: fires conversation-select, selects it in the store and marks the row selected', async () => {
      const { list, store } = await mountList();
      const events: ConversationSelectEvent[] = [];
      list.addEventListener('conversation-select', (e) => events.push(e));
      optionNamed(list, /^Gabriel Almeida Lumen Chat/).click();
      expect(events.map((e) => e.detail.conversationId)).to.deep.equal(['conv-4']);
      expect(store.state.ui.selectedConversationId).to.equal('conv-4');
      await list.updateComplete;
      expect(optionNamed(list, /^Gabriel Almeida Lumen Chat/).getAttribute('aria-selected')).to.equal('true');
      expect(list.getAttribute('selected')).to.equal('conv-4');
    });

    it('leaves the selection alone when the host prevents conversation-select', async () => {
      const { list, store } = await mountList();
      list.addEventListener('conversation-select', (e) => e.preventDefault());
      optionNamed(list, /^Gabriel Almeida Lumen Chat/).click();
      expect(store.state.ui.selectedConversationId).to.equal(null);
      await list.updateComplete;
      expect(optionNamed(list, /^Gabriel Almeida Lumen Chat/).getAttribute('aria-selected')).to.equal(
        'false',
      );
    });
  });

  describe('Keyboard and focus', () => {
    const active = (list: Element) => {
      const box = listbox(list);
      const id = box.getAttribute('aria-activedescendant');
      return id ? (box.querySelector(`#${id}`) as HTMLElement) : null;
    };

    it('moves the active option with arrows, Home and End, and opens it with Enter', async () => {
      const { list, store } = await mountList();
      listbox(list).focus();
      await sendKeys({ press: 'ArrowDown' });
      await list.updateComplete;
      expect(active(list)?.getAttribute('aria-posinset')).to.equal('2');
      await sendKeys({ press: 'ArrowUp' });
      await list.updateComplete;
      expect(active(list)?.getAttribute('aria-posinset')).to.equal('1');
      await sendKeys({ press: 'End' });
      await waitFor(() => active(list)?.getAttribute('aria-posinset') === '40');
      await sendKeys({ press: 'Home' });
      await waitFor(() => active(list)?.getAttribute('aria-posinset') === '1');
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'Enter' });
      expect(store.state.ui.selectedConversationId).to.equal('conv-4');
    });

    it('reaches rows that were virtualized away (End, Page Up and Page Down)', async () => {
      const { list } = await mountList({ data: createFixture({ seed: 5, conversations: 100 }) });
      listbox(list).focus();
      await sendKeys({ press: 'End' });
      await waitFor(() => active(list)?.getAttribute('aria-posinset') === '100');
      const rect = active(list)!.getBoundingClientRect();
      const box = listbox(list).getBoundingClientRect();
      expect(rect.bottom).to.be.at.most(box.bottom + 1);
      await sendKeys({ press: 'PageUp' });
      await waitFor(() => Number(active(list)?.getAttribute('aria-posinset')) < 100);
      const afterPageUp = Number(active(list)!.getAttribute('aria-posinset'));
      expect(afterPageUp).to.be.lessThan(97);
      await sendKeys({ press: 'PageDown' });
      await waitFor(() => active(list)?.getAttribute('aria-posinset') === '100');
      await sendKeys({ press: 'Home' });
      await waitFor(() => active(list)?.getAttribute('aria-posinset') === '1');
    });
  });

  describe('Attributes and properties', () => {
    it('applies status, channel and assignee attributes as filters, and view as a saved view', async () => {
      const { list, store } = await mountList({ attributes: { status: 'closed', channel: 'acc-lumen' } });
      await waitFor(() => store.state.conversations.loaded);
      expect(store.state.conversations.query.filters).to.deep.equal({
        status: 'closed',
        channelAccountId: 'acc-lumen',
      });
      expect((getByRole(list, 'combobox', { name: 'Status' }) as HTMLSelectElement).value).to.equal('closed');
      list.setAttribute('view', 'view-mine');
      await waitFor(() => store.state.conversations.query.viewId === 'view-mine');
    });

    it('follows and drives the selection through the reflected selected attribute', async () => {
      const { list, store } = await mountList({ attributes: { selected: 'conv-5' } });
      await waitFor(() => store.state.ui.selectedConversationId === 'conv-5');
      store.selectConversation('conv-6');
      await list.updateComplete;
      expect(list.getAttribute('selected')).to.equal('conv-6');
      list.selected = 'conv-7';
      await list.updateComplete;
      expect(store.state.ui.selectedConversationId).to.equal('conv-7');
    });

    it('hides the search box and the filters on request, and reflects density', async () => {
      const { list } = await mountList({
        attributes: { 'hide-search': '', 'hide-filters': '', density: 'compact' },
      });
      expect(queryAllByRole(list, 'searchbox')).to.have.length(0);
      expect(queryAllByRole(list, 'combobox')).to.have.length(0);
      expect(getByRole(list, 'button', { name: 'Views' })).to.exist;
      const height = options(list)[0]!.getBoundingClientRect().height;
      list.density = 'comfortable';
      await list.updateComplete;
      expect(list.getAttribute('density')).to.equal('comfortable');
      await waitFor(() => options(list)[0]!.getBoundingClientRect().height > height);
    });
  });
});

async function firstValueFromChannels(list: Element) {
  const store = (list as unknown as { store: import('../../src/state/store.js').HelpDeskStore }).store;
  const channels = await firstValueFrom(store.channels$);
  return new Map(channels.map((c) => [c.id, c.name]));
}
