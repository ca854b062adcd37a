// Finds elements as a user (and assistive technology) would: by role and accessible name, through
// shadow roots. Small on purpose: the roles and naming rules <thread-view> uses, nothing more.

import { waitFor as waitUntil } from './queries.js';

const implicit: Record<string, string> = {
  button: 'button',
  article: 'article',
  link: 'a[href]',
  dialog: 'dialog',
  img: 'img:not([alt=""])',
  separator: 'hr',
  group: 'fieldset',
};

function allElements(root: ParentNode): Element[] {
  const out: Element[] = [];
  const walk = (node: ParentNode) => {
    for (const el of node.querySelectorAll('*')) {
      out.push(el);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(root);
  return out;
}

export function roleOf(el: Element): string | null {
  const explicit = el.getAttribute('role');
  if (explicit) return explicit.split(' ')[0]!;
  for (const [role, selector] of Object.entries(implicit)) if (el.matches(selector)) return role;
  return null;
}

function textOf(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  if (!(node instanceof Element)) return '';
  if (node.getAttribute('aria-hidden') === 'true') return '';
  if (node instanceof HTMLImageElement) return node.alt;
  if (node.hasAttribute('aria-label')) return node.getAttribute('aria-label')!;
  return [...node.childNodes].map(textOf).join('');
}

/** The accessible name, for the naming rules the kit uses (aria-labelledby, aria-label, alt, content). */
export function nameOf(el: Element): string {
  const labelledBy = el.getAttribute('aria-labelledby');
  if (labelledBy) {
    const root = el.getRootNode() as Document | ShadowRoot;
    return labelledBy
      .split(/\s+/)
      .map((id) => root.getElementById(id))
      .map((ref) => (ref ? textOf(ref) : ''))
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim();
  }
  const label = el.getAttribute('aria-label');
  if (label) return label.trim();
  if (el instanceof HTMLImageElement) return el.alt;
  return [...el.childNodes].map(textOf).join('').replace(/\s+/g, ' ').trim();
}

function matches(name: string, wanted: string | RegExp | undefined): boolean {
  if (wanted === undefined) return true;
  return typeof wanted === 'string' ? name === wanted : wanted.test(name);
}

/** Every element of `role` (optionally with a name) inside `root`, shadow roots included. */
export function allByRole(root: ParentNode, role: string, name?: string | RegExp): HTMLElement[] {
  return allElements(root).filter((el) => roleOf(el) === role && matches(nameOf(el), name)) as HTMLElement[];
}

/** The one element of `role` with `name`; throws naming what was found otherwise. */
export function getByRole(root: ParentNode, role: string, name?: string | RegExp): HTMLElement {
  const found = allByRole(root, role, name);
  if (found.length !== 1) {
    const seen = allByRole(root, role).map((el) => JSON.stringify(nameOf(el)));
    throw new Error(
      `Expected one ${role} named ${String(name)}, found ${found.length}. ${role}s: ${seen.slice(0, 20).join(', ')}`,
    );
  }
  return found[0]!;
}

export function queryByRole(root: ParentNode, role: string, name?: string | RegExp): HTMLElement | null {
  return allByRole(root, role, name)[0] ?? null;
}

/**
 * Yields one task. Through a MessageChannel, not a timer or an animation frame: test pages that run
 * side by side are in the background, where timers are throttled to one a second and frames stop.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * Waits task by task (see `nextTask`) until `check` returns a value, for up to `timeout` ms by the
 * clock: a count of tasks can run out before a view's chunk arrives from a cold dev server.
 */
export function waitFor<T>(
  check: () => T | null | undefined | false,
  what = 'condition',
  timeout = 4000,
): Promise<T> {
  return waitUntil(check, what, timeout, nextTask);
}

export function countElements(root: ParentNode = document): number {
  return allElements(root).length;
}
