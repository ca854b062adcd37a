// Two independent desks on one page: two <help-desk-provider>s, each on its own MemoryAdapter with a
// different seed. Both fixtures use the same conversation ids (conv-1, conv-2, ...) for different
// contacts, so any state shared by id between the desks would show here.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';

import { MemoryAdapter } from '../../src/adapters/memory/index.js';
import type { HelpDeskProvider } from '../../src/elements/help-desk-provider/help-desk-provider.js';
import { defineElements } from '../../src/elements/registry.js';
import type { Fixture } from '../../src/fixtures/index.js';
import { getByRole, nameOf, visibleText, waitFor } from '../helpers/queries.js';
import {
  clearKitStorage,
  listbox,
  openConversation,
  recordDesktopNotifications,
  replyBox,
  rows,
  rowsShown,
  selectedRows,
  sendReply,
  smallFixture,
  threadLog,
  threadShows,
  typeReply,
  uniqueConversation,
} from './embed-helpers.js';

defineElements();

interface Desk {
  provider: HelpDeskProvider;
  adapter: MemoryAdapter;
  data: Fixture;
}

async function mountTwoDesks(): Promise<[Desk, Desk]> {
  // Two wide desks side by side (each over the 900 px where <help-desk> shows all three panes).
  await setViewport({ width: 2000, height: 900 });
  const [dataA, dataB] = [smallFixture(11), smallFixture(22)];
  const [adapterA, adapterB] = [new MemoryAdapter({ fixture: dataA }), new MemoryAdapter({ fixture: dataB })];
  const page = await fixture<HTMLElement>(
    html`<div style="display: flex; gap: 8px">
      <help-desk-provider
        id="desk-a"
        .adapter=${adapterA}
        style="display: block; width: 980px; height: 860px"
      >
        <help-desk></help-desk>
      </help-desk-provider>
      <help-desk-provider
        id="desk-b"
        .adapter=${adapterB}
        style="display: block; width: 980px; height: 860px"
      >
        <help-desk></help-desk>
      </help-desk-provider>
    </div>`,
  );
  const [a, b] = Array.from(page.querySelectorAll('help-desk-provider'));
  await Promise.all([rowsShown(a!), rowsShown(b!)]);
  return [
    { provider: a!, adapter: adapterA, data: dataA },
    { provider: b!, adapter: adapterB, data: dataB },
  ];
}

const statusFilter = (desk: Desk) => getByRole<HTMLSelectElement>(desk.provider, 'combobox', 'Status');
const notifications = (desk: Desk) => getByRole(desk.provider, 'switch', 'Notifications');

