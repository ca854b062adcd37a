import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';

import { MemoryAdapter } from '../../src/adapters/memory/index.js';
import { createFixture, type Fixture } from '../../src/fixtures/index.js';
import { expectNoAxeViolations } from '../helpers/axe.js';
import { failingConversations, listbox, mountList, options } from '../helpers/conversation-list-fixture.js';
import { getByRole, nameOf, queryAllByRole, waitFor } from '../helpers/conversation-list-queries.js';

const LONG = `${'A'.repeat(100_000)} end`;
const RTL_NAME = 'مريم العتيبي';
const RTL_TEXT = 'مرحبا، لدي مشكلة في الطلب رقم 123';
const ZALGO = 'Z\u0338\u0322\u031b\u0317a\u0334\u0315l\u0337g\u0336o\u0335';
const FAMILY = '\u{1F469}\u200D\u{1F469}\u200D\u{1F467}\u200D\u{1F466}';
const HTML_NAME = '<img src=x onerror="window.__pwned=1">';
const SCRIPT = '<script>window.__pwned = 1</script><b>bold</b>';

/** A fixture whose first conversations carry every kind of hostile or awkward text. */
function badFixture(): Fixture {
  const data = createFixture({ seed: 3, conversations: 12 });
  const edit = (index: number, patch: Partial<Fixture['conversations'][number]>, preview?: string) => {
    const c = data.conversations[index]!;
    data.conversations[index] = {
      ...c,
      ...patch,
      lastMessage: preview === undefined ? c.lastMessage : { ...c.lastMessage!, preview },
    };
  };
  edit(0, { contactName: 'Long Talker' }, LONG);
  edit(1, { contactName: RTL_NAME }, RTL_TEXT);
  edit(
    2,
    { contactName: `Zero\u200B\u200DWidth ${ZALGO}` },
    `in\u200Bvisible\u2066 isolate\u202E override ${ZALGO}`,
  );
  edit(
    3,
    { contactName: `${FAMILY} Family` },
    '\u{1F3F3}\uFE0F\u200D\u{1F308}\u{1F44D}\u{1F3FD}\u{1F1E7}\u{1F1F7} thanks',
  );
  edit(4, { contactName: HTML_NAME, ticketName: '<i>ticket</i>' }, SCRIPT);
  edit(5, { contactName: '', contactId: null });
  edit(6, { contactName: '\u200B\u200B\u2060', contactId: null });
  return data;
}

