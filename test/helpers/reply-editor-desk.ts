// A small desk for <reply-editor> tests: a store on a MemoryAdapter over a seeded fixture, with
// drafts kept in an in-memory Storage (pass the same one to a second desk to "reload the page").
import { fixture, html } from '@open-wc/testing';

import { MemoryAdapter } from '../../src/adapters/memory/index.js';
import { ReplyEditor } from '../../src/elements/reply-editor/reply-editor.js';
import { createFixture } from '../../src/fixtures/index.js';
import { HelpDeskStore } from '../../src/state/store.js';
import { queryByRole, waitFor } from './queries.js';

if (!customElements.get('reply-editor')) customElements.define('reply-editor', ReplyEditor);

/** conv-1: Lumen Chat (rich text, ticket-1); conv-8: Parrot SMS (plain text, 1 image ≤ 5 MB); conv-13: Pulse Forms (no outgoing). */
export const RICH = 'conv-1';
export const PLAIN = 'conv-8';
export const INCOMING_ONLY = 'conv-13';

export interface Desk {
  store: HelpDeskStore;
  adapter: MemoryAdapter;
  storage: MemoryStorage;
}

export async function makeDesk(options: { latencyMs?: number; storage?: MemoryStorage } = {}): Promise<Desk> {
  const adapter = new MemoryAdapter({
    fixture: createFixture({ seed: 1, conversations: 30 }),
    latencyMs: options.latencyMs ?? 0,
  });
  const storage = options.storage ?? new MemoryStorage();
  const store = new HelpDeskStore(adapter, { storage });
  await store.start();
  return { store, adapter, storage };
}

export async function mountEditor(desk: Desk, conversationId = RICH): Promise<ReplyEditor> {
  const el = await fixture<ReplyEditor>(
    html`<reply-editor .store=${desk.store} conversation-id=${conversationId}></reply-editor>`,
  );
  await el.updateComplete;
  return el;
}

/** The ProseMirror textbox, once the engine has loaded and swapped in. */
export function richTextbox(el: ReplyEditor): Promise<HTMLElement> {
  return waitFor(() => {
    const box = queryByRole(el, 'textbox', 'Reply');
    return box?.getAttribute('contenteditable') === 'true' ? box : null;
  }, 'the rich editor');
}

/** A Storage that lives in memory, so each test's drafts are its own and a "reload" can share it. */
export class MemoryStorage implements Storage {
  private data = new Map<string, string>();
  get length() {
    return this.data.size;
  }
  clear() {
    this.data.clear();
  }
  getItem(key: string) {
    return this.data.get(key) ?? null;
  }
  key(index: number) {
    return [...this.data.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.data.delete(key);
  }
  setItem(key: string, value: string) {
    this.data.set(key, String(value));
  }
}

/** Presses a key with a modifier held, as a user does (Control+Enter, Control+B). */
export async function chord(modifier: 'Control' | 'Shift' | 'Meta', key: string): Promise<void> {
  const { sendKeys } = await import('@web/test-runner-commands');
  await sendKeys({ down: modifier });
  await sendKeys({ press: key });
  await sendKeys({ up: modifier });
}
