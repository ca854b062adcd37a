// Shared by the embedding tests: seeded desks, and driving a desk as a rep does (by role and name).
import { sendKeys } from '@web/test-runner-commands';

import type { HelpDeskAdapter } from '../../src/adapters/adapter.js';
import { HelpDeskError } from '../../src/adapters/errors.js';
import { createFixture, type Fixture } from '../../src/fixtures/index.js';
import { getByRole, queryAllByRole, queryByRole, visibleText, waitFor } from '../helpers/queries.js';

/** The kit's default storage prefix (HelpDeskStoreOptions.storageKey). */
export const DEFAULT_STORAGE_PREFIX = 'helpdesk-elements';

/** A small seeded fixture; different seeds give different contacts under the same ids (conv-1, ...). */
export const smallFixture = (seed: number): Fixture => createFixture({ seed, conversations: 12 });

/** An open conversation whose contact name no other conversation of the fixture has. */
export function uniqueConversation(fixture: Fixture, skip: string[] = []): { id: string; name: string } {
  const count = (name: string) => fixture.conversations.filter((c) => c.contactName === name).length;
  const found = fixture.conversations.find(
    (c) => c.status === 'open' && !skip.includes(c.id) && c.contactName.trim() && count(c.contactName) === 1,
  );
  if (!found) throw new Error('the fixture has no open conversation with a contact of its own');
  return { id: found.id, name: found.contactName };
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Matches an accessible name that starts with `text` as a whole word (a row starts with the contact). */
export const startsWith = (text: string) => new RegExp(`^${escape(text)}\\b`);

export const listbox = (root: Element) => getByRole(root, 'listbox', { name: 'Conversations' });
export const rows = (root: Element) => queryAllByRole(listbox(root), 'option');
export const threadLog = (root: Element) => getByRole(root, 'log', { name: 'Messages' });
export const messagesIn = (root: Element) => queryAllByRole(threadLog(root), 'article');
export const selectedRows = (root: Element) =>
  rows(root).filter((row) => row.getAttribute('aria-selected') === 'true');

/** Waits until the desk's list shows rows. */
export const rowsShown = (root: Element) =>
  waitFor(() => rows(root).length > 0 && rows(root), 'conversation rows', 8000);

/** Clicks the row of the contact, and waits for its thread to show messages. */
export async function openConversation(root: Element, contact: string): Promise<void> {
  const row = await waitFor(
    () => getByRole<HTMLElement>(listbox(root), 'option', startsWith(contact)),
    `row ${contact}`,
  );
  row.click();
  await waitFor(() => row.getAttribute('aria-selected') === 'true', `${contact} selected`);
  await waitFor(() => messagesIn(root).length > 0, `messages of ${contact}`, 8000);
}

/** The rich reply textbox once the lazy editor engine has replaced the plain text area. */
export const replyBox = (root: Element) =>
  waitFor(
    () => {
      const box = queryByRole(root, 'textbox', { name: 'Reply' });
      return box?.getAttribute('contenteditable') === 'true' ? box : null;
    },
    'the rich reply editor',
    10_000,
  );

/** Types into the desk's reply editor with real key presses. */
export async function typeReply(root: Element, text: string): Promise<HTMLElement> {
  const box = await replyBox(root);
  box.focus();
  await sendKeys({ type: text });
  await waitFor(() => box.textContent?.includes(text), 'the typed text');
  return box;
}

/** Clicks "Send" and waits for the message to show in the desk's thread. */
export async function sendReply(root: Element, text: string): Promise<void> {
  getByRole(root, 'button', { name: 'Send' }).click();
  await waitFor(
    () => messagesIn(root).some((m) => visibleText(m).includes(text)),
    `"${text}" in the thread`,
    8000,
  );
}

export const threadShows = (root: Element, text: string) =>
  messagesIn(root).some((m) => visibleText(m).includes(text));

/** Removes whatever the kit persisted in this page's localStorage, so every test starts clean. */
export function clearKitStorage(): void {
  for (const key of Object.keys(localStorage)) {
    if (key.startsWith(DEFAULT_STORAGE_PREFIX) || key.startsWith('desk-')) localStorage.removeItem(key);
  }
}

/** An adapter whose sends fail as a flaky backend's do: the message stays, failed, for a retry. */
export function failingSends(inner: HelpDeskAdapter): HelpDeskAdapter {
  return new Proxy(inner, {
    get(target, key, receiver) {
      if (key === 'sendMessage') {
        return () => Promise.reject(new HelpDeskError('unavailable', 'The backend is down.'));
      }
      const value = Reflect.get(target, key, receiver) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** Replaces window.Notification with a recorder that has permission; `restore()` puts it back. */
export function recordDesktopNotifications() {
  const shown: { title: string; body?: string }[] = [];
  const original = window.Notification;
  class Recorder {
    static permission: NotificationPermission = 'granted';
    static requestPermission = () => Promise.resolve('granted' as NotificationPermission);
    onclick: (() => void) | null = null;
    constructor(title: string, options?: NotificationOptions) {
      shown.push({ title, body: options?.body });
    }
    close() {}
  }
  Object.defineProperty(window, 'Notification', { value: Recorder, configurable: true, writable: true });
  return {
    shown,
    restore: () =>
      Object.defineProperty(window, 'Notification', { value: original, configurable: true, writable: true }),
  };
}