describe('<conversation-list> bad input and accessibility', function () {
  // Generous: other suites share these two CPU cores; nothing here asserts on time.
  this.timeout(30_000);

  afterEach(() => delete (window as { __pwned?: number }).__pwned);

  describe('Bad input', () => {
    it('renders a 100,000-character message clipped on one line, rows keeping their height', async () => {
      const { list } = await mountList({ data: badFixture() });
      const [long, next] = options(list);
      const name = nameOf(long!);
      expect(name).to.match(/^Long Talker/);
      expect(name.length).to.be.lessThan(600);
      expect(long!.getBoundingClientRect().height).to.equal(next!.getBoundingClientRect().height);
    });

    it('shows right-to-left text in its own direction, isolated from the row', async () => {
      const { list } = await mountList({ data: badFixture() });
      const row = getByRole(listbox(list), 'option', { name: new RegExp(`^${RTL_NAME}`) });
      expect(nameOf(row)).to.contain(RTL_TEXT);
      const name = Array.from(row.querySelectorAll('[dir="auto"]')).find((el) => el.textContent === RTL_NAME);
      expect(name, 'the name in a dir=auto element').to.exist;
      expect(getComputedStyle(name!).direction).to.equal('rtl');
    });

    it('keeps zero-width, bidi-control and combining characters as text and emoji sequences whole', async () => {
      const { list } = await mountList({ data: badFixture() });
      const zalgo = getByRole(listbox(list), 'option', { name: /^Zero/ });
      expect(zalgo.textContent).to.contain(ZALGO);
      const family = getByRole(listbox(list), 'option', { name: /Family/ });
      expect(family.querySelector('[part="avatar"]')!.textContent!.trim()).to.equal(`${FAMILY}F`);
      expect(family.getBoundingClientRect().height).to.equal(zalgo.getBoundingClientRect().height);
    });

    it('shows HTML and script in names, previews and ticket names as text', async () => {
      const { list } = await mountList({ data: badFixture() });
      const row = getByRole(listbox(list), 'option', { name: /^<img src=x/ });
      expect(nameOf(row)).to.contain(SCRIPT);
      expect(nameOf(row)).to.contain('<i>ticket</i>');
      expect(row.querySelector('script, b, i, img[src="x"]')).to.equal(null);
      expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    });

    it('says "Unknown contact" for a conversation without a contact or with an invisible name', async () => {
      const { list } = await mountList({ data: badFixture() });
      const unknown = queryAllByRole(listbox(list), 'option', { name: /^Unknown contact/ });
      expect(unknown).to.have.length(2);
      // A neutral placeholder, not the initials of the words "Unknown contact".
      expect(unknown.every((row) => row.querySelector('[part="avatar"]')!.textContent!.trim() === '?')).to.be
        .true;
    });

    it('stays searchable and usable by keyboard with all of it on screen', async () => {
      const { list, store } = await mountList({ data: badFixture() });
      listbox(list).focus();
      await sendKeys({ press: 'End' });
      await sendKeys({ press: 'Home' });
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'Enter' });
      expect(store.state.ui.selectedConversationId).to.equal(store.state.conversations.ids[1]);
      getByRole(list, 'searchbox', { name: 'Search conversations' }).focus();
      await sendKeys({ type: 'مشكلة' });
      // Typing can outlast the search debounce on a busy machine: wait for the search of the whole word.
      await waitFor(
        () =>
          options(list).length === 1 &&
          queryAllByRole(listbox(list), 'mark')
            .map((mark) => mark.textContent)
            .join() === 'مشكلة',
      );
    });
  });

  describe('Accessibility', () => {
    it('has no axe violations with rows loaded, hostile text included', async () => {
      const { list } = await mountList({ data: badFixture() });
      await expectNoAxeViolations(list);
    });

    it('has no axe violations with the views menu open and with the save dialog open', async () => {
      const { list } = await mountList();
      getByRole(list, 'button', { name: 'Views' }).click();
      await waitFor(() => getByRole(list, 'menu', { name: 'Views' }));
      await expectNoAxeViolations(list);
      getByRole(list, 'menuitem', { name: 'Save view' }).click();
      await waitFor(() => getByRole(list, 'dialog', { name: 'Save view' }));
      await expectNoAxeViolations(list);
    });

    it('says "No conversations" when there are none, without axe violations', async () => {
      const { list } = await mountList({ data: createFixture({ seed: 3, conversations: 0 }), rows: false });
      await waitFor(() => getByRole(list, 'status').textContent!.includes('No conversations'));
      const box = getByRole(list, 'listbox', { name: 'Conversations' });
      box.focus();
      await sendKeys({ press: 'ArrowDown' });
      expect(box.hasAttribute('aria-activedescendant')).to.be.false;
      await expectNoAxeViolations(list);
    });

    it('says it is loading while the first page is on its way', async () => {
      const slow = new MemoryAdapter({
        fixture: createFixture({ seed: 3, conversations: 5 }),
        latencyMs: 400,
      });
      const { list } = await mountList({ adapter: slow, rows: false });
      expect(getByRole(list, 'status').textContent).to.contain('Loading conversations');
      expect(listbox(list).getAttribute('aria-busy')).to.equal('true');
      await expectNoAxeViolations(list);
      await waitFor(() => options(list).length === 5);
    });

    it('shows an error with "Try again" that loads the list once the backend is back', async () => {
      const { adapter, heal } = failingConversations(
        new MemoryAdapter({ fixture: createFixture({ seed: 3, conversations: 5 }) }),
      );
      const { list } = await mountList({ adapter, rows: false });
      const alert = await waitFor(() => getByRole(list, 'alert'));
      expect(alert.textContent).to.contain("Couldn't load conversations.");
      expect(alert.textContent).to.contain('The server is down <b>today</b>.');
      await expectNoAxeViolations(list);
      heal();
      getByRole(list, 'button', { name: 'Try again' }).click();
      await waitFor(() => options(list).length === 5);
      expect(queryAllByRole(list, 'alert')).to.have.length(0);
    });
  });
});
