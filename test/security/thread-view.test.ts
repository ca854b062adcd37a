// Every vector of the corpus as an incoming message's plain text, rich body, sender name and
// attachments (names, URLs, MIME types), rendered by the real <thread-view> on a MemoryAdapter.
// The thread is virtualized, so each chunk's thread is scrolled from top to bottom and every
// message is checked while it is rendered.
import { expect, fixture, html } from '@open-wc/testing';

import { MemoryAdapter } from '../../src/adapters/memory/index.js';
import { ThreadView } from '../../src/elements/thread-view/thread-view.js';
import type { Fixture } from '../../src/fixtures/index.js';
import type { Message } from '../../src/model/index.js';
import { HelpDeskStore } from '../../src/state/store.js';
import { expectNoScriptRan, installCanary, resetCanary } from './canary.js';
import { hostileThreads, messageIds } from './hostile-fixture.js';
import { expectNone, nextTask, unsafeIn, unsafeInBody, waitFor } from './inspect.js';
import { chunks, label, loadVectors, type Vector } from './vectors.js';

if (!customElements.get('thread-view')) customElements.define('thread-view', ThreadView);

const CHUNK = 40;
// Characters a shown file name must not keep: controls, bidi overrides and isolates, path separators.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_NAME = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\\/]/u;

let vectors: Vector[] = [];
let groups: Vector[][] = [];
let data: Fixture;

before(async () => {
  installCanary();
  vectors = await loadVectors();
  groups = chunks(vectors, CHUNK);
});
beforeEach(() => resetCanary());

async function mount(fixtureData: Fixture) {
  const memory = new MemoryAdapter({ fixture: fixtureData });
  const store = new HelpDeskStore(memory, { storage: null, pageSize: 500 });
  await store.start();
  const el = await fixture<ThreadView>(
    html`<thread-view
      .store=${store}
      style="display:flex;height:12000px;max-height:none;width:900px"
    ></thread-view>`,
  );
  return { el, store, memory };
}

async function settle(el: ThreadView) {
  for (let i = 0; i < 6; i++) {
    await nextTask();
    await el.updateComplete;
  }
}

const log = (el: ThreadView) => el.shadowRoot!.querySelector<HTMLElement>('[role="log"]')!;
const rowOf = (el: ThreadView, id: string) =>
  el.shadowRoot!.querySelector<HTMLElement>(`.row[data-key="${CSS.escape(id)}"]`);

/** What must hold for one vector's three messages; each check runs when its row is rendered. */
function checkRow(el: ThreadView, key: string, vector: Vector, problems: string[]) {
  const row = rowOf(el, key)!;
  const ids = messageIds(vector.line);
  const bubble = row.querySelector('.bubble');
  const fail = (what: string) => problems.push(`${label(vector)} (${key}): ${what}`);
  if (key === ids.text) {
    if (bubble?.textContent !== vector.value) fail(`text shown as ${JSON.stringify(bubble?.textContent)}`);
    const sender = row.querySelector('.sender')?.textContent;
    if (sender !== vector.value.trim()) fail(`sender shown as ${JSON.stringify(sender)}`);
  }
  if (bubble) for (const p of unsafeInBody(bubble)) fail(p);
  if (key === ids.files) {
    const names = [...row.querySelectorAll('.attachment .name')].map((n) => n.textContent ?? '');
    if (names.length === 0) fail('no attachment names shown');
    for (const name of names) if (UNSAFE_NAME.test(name)) fail(`file name kept ${JSON.stringify(name)}`);
    for (const name of names) if (name.length > 200) fail(`file name of ${name.length} characters`);
  }
}

/** Scrolls one thread from top to bottom; returns the keys of every row that was rendered. */
async function scrollThrough(el: ThreadView, visit: () => void): Promise<void> {
  const scroller = log(el);
  scroller.scrollTop = 0;
  scroller.dispatchEvent(new Event('scroll'));
  await settle(el);
  for (let step = 0; step < 400; step++) {
    visit();
    const before = scroller.scrollTop;
    scroller.scrollTop = before + Math.floor(scroller.clientHeight * 0.75);
    scroller.dispatchEvent(new Event('scroll'));
    await settle(el);
    if (scroller.scrollTop === before) break;
  }
  visit();
}

describe('<thread-view> with the hostile-input corpus', function () {
  this.timeout(120_000);

  it('renders every vector as text, body, sender and attachments, and nothing runs', async () => {
    data = hostileThreads(groups);
    const { el, store } = await mount(data);
    const problems: string[] = [];
    for (const [c, group] of groups.entries()) {
      const id = data.conversations[c]!.id;
      el.setAttribute('conversation-id', id);
      await waitFor(() => store.state.messages.threads[id]?.loaded, `thread ${id}`);
      await settle(el);
      const wanted = new Map<string, Vector>();
      for (const v of group) for (const key of Object.values(messageIds(v.line))) wanted.set(key, v);
      const seen = new Set<string>();
      await scrollThrough(el, () => {
        for (const row of el.shadowRoot!.querySelectorAll<HTMLElement>('.row[data-key]')) {
          const key = row.dataset['key']!;
          const vector = wanted.get(key);
          if (!vector || seen.has(key)) continue;
          seen.add(key);
          checkRow(el, key, vector, problems);
        }
        for (const p of unsafeIn(el.shadowRoot!)) problems.push(`${id}: ${p}`);
      });
      const missing = [...wanted.keys()].filter((key) => !seen.has(key));
      expect(missing, `rows of ${id} never rendered`).to.deep.equal([]);
    }
    await expectNoScriptRan();
    expectNone(problems, 'unsafe output');
  });

  it('takes every vector arriving live (text, rich body, sender) and announces only text', async () => {
    // One empty conversation per chunk, so each thread stays as short as a chunk.
    const live = hostileThreads(groups.map(() => []));
    for (const account of live.accounts) account.status = 'active';
    const { el, store, memory } = await mount(live);
    const problems: string[] = [];
    for (const [c, batch] of groups.entries()) {
      const conversation = live.conversations[c]!;
      el.setAttribute('conversation-id', conversation.id);
      await waitFor(() => store.state.messages.threads[conversation.id]?.loaded, 'the thread');
      await settle(el);
      const arrived: Message[] = [];
      for (const vector of batch) {
        arrived.push(
          await memory.receive({
            channelAccountId: conversation.channelAccountId!,
            conversationId: conversation.id,
            from: { name: vector.value, address: 'sender@example.com' },
            text: vector.value,
            richText: vector.value,
          }),
        );
      }
      // The thread follows the newest message, so this batch is rendered at the bottom.
      await waitFor(() => arrived.every((m) => rowOf(el, m.id)), 'the new messages');
      for (const [i, message] of arrived.entries()) {
        const bubble = rowOf(el, message.id)!.querySelector('.bubble');
        if (!bubble) problems.push(`${label(batch[i]!)}: no body`);
        else for (const p of unsafeInBody(bubble)) problems.push(`${label(batch[i]!)}: ${p}`);
      }
      for (const p of unsafeIn(el.shadowRoot!)) problems.push(p);
    }
    const announcer = await waitFor(() => {
      const region = document.querySelector('[data-helpdesk-announcer]');
      return region?.textContent ? region : null;
    }, 'an announcement');
    expect(announcer.children.length, 'the announcer holds text only').to.equal(0);
    expectNone(unsafeIn(announcer), 'unsafe output in the announcer');
    await expectNoScriptRan();
    expectNone(problems, 'unsafe output');
  });
});
