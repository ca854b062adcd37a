// Every vector of the corpus as a contact (name, e-mail, phone, company, avatar URL), a ticket
// name, a conversation's contact name, ticket name and preview, and a message sender: rendered
// by the real <conversation-list>, <thread-view> (its header) and <ticket-sidebar> on one store.
import { expect, fixture, html } from '@open-wc/testing';

import { MemoryAdapter } from '../../src/adapters/memory/index.js';
import { ConversationList } from '../../src/elements/conversation-list/conversation-list.js';
import { ThreadView } from '../../src/elements/thread-view/thread-view.js';
import { TicketSidebar } from '../../src/elements/ticket-sidebar/ticket-sidebar.js';
import { HelpDeskStore } from '../../src/state/store.js';
import { expectNoScriptRan, installCanary, resetCanary } from './canary.js';
import { hostileEntities } from './hostile-fixture.js';
import { expectNone, nextTask, unsafeIn, waitFor } from './inspect.js';
import { chunks, label, loadVectors, type Vector } from './vectors.js';

const CHUNK = 40;

for (const [tag, element] of [
  ['conversation-list', ConversationList],
  ['thread-view', ThreadView],
  ['ticket-sidebar', TicketSidebar],
] as const) {
  if (!customElements.get(tag)) customElements.define(tag, element);
}

let vectors: Vector[] = [];

before(async () => {
  installCanary();
  vectors = await loadVectors();
});
beforeEach(() => resetCanary());

async function mountDesk(list: Vector[] = vectors) {
  const data = hostileEntities(list);
  const byConversation = new Map(data.conversations.map((c, i) => [c.id, list[i]!]));
  const store = new HelpDeskStore(new MemoryAdapter({ fixture: data }), { storage: null });
  await store.start();
  return { store, byConversation };
}

/**
 * Mounts `template` in a box the size of the test page's viewport: the list's virtualizer renders
 * only rows inside the window's viewport, so a taller box would not show more.
 */
const mount = (template: unknown) =>
  fixture<HTMLElement>(html`<div style="display:flex;height:560px;width:1200px">${template}</div>`);

const text = (root: ParentNode, selector: string) => root.querySelector(selector)?.textContent ?? '';

/** Whether `shown` is `full` or its start cut with "…": the value was rendered as text, not markup. */
const shownAsText = (shown: string, full: string) => {
  const start = shown.replace(/…$/, '');
  return start !== '' && full.startsWith(start);
};

describe('Contacts, tickets and conversations with the hostile-input corpus', function () {
  this.timeout(180_000);

  it('lists every vector as a contact name, preview and ticket name in <conversation-list>, as text', async () => {
    const { store, byConversation } = await mountDesk();
    const root = await mount(
      html`<conversation-list .store=${store} style="width:400px"></conversation-list>`,
    );
    const list = root.querySelector('conversation-list')!;
    const box = await waitFor(
      () => list.shadowRoot?.querySelector<HTMLElement>('[role="listbox"]'),
      'the listbox',
    );
    const seen = new Set<string>();
    const problems: string[] = [];
    for (let step = 0; step < 3000 && seen.size < vectors.length; step++) {
      for (const row of list.shadowRoot!.querySelectorAll<HTMLElement>('[role="option"][data-index]')) {
        const id = store.state.conversations.ids[Number(row.dataset['index'])];
        const vector = id ? byConversation.get(id) : undefined;
        if (!vector || seen.has(id!) || !row.querySelector('.name')) continue;
        seen.add(id!);
        const name = text(row, '.name');
        // A name with nothing visible in it (spaces, a zero-width character) shows as unknown.
        if (name !== 'Unknown contact' && !shownAsText(name, vector.value.trim()))
          problems.push(`${label(vector)}: name shown as ${JSON.stringify(name)}`);
        const preview = text(row, '.preview').replace(/^You: /, '');
        if (!shownAsText(preview, vector.value))
          problems.push(`${label(vector)}: preview shown as ${JSON.stringify(preview)}`);
        const ticket = text(row, '.ticket');
        if (!shownAsText(ticket, vector.value))
          problems.push(`${label(vector)}: ticket shown as ${JSON.stringify(ticket)}`);
        for (const p of unsafeIn(row)) problems.push(`${label(vector)}: ${p}`);
      }
      // Scroll a screen at a time; at the end, the list pages in more conversations.
      box.scrollTop += Math.max(100, box.clientHeight - 100);
      box.dispatchEvent(new Event('scroll'));
      await nextTask();
      await list.updateComplete;
    }
    expect(vectors.length - seen.size, 'rows never rendered').to.equal(0);
    for (const p of unsafeIn(list.shadowRoot!)) problems.push(p);
    await expectNoScriptRan();
    expectNone(problems, 'unsafe output');
  });

  it('shows every vector as contact, ticket and header text in <ticket-sidebar> and <thread-view>', async () => {
    const problems: string[] = [];
    // A desk per chunk: the store's work per selection grows with its size, not with the vector.
    for (const group of chunks(vectors, CHUNK)) {
      const { store, byConversation } = await mountDesk(group);
      const root = await mount(
        html`<thread-view .store=${store} style="width:600px"></thread-view>
          <ticket-sidebar .store=${store} style="width:600px"></ticket-sidebar>`,
      );
      const sidebar = root.querySelector('ticket-sidebar')!.shadowRoot!;
      const thread = root.querySelector('thread-view')!.shadowRoot!;
      for (const [id, vector] of byConversation) {
        store.selectConversation(id);
        const wanted = vector.value.trim();
        // Each name is looked up where it is rendered; the wait ends when all four show this vector.
        const shown = () =>
          text(sidebar, '.ticket-name').includes(wanted) &&
          text(sidebar, '.contact-name').includes(wanted) &&
          text(thread, '.header .contact') === wanted &&
          text(thread, '.header .ticket-button').trim() === wanted;
        try {
          await waitFor(shown, 'the names');
        } catch {
          problems.push(`${label(vector)}: not shown as text`);
        }
        for (const p of unsafeIn(root)) problems.push(`${label(vector)}: ${p}`);
      }
      root.remove();
      store.dispose();
    }
    await expectNoScriptRan();
    expectNone(problems, 'unsafe output');
  });
});
