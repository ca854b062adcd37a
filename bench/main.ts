// The benchmark page (`npm run bench`): a help desk of <conversation-list> and <thread-view> inside
// <help-desk-provider>, on a MemoryAdapter over a large fixture. scripts/bench.mjs drives it through
// `window.bench`; every figure is measured here, in the page.
import type { HelpDeskEvent } from '../src/adapters/adapter.js';
import { MemoryAdapter } from '../src/adapters/memory/index.js';
import { HelpDeskProvider } from '../src/elements/help-desk-provider/index.js';
import { createFixture, type Fixture } from '../src/fixtures/index.js';
import { HelpDeskStore } from '../src/state/store.js';
import { countElements, frame, queryDeep, scrollerOf, showsText, sleep, stats, whenShown } from './dom.js';

/** The elements under test; a module that does not exist yet is simply missing from this map. */
const elementModules = import.meta.glob<Record<string, unknown>>([
  '../src/elements/conversation-list/index.ts',
  '../src/elements/thread-view/index.ts',
  '../src/elements/reply-editor/index.ts',
]);

const TAGS = ['conversation-list', 'thread-view', 'reply-editor'] as const;
type Tag = (typeof TAGS)[number];

if (!customElements.get('help-desk-provider')) customElements.define('help-desk-provider', HelpDeskProvider);

/** Defines the elements with a guard (the lead wires registry.ts); returns what is usable and why not. */
async function defineElements(): Promise<Record<Tag, string | null>> {
  const problems = {} as Record<Tag, string | null>;
  for (const tag of TAGS) {
    const load = elementModules[`../src/elements/${tag}/index.ts`];
    if (!load) {
      problems[tag] = 'module missing';
      continue;
    }
    try {
      const module = await load();
      const element = Object.values(module).find(
        (value): value is CustomElementConstructor =>
          typeof value === 'function' && value.prototype instanceof HTMLElement,
      );
      if (!element) problems[tag] = 'no element class exported';
      else {
        if (!customElements.get(tag)) customElements.define(tag, element);
        problems[tag] = null;
      }
    } catch (error) {
      problems[tag] = `failed to load: ${String(error)}`;
    }
  }
  return problems;
}

interface Desk {
  adapter: MemoryAdapter;
  store: HelpDeskStore;
  provider: HelpDeskProvider;
  list: HTMLElement;
  thread: HTMLElement;
  /** performance.now() of each message.created the adapter emitted, by message text. */
  emitted: Map<string, number>;
}

let fixture: Fixture | null = null;
let desk: Desk | null = null;
const stage = document.getElementById('stage')!;

const THREAD_ID = 'conv-1';

function unmount(): void {
  if (!desk) return;
  desk.provider.remove();
  desk.store.dispose();
  desk.adapter.dispose();
  desk = null;
}

/** Mounts a desk on a fresh adapter (which holds the data before the clock starts). */
async function mount(): Promise<{ desk: Desk; startedAt: number }> {
  unmount();
  const adapter = new MemoryAdapter({ fixture: fixture! });
  // The adapter's backend is a chunk that builds its state when it arrives: answering a call means
  // it holds the data.
  await adapter.getCurrentAgent();
  const emitted = new Map<string, number>();
  // Subscribed before the store, so the time is taken when the adapter emits, before anyone reacts.
  adapter.events$.subscribe((event: HelpDeskEvent) => {
    if (event.type === 'message.created') emitted.set(event.message.text, performance.now());
  });
  const store = new HelpDeskStore(adapter, { storage: null });
  const startedAt = performance.now();
  const provider = document.createElement('help-desk-provider');
  provider.store = store;
  const layout = document.createElement('div');
  layout.className = 'desk';
  const list = document.createElement('conversation-list');
  const thread = document.createElement('thread-view');
  thread.setAttribute('conversation-id', THREAD_ID);
  layout.append(list, thread);
  provider.append(layout);
  stage.append(provider);
  void store.start();
  desk = { adapter, store, provider, list, thread, emitted };
  return { desk, startedAt };
}

const rows = (d: Desk) => queryDeep(d.list, '[role="option"]').length;
const articles = (d: Desk) => queryDeep(d.thread, 'article').length;