describe('Two independent desks on one page', function () {
  // The lazy editor engine, two desks and a 2-core CI machine: generous, never asserted.
  this.timeout(60_000);
  beforeEach(clearKitStorage);
  afterEach(clearKitStorage);

  it('each desk lists its own adapter’s conversations', async () => {
    const [a, b] = await mountTwoDesks();
    const nameA = uniqueConversation(a.data).name;
    const nameB = uniqueConversation(b.data).name;
    expect(rows(a.provider).map(nameOf).join('\n')).to.contain(nameA).and.not.contain(nameB);
    expect(rows(b.provider).map(nameOf).join('\n')).to.contain(nameB).and.not.contain(nameA);
    expect(a.provider.activeStore).to.exist.and.not.equal(b.provider.activeStore);
  });

  it('selecting a conversation in one desk leaves the other desk’s selection and thread alone', async () => {
    const [a, b] = await mountTwoDesks();
    const inA = uniqueConversation(a.data);
    await openConversation(a.provider, inA.name);
    expect(selectedRows(b.provider), 'nothing selected in desk B').to.have.length(0);
    expect(visibleText(threadLog(b.provider))).to.contain('No conversation selected.');

    // The same id in desk B is another contact's conversation; opening it there moves nothing in A.
    const sameIdInB = b.data.conversations.find((c) => c.id === inA.id)!;
    await openConversation(b.provider, sameIdInB.contactName);
    expect(selectedRows(a.provider).map(nameOf)).to.have.length(1);
    expect(nameOf(selectedRows(a.provider)[0]!)).to.match(new RegExp(`^${inA.name}`));
    expect(visibleText(threadLog(a.provider))).not.to.contain(sameIdInB.contactName);
  });

  it('a reply sent in one desk shows only in that desk, even where the other has the same conversation id', async () => {
    const [a, b] = await mountTwoDesks();
    const inA = uniqueConversation(a.data);
    const sameIdInB = b.data.conversations.find((c) => c.id === inA.id)!;
    await openConversation(a.provider, inA.name);
    await openConversation(b.provider, sameIdInB.contactName);
    await typeReply(a.provider, 'Only for desk A');
    await sendReply(a.provider, 'Only for desk A');
    await waitFor(
      () => rows(a.provider).some((r) => nameOf(r).includes('Only for desk A')),
      'A’s row preview',
    );
    expect(threadShows(b.provider, 'Only for desk A')).to.be.false;
    expect(rows(b.provider).some((r) => nameOf(r).includes('Only for desk A'))).to.be.false;
    expect((await b.adapter.listMessages(inA.id, { limit: 100 })).items.map((m) => m.text)).not.to.include(
      'Only for desk A',
    );
  });

  it('search and filters narrow one desk only', async () => {
    const [a, b] = await mountTwoDesks();
    const before = rows(b.provider).map(nameOf);
    const target = uniqueConversation(a.data).name;
    const search = getByRole<HTMLInputElement>(a.provider, 'searchbox', 'Search conversations');
    search.focus();
    await sendKeys({ type: target });
    await sendKeys({ press: 'Enter' });
    const onlyTarget = () =>
      rows(a.provider).length > 0 && rows(a.provider).every((r) => nameOf(r).includes(target));
    await waitFor(onlyTarget, 'A narrowed to the search');
    expect(getByRole<HTMLInputElement>(b.provider, 'searchbox', 'Search conversations').value).to.equal('');
    expect(rows(b.provider).map(nameOf)).to.deep.equal(before);

    // A native select, chosen with the keyboard as a rep would.
    statusFilter(b).focus();
    await sendKeys({ press: 'ArrowDown' }); // All -> Open
    await sendKeys({ press: 'ArrowDown' }); // Open -> Closed
    await waitFor(() => statusFilter(b).value === 'closed', 'B’s status filter on Closed');
    const onlyClosed = () =>
      rows(b.provider).length > 0 && rows(b.provider).every((r) => /\bClosed\b/.test(nameOf(r)));
    await waitFor(onlyClosed, 'B narrowed to closed');
    expect(rows(b.provider).length).to.be.below(before.length);
    expect(statusFilter(a).value).to.equal('all');
    expect(rows(a.provider).map(nameOf).join('\n')).to.contain(target);
  });

  it('a draft typed in one desk does not appear in the other desk’s editor for the same conversation id', async () => {
    const [a, b] = await mountTwoDesks();
    const inA = uniqueConversation(a.data);
    const sameIdInB = b.data.conversations.find((c) => c.id === inA.id)!;
    await openConversation(a.provider, inA.name);
    await typeReply(a.provider, 'Half a thought in A');
    await openConversation(b.provider, sameIdInB.contactName);
    expect((await replyBox(b.provider)).textContent).to.equal('');
    await typeReply(b.provider, 'Something else in B');

    // Leave and come back in A: A's draft is A's, untouched by B's typing on the same id.
    const other = uniqueConversation(a.data, [inA.id]);
    await openConversation(a.provider, other.name);
    await openConversation(a.provider, inA.name);
    const boxA = await replyBox(a.provider);
    await waitFor(() => boxA.textContent === 'Half a thought in A', 'A’s draft back in its editor');
    expect(a.provider.activeStore!.state.drafts[inA.id]?.text).to.equal('Half a thought in A');
    expect(b.provider.activeStore!.state.drafts[inA.id]?.text ?? '').not.to.contain('A');
  });

  it('notifications: turning them on in one desk leaves the other off, and each desk reports only its own messages', async () => {
    const desktop = recordDesktopNotifications();
    try {
      const [a, b] = await mountTwoDesks();
      notifications(a).click();
      await waitFor(() => notifications(a).getAttribute('aria-checked') === 'true', 'A’s switch on');
      expect(notifications(b).getAttribute('aria-checked')).to.equal('false');

      // A message in desk B (notifications off there) pops nothing up and leaves A's list as it was.
      const inB = uniqueConversation(b.data);
      const listA = rows(a.provider).map(nameOf);
      const conversationB = b.data.conversations.find((c) => c.id === inB.id)!;
      await b.adapter.receive({
        channelAccountId: conversationB.channelAccountId!,
        conversationId: inB.id,
        text: 'News for desk B',
      });
      await waitFor(() => rows(b.provider).some((r) => nameOf(r).includes('News for desk B')), 'B’s row');
      expect(desktop.shown).to.have.length(0);
      expect(rows(a.provider).map(nameOf)).to.deep.equal(listA);

      // A message in desk A notifies once, naming desk A's contact.
      const inA = uniqueConversation(a.data);
      const conversationA = a.data.conversations.find((c) => c.id === inA.id)!;
      await a.adapter.receive({
        channelAccountId: conversationA.channelAccountId!,
        conversationId: inA.id,
        text: 'News for desk A',
      });
      await waitFor(() => desktop.shown.length > 0, 'a desktop notification');
      expect(desktop.shown).to.deep.equal([{ title: inA.name, body: 'News for desk A' }]);
      expect(rows(b.provider).some((r) => nameOf(r).includes('News for desk A'))).to.be.false;
      expect(listbox(b.provider)).to.exist;
    } finally {
      desktop.restore();
    }
  });
});
