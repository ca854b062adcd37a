// Desks for the channel elements' tests: a MemoryAdapter on a small fixture, optionally changed
// (a hostile channel, a same-origin connection page), and a started store without storage.
import { sendKeys } from '@web/test-runner-commands';

import type { HelpDeskAdapter } from '../../src/adapters/adapter.js';
import { MemoryAdapter } from '../../src/adapters/memory/index.js';
import { createFixture, type Fixture } from '../../src/fixtures/index.js';
import { HelpDeskStore } from '../../src/state/store.js';
import { deepActiveElement } from './queries.js';

export async function makeDesk(
  options: { change?: (fixture: Fixture) => void; wrap?: (adapter: MemoryAdapter) => HelpDeskAdapter } = {},
) {
  const fixture = createFixture({ seed: 3, conversations: 4, messagesPerConversation: 2 });
  options.change?.(fixture);
  const memory = new MemoryAdapter({ fixture });
  const adapter = options.wrap ? options.wrap(memory) : memory;
  const store = new HelpDeskStore(adapter, { storage: null });
  await store.start();
  return { store, adapter, memory, fixture };
}

/** Clicks an element and types into it with real key presses. */
export async function typeInto(element: HTMLElement, text: string): Promise<void> {
  element.focus();
  await sendKeys({ type: text });
}

/** Puts a long value in at once, as a paste would (typing 10,000 keys would take minutes). */
export function pasteInto(element: HTMLInputElement, text: string): void {
  element.focus();
  element.value = text;
  element.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

/** Lets pending promises and renders run. */
export async function settle(element?: { updateComplete: Promise<unknown> }): Promise<void> {
  for (let i = 0; i < 3; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await element?.updateComplete;
  }
}

/** Focuses and clicks, as a pointer or keyboard user's press would (a bare `click()` leaves focus). */
export function press(element: HTMLElement): void {
  element.focus();
  element.click();
}

/** Whether `element` has focus; compared without chai, whose message for a DOM node can hang. */
export function hasFocus(element: Element): boolean {
  return deepActiveElement() === element;
}
