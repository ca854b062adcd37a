import { expect } from '@open-wc/testing';

import { waitFor as waitForTime } from '../helpers/queries.js';
import { allByRole, countElements, getByRole, queryByRole, waitFor } from '../helpers/thread-view-dom.js';
import { log, messages, mountThread, scrollLogTo, settle } from '../helpers/thread-view-fixture.js';
import { message } from '../state/fake-adapter.js';

function distanceToBottom(scroller: HTMLElement): number {
  return scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight;
}

/** The first article whose box is in the log's viewport, and the offset of its bottom from the viewport's top. */
function firstVisible(scroller: HTMLElement): { key: string; top: number } {
  const view = scroller.getBoundingClientRect();
  for (const article of allByRole(scroller, 'article')) {
    const rect = article.getBoundingClientRect();
    if (rect.bottom > view.top && rect.top < view.bottom) {
      return { key: article.closest('[data-key]')!.getAttribute('data-key')!, top: rect.bottom - view.top };
    }
  }
  throw new Error('No article in view');
}

describe('<thread-view> scrolling and virtualization', () => {
  it('keeps the DOM to what is near the viewport with a 10,000-message thread', async () => {
    const { el } = await mountThread({ messages: messages('conv-1', 10_000), pageSize: 10_000 });
    const articles = allByRole(el.shadowRoot!, 'article');
    expect(articles.length).to.be.above(3);
    expect(articles.length).to.be.below(80);
    expect(countElements(document)).to.be.below(1500);
    // The newest message is rendered and in view.
    expect(articles.at(-1)!.closest('[data-key]')!.getAttribute('data-key')).to.equal('m10000');
    expect(distanceToBottom(log(el))).to.be.below(30);
  });

  it('renders other messages as the rep scrolls, still O(visible)', async () => {
    const { el } = await mountThread({ messages: messages('conv-1', 10_000), pageSize: 10_000 });
    const scroller = log(el);
    await scrollLogTo(el, scroller.scrollHeight / 2);
    const keys = allByRole(el.shadowRoot!, 'article').map((a) =>
      Number(a.closest('[data-key]')!.getAttribute('data-key')!.slice(1)),
    );
    expect(keys.length).to.be.below(80);
    expect(Math.min(...keys)).to.be.within(2000, 8000);
    firstVisible(scroller);
  });

  it('reuses its rows’ elements while a fling jumps past them, and keys rows by message once still', async () => {
    const { el } = await mountThread({ messages: messages('conv-1', 10_000), pageSize: 10_000 });
    const rowElements = () => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[data-rows] > [data-key]')];
    // A fling: one jump past every rendered row, then another.
    await scrollLogTo(el, log(el).scrollHeight / 2);
    const first = new Set(rowElements());
    const keysFirst = new Set(rowElements().map((row) => row.dataset['key']));
    await scrollLogTo(el, log(el).scrollHeight / 4);
    // The second jump shows other messages in the same elements (nothing built or thrown away).
    const flying = rowElements();
    expect(flying.length).to.be.above(2);
    expect(flying.some((row) => keysFirst.has(row.dataset['key']))).to.equal(false);
    expect(flying.every((row) => first.has(row))).to.equal(true);
    firstVisible(log(el));
    // Before the next jump, a render that widens the window (a short scroll up past the rows rendered
    // above the view) leaves each row in its element: the rows do not shift by a slot, every element
    // still there shows the message it showed.
    const shownBy = new Map(rowElements().map((row) => [row, row.dataset['key']]));
    await scrollLogTo(el, log(el).scrollTop - 200);
    const kept = rowElements().filter((row) => shownBy.has(row));
    expect(kept.length).to.be.above(1);
    expect(kept.map((row) => row.dataset['key'])).to.deep.equal(kept.map((row) => shownBy.get(row)));
    expect(rowElements().length).to.be.above(kept.length);
    // Still: rows are keyed by message again, so focus and state stay with their message from now on.
    // The quiet time is a timer (120 ms): waited for by the clock, not by a count of tasks.
    await waitForTime(
      () => rowElements().every((row) => !first.has(row)),
      'rows rebuilt by message once still',
    );
    const shown = rowElements().map((row) => row.dataset['key']);
    const article = rowElements()[1]!;
    await scrollLogTo(el, log(el).scrollTop + 5);
    expect(rowElements().map((row) => row.dataset['key'])).to.include.members(shown.slice(1, -1));
    expect(rowElements().find((row) => row.dataset['key'] === article.dataset['key'])).to.equal(article);
  });

  it('loads older pages near the top without moving the message in view', async () => {
    const { el, adapter, store } = await mountThread({ messages: messages('conv-1', 300), height: 400 });
    expect(store.state.messages.threads['conv-1']!.ids.length).to.equal(50);
    const release = adapter.pause('listMessages');
    const scroller = log(el);
    await scrollLogTo(el, 0);
    await waitFor(() => store.state.messages.threads['conv-1']!.loading, 'the older page to be asked for');
    expect(getByRole(el.shadowRoot!, 'status').textContent).to.contain('Loading earlier messages');
    const before = firstVisible(scroller);
    release();
    await waitFor(() => store.state.messages.threads['conv-1']!.ids.length === 100, 'the older page');
    await settle(el);
    const after = allByRole(scroller, 'article').find(
      (a) => a.closest('[data-key]')!.getAttribute('data-key') === before.key,
    )!;
    expect(after, 'the anchored message is still rendered').to.exist;
    const top = after.getBoundingClientRect().bottom - scroller.getBoundingClientRect().top;
    expect(Math.abs(top - before.top)).to.be.below(2);
    expect(scroller.scrollTop).to.be.above(100);
  });

  it('sticks to the bottom when a message arrives while at the bottom', async () => {
    const { el, adapter } = await mountThread({ messages: messages('conv-1', 40), height: 300 });
    const incoming = message('m41', 'conv-1', 41, {
      text: 'Any news?',
      sender: { kind: 'contact', name: 'Maria Silva' },
      createdAt: new Date().toISOString(),
    });
    adapter.emit({ type: 'message.created', seq: 41, message: incoming });
    await settle(el);
    expect(distanceToBottom(log(el))).to.be.below(30);
    expect(queryByRole(el.shadowRoot!, 'button', /New messages/)).to.be.null;
    expect(allByRole(el.shadowRoot!, 'article').at(-1)!.textContent).to.contain('Any news?');
  });

  it('offers a "New messages" button when a message arrives while scrolled up', async () => {
    const { el, adapter } = await mountThread({ messages: messages('conv-1', 40), height: 300 });
    const scroller = log(el);
    await scrollLogTo(el, 0);
    const before = firstVisible(scroller);
    const incoming = message('m41', 'conv-1', 41, {
      text: 'Hello again',
      sender: { kind: 'contact', name: 'Maria Silva' },
      createdAt: new Date().toISOString(),
    });
    adapter.emit({ type: 'message.created', seq: 41, message: incoming });
    await settle(el);
    expect(firstVisible(scroller).key).to.equal(before.key);
    const button = getByRole(el.shadowRoot!, 'button', 'New messages');
    button.click();
    await settle(el);
    expect(distanceToBottom(scroller)).to.be.below(30);
    expect(queryByRole(el.shadowRoot!, 'button', 'New messages')).to.be.null;
    expect(allByRole(el.shadowRoot!, 'article').at(-1)!.textContent).to.contain('Hello again');
  });

  it('follows the rep’s own sent message even when scrolled up', async () => {
    const { el, store } = await mountThread({ messages: messages('conv-1', 40), height: 300 });
    await scrollLogTo(el, 0);
    void store.send('conv-1', { text: 'On my way' });
    await settle(el);
    expect(distanceToBottom(log(el))).to.be.below(30);
  });
});

describe('<thread-view> keyboard and focus', () => {
  it('moves focus to the log when the focused message scrolls out of the rendered window', async () => {
    const { el } = await mountThread({ messages: messages('conv-1', 2000), pageSize: 2000, height: 300 });
    const last = allByRole(el.shadowRoot!, 'article').at(-1)!;
    getByRole(last, 'button', 'Reply').focus();
    await scrollLogTo(el, 0);
    expect(el.shadowRoot!.activeElement).to.equal(getByRole(el.shadowRoot!, 'log', 'Messages'));
  });
});
