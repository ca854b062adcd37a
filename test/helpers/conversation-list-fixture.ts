import { fixture, html } from '@open-wc/testing';

import type { HelpDeskAdapter } from '../../src/adapters/adapter.js';
import { HelpDeskError } from '../../src/adapters/errors.js';
import { MemoryAdapter } from '../../src/adapters/memory/index.js';
import { ConversationList } from '../../src/elements/conversation-list/conversation-list.js';
import { createFixture, type Fixture } from '../../src/fixtures/index.js';
import { HelpDeskStore } from '../../src/state/store.js';
import { getByRole, queryAllByRole, waitFor } from './conversation-list-queries.js';

if (!customElements.get('conversation-list')) customElements.define('conversation-list', ConversationList);

/** A Storage in memory, so preferences persist across stores within a test and never leak out of it. */
export class MemoryStorage implements Storage {
  private readonly map = new Map<string, string>();
  get length() {
    return this.map.size;
  }
  clear() {
    this.map.clear();
  }
  getItem(key: string) {
    return this.map.get(key) ?? null;
  }
  key(index: number) {
    return [...this.map.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.map.delete(key);
  }
  setItem(key: string, value: string) {
    this.map.set(key, String(value));
  }
}

export interface MountOptions {
  data?: Fixture;
  adapter?: HelpDeskAdapter;
  storage?: Storage | null;
  /** Extra attributes, as a template is overkill for a handful. */
  attributes?: Record<string, string>;
  /** Wait for the first rows (default true). */
  rows?: boolean;
}

export async function mountList(options: MountOptions = {}) {
  const data = options.data ?? createFixture({ seed: 3, conversations: 40 });
  const memory = new MemoryAdapter({ fixture: data });
  const adapter = options.adapter ?? memory;
  const store = new HelpDeskStore(adapter, { storage: options.storage ?? null });
  void store.start();
  const list = document.createElement('conversation-list');
  for (const [name, value] of Object.entries(options.attributes ?? {})) list.setAttribute(name, value);
  list.store = store;
  const wrapper = await fixture<HTMLDivElement>(
    html`<div style="height: 600px; width: 480px; display: flex"></div>`,
  );
  wrapper.append(list);
  await list.updateComplete;
  if (options.rows !== false) await waitFor(() => queryAllByRole(list, 'option').length > 0);
  return { list, store, adapter, memory, data };
}

export const listbox = (list: Element) => getByRole(list, 'listbox', { name: 'Conversations' });
export const options = (list: Element) => queryAllByRole(listbox(list), 'option');

/** An adapter whose listConversations fails until `heal()` is called. */
export function failingConversations(inner: HelpDeskAdapter) {
  let failing = true;
  const adapter = new Proxy(inner, {
    get(target, key, receiver) {
      if (key === 'listConversations' && failing) {
        return () => Promise.reject(new HelpDeskError('unavailable', 'The server is down <b>today</b>.'));
      }
      const value = Reflect.get(target, key, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { adapter, heal: () => (failing = false) };
}

/** Replaces window.Notification with a recorder that has the given permission. */
export function stubNotifications(permission: NotificationPermission) {
  const shown: { title: string; options?: NotificationOptions }[] = [];
  const original = window.Notification;
  class FakeNotification {
    static permission = permission;
    static requestPermission = () => Promise.resolve(permission);
    onclick: (() => void) | null = null;
    constructor(title: string, opts?: NotificationOptions) {
      shown.push({ title, options: opts });
    }
    close() {}
  }
  Object.defineProperty(window, 'Notification', {
    value: FakeNotification,
    configurable: true,
    writable: true,
  });
  return {
    shown,
    restore: () =>
      Object.defineProperty(window, 'Notification', { value: original, configurable: true, writable: true }),
  };
}