/** Longest tasks (PerformanceObserver 'longtask': only tasks over 50 ms are reported) during `run`. */
async function longTasksDuring(run: () => Promise<void>): Promise<{ longest: number; count: number }> {
  const durations: number[] = [];
  const observer = new PerformanceObserver((list) =>
    list.getEntries().forEach((e) => durations.push(e.duration)),
  );
  observer.observe({ type: 'longtask', buffered: false });
  await run();
  await frame();
  durations.push(...observer.takeRecords().map((e) => e.duration));
  observer.disconnect();
  return { longest: durations.length > 0 ? Math.max(...durations) : 0, count: durations.length };
}

const bench = {
  async available(): Promise<Record<Tag, string | null>> {
    return defineElements();
  },

  /** Makes the fixture (cold, then warm) and reads the long thread once, so the adapter holds it. */
  async load(options: {
    conversations: number;
    firstConversationMessages: number;
    seed?: number;
    warmRuns?: number;
  }) {
    unmount();
    fixture = null;
    const spec = {
      seed: options.seed ?? 1,
      conversations: options.conversations,
      firstConversationMessages: options.firstConversationMessages,
    };
    const runs: number[] = [];
    for (let i = 0; i <= (options.warmRuns ?? 0); i++) {
      fixture = null;
      const t = performance.now();
      fixture = createFixture(spec);
      runs.push(performance.now() - t);
    }
    const t = performance.now();
    const longThread = fixture!.messages[fixture!.conversations[0]!.id]!.length;
    const threadMs = performance.now() - t;
    const adapterStart = performance.now();
    const adapter = new MemoryAdapter({ fixture: fixture! });
    await adapter.getCurrentAgent();
    adapter.dispose();
    return {
      fixtureColdMs: runs[0]!,
      fixtureWarmMs: runs.length > 1 ? Math.min(...runs.slice(1)) : null,
      threadMs,
      longThread,
      adapterMs: performance.now() - adapterStart,
    };
  },

  /**
   * Mounts the desk and resolves with the ms until the first visible rows and messages are in the
   * DOM (`dom`) and in a frame (`frame`: the next animation frame after that, when they are painted).
   */
  async firstRender(
    timeoutMs = 10_000,
  ): Promise<{ dom: number; frame: number; rows: number; articles: number }> {
    const { desk: d, startedAt } = await mount();
    const shownAt = await Promise.all([
      whenShown(d.list, () => rows(d) >= 5, timeoutMs),
      whenShown(d.thread, () => articles(d) >= 5, timeoutMs),
    ]);
    const dom = Math.max(...shownAt) - startedAt;
    const painted = (await frame()) - startedAt;
    return { dom, frame: painted, rows: rows(d), articles: articles(d) };
  },

  elements(): number {
    return countElements();
  },

  /** Incoming messages into the open thread: ms from the adapter's emit to the text in the thread's DOM. */
  async incoming(count: number, timeoutMs = 5_000) {
    const d = desk!;
    const conversation = fixture!.conversations[0]!;
    const dom: number[] = [];
    const painted: number[] = [];
    const failures: string[] = [];
    for (let i = 0; i < count; i++) {
      const text = `Bench incoming ${i} ${Math.random().toString(36).slice(2, 8)}`;
      const shown = whenShown(d.thread, () => showsText(d.thread, text), timeoutMs);
      try {
        await d.adapter.receive({
          channelAccountId: conversation.channelAccountId!,
          conversationId: conversation.id,
          text,
        });
        const at = await shown;
        const next = await frame();
        const emittedAt = d.emitted.get(text)!;
        dom.push(at - emittedAt);
        painted.push(next - emittedAt);
      } catch (error) {
        failures.push(String(error));
        await shown.catch(() => undefined);
      }
      await frame();
      await sleep(20);
    }
    return {
      dom: stats(dom),
      frame: stats(painted),
      failures: failures.slice(0, 3),
      failed: failures.length,
    };
  },

  /** Scrolls the list to its last row, loading every page; reports long tasks meanwhile. */
  async scrollList(timeoutMs = 240_000) {
    const d = desk!;
    const scroller = scrollerOf(d.list, '[part~="list"]');
    if (!scroller) return { error: 'no scrolling element found in <conversation-list>' };
    const started = performance.now();
    let frames = 0;
    const tasks = await longTasksDuring(async () => {
      for (;;) {
        const c = d.store.state.conversations;
        const atEnd = scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 2;
        if (atEnd && !c.hasMore && !c.loading) break;
        if (performance.now() - started > timeoutMs) break;
        // Several screens per frame: a rep flinging the list, as fast as it can render.
        scroller.scrollTop += scroller.clientHeight * 8;
        await frame();
        frames++;
      }
    });
    const c = d.store.state.conversations;
    return { ...tasks, rows: c.ids.length, complete: !c.hasMore, frames, ms: performance.now() - started };
  },

  /** Scrolls the open thread up to its oldest message, loading every older page. */
  async scrollThread(timeoutMs = 120_000) {
    const d = desk!;
    const scroller = scrollerOf(d.thread, '[part~="log"]');
    if (!scroller) return { error: 'no scrolling element found in <thread-view>' };
    const started = performance.now();
    let frames = 0;
    const tasks = await longTasksDuring(async () => {
      for (;;) {
        const t = d.store.state.messages.threads[THREAD_ID];
        if (scroller.scrollTop <= 0 && t && !t.hasOlder && !t.loading) break;
        if (performance.now() - started > timeoutMs) break;
        scroller.scrollTop -= scroller.clientHeight * 4;
        await frame();
        frames++;
      }
    });
    const t = d.store.state.messages.threads[THREAD_ID];
    return {
      ...tasks,
      messages: t?.ids.length ?? 0,
      complete: t ? !t.hasOlder : false,
      frames,
      ms: performance.now() - started,
    };
  },

  /**
   * Mounts a <reply-editor> under the thread whose draft is a reply of `words` words (in paragraphs of
   * 50), focuses it so the rich engine loads. The script
   * then presses Ctrl+End and types with real key events while it records a trace.
   */
  async typingSetup(words: number, timeoutMs = 20_000) {
    const d = desk!;
    const conversationId = THREAD_ID;
    const paragraphs: string[] = [];
    for (let i = 0; i < words; i += 50) {
      const count = Math.min(50, words - i);
      paragraphs.push(Array.from({ length: count }, (_, j) => `word${(i + j) % 997}`).join(' '));
    }
    d.store.updateDraft(conversationId, {
      text: paragraphs.join('\n\n'),
      richText: paragraphs.map((p) => `<p>${p}</p>`).join(''),
    });
    const editor = document.createElement('reply-editor');
    editor.setAttribute('conversation-id', conversationId);
    d.thread.after(editor);
    // The editor under the thread at its own height, the list beside both, all within the window, as
    // in <help-desk>. (Placed under the list with a fixed height its content overflowed, the editor made
    // the page taller than the window: the caret then scrolled the window, and each window scroll made
    // the list's virtualizer work, in typing's tasks.)
    Object.assign(d.thread.parentElement!.style, { gridTemplateRows: 'minmax(0, 1fr) auto' });
    Object.assign(d.list.style, { gridRow: '1 / 3', height: 'auto' });
    Object.assign(d.thread.style, { height: 'auto' });
    editor.style.gridColumn = '2';
    const started = performance.now();
    let surface: HTMLElement | undefined;
    while (performance.now() - started < timeoutMs) {
      surface = queryDeep(editor, '.ProseMirror[contenteditable="true"]')[0] as HTMLElement | undefined;
      if (surface && (surface.textContent?.length ?? 0) > words * 4) break;
      queryDeep(editor, 'textarea, [role="textbox"]')[0]?.dispatchEvent(new FocusEvent('focus'));
      (queryDeep(editor, 'textarea, [role="textbox"]')[0] as HTMLElement | undefined)?.focus();
      await sleep(50);
    }
    if (!surface) throw new Error('the rich editor did not load');
    surface.focus();
    await sleep(500);
    const wordCount = [...surface.children].reduce(
      (sum, paragraph) => sum + (paragraph.textContent ?? '').split(/\s+/u).filter(Boolean).length,
      0,
    );
    const page = document.scrollingElement!;
    return {
      words: wordCount,
      loadMs: performance.now() - started,
      pageOverflowPx: page.scrollHeight - page.clientHeight,
    };
  },

  /** What the reply holds now: its length in characters and whether it ends with `suffix`. */
  typingResult(suffix: string) {
    const editor = desk!.thread.parentElement!.querySelector('reply-editor')!;
    // Chromium types a trailing space into a contenteditable as a no-break space.
    const text = (queryDeep(editor, '.ProseMirror')[0]?.textContent ?? '').replace(/\u00a0/gu, ' ').trimEnd();
    return { chars: text.length, endsWithTyped: text.endsWith(suffix), tail: text.slice(-60) };
  },

  heapFromPage(): number | null {
    const memory = (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory;
    return memory ? memory.usedJSHeapSize : null;
  },
};

declare global {
  interface Window {
    bench: typeof bench;
  }
}

window.bench = bench;
document.documentElement.dataset.ready = 'true';
