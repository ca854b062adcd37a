// Keyboard-only driving for the a11y suites: real key presses (sendKeys), where focus is (through shadow
// roots), and the browser's file chooser answered without a mouse.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';

import { deepActiveElement, nameOf, roleOf, waitFor } from '../helpers/queries.js';

/** The parent in the composed tree: a shadow root's host, else the parent node. */
function composedParent(node: Node): Node | null {
  return node.parentNode instanceof ShadowRoot ? node.parentNode.host : node.parentNode;
}

/** Whether `node` is `ancestor` or inside it, through shadow roots. */
export function composedContains(ancestor: Node, node: Node | null): boolean {
  for (let n = node; n; n = composedParent(n)) if (n === ancestor) return true;
  return false;
}

/** The focused element named for a failure message: role, name, and the element whose shadow root holds it. */
export function describeFocus(el: Element | null = deepActiveElement()): string {
  if (!el) return 'nothing';
  const host = (el.getRootNode() as ShadowRoot).host?.localName ?? 'document';
  return `<${el.localName}> ${roleOf(el) ?? ''} "${nameOf(el).slice(0, 60)}" in ${host}`;
}

/** Focus is on an element inside `desk` (never `body`, never outside). */
export function expectFocusIn(desk: Element, after: string): void {
  const active = deepActiveElement();
  expect(active === null || active === document.body, `focus after ${after} went to body`).to.be.false;
  expect(composedContains(desk, active), `focus after ${after} is outside the desk: ${describeFocus(active)}`)
    .to.be.true;
}

/** Presses one key (a name like `Enter` or a character), or a chord (`Shift+Tab`): modifiers held around it. */
export async function press(key: string): Promise<void> {
  const parts = key.length > 1 ? key.split('+') : [key];
  const main = parts.pop()!;
  for (const modifier of parts) await sendKeys({ down: modifier });
  await sendKeys({ press: main });
  for (const modifier of parts.reverse()) await sendKeys({ up: modifier });
}

/** Types text as key presses. */
export async function type(text: string): Promise<void> {
  await sendKeys({ type: text });
}

/**
 * Presses Tab (Shift+Tab when `backwards`) until the focused element passes `match`; fails, naming every
 * stop, after `max` presses. Every stop must be inside `desk` (Tab never leaves it for body on the way).
 */
export async function tabTo(
  desk: Element,
  match: (el: Element) => boolean,
  what: string,
  { backwards = false, max = 60 } = {},
): Promise<HTMLElement> {
  const stops: string[] = [];
  for (let i = 0; i < max; i++) {
    await press(backwards ? 'Shift+Tab' : 'Tab');
    const active = deepActiveElement();
    stops.push(describeFocus(active));
    expectFocusIn(desk, `Tab towards ${what} (stops: ${stops.join(' → ')})`);
    if (active && match(active)) return active as HTMLElement;
  }
  throw new Error(`Tab never reached ${what}; stops: ${stops.join(' → ')}`);
}

/** Matches an element by role and accessible name. */
export const byRole =
  (role: string, name?: string | RegExp) =>
  (el: Element): boolean => {
    if (roleOf(el) !== role) return false;
    if (name === undefined) return true;
    const actual = nameOf(el);
    return typeof name === 'string' ? actual === name : name.test(actual);
  };

/** Presses `key` until the focused element passes `match` (arrows in a menu, a toolbar). */
export async function pressUntil(
  key: string,
  match: (el: Element) => boolean,
  what: string,
  max = 30,
): Promise<HTMLElement> {
  for (let i = 0; i < max; i++) {
    const active = deepActiveElement();
    if (active && match(active)) return active as HTMLElement;
    await press(key);
  }
  throw new Error(`${key} never reached ${what}; focus is on ${describeFocus()}`);
}

/**
 * Answers the next file chooser with `files`, as a rep picking them would: the page's click on a file
 * input is cancelled before the native dialog opens (web-test-runner's commands cannot drive a native
 * chooser), its `files` set from a DataTransfer, and `change` fired. Resolves once it answered.
 */
export function answerFileChooser(files: File[]): Promise<HTMLInputElement> {
  return new Promise((resolve) => {
    const onClick = (event: Event) => {
      const input = event.composedPath()[0];
      if (!(input instanceof HTMLInputElement) || input.type !== 'file') return;
      document.removeEventListener('click', onClick, true);
      event.preventDefault();
      const transfer = new DataTransfer();
      files.forEach((file) => transfer.items.add(file));
      // After the click returns, as the browser fires `change` once the dialog closes.
      setTimeout(() => {
        input.files = transfer.files;
        input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
        input.dispatchEvent(new Event('change', { bubbles: true }));
        resolve(input);
      });
    };
    document.addEventListener('click', onClick, true);
  });
}

/** Waits until focus is on an element passing `match`. */
export function focusReaches(
  match: (el: Element) => boolean,
  what: string,
  timeout = 4000,
): Promise<Element> {
  return waitFor(
    () => {
      const active = deepActiveElement();
      return active && match(active) ? active : null;
    },
    `focus on ${what} (it is on ${describeFocus()})`,
    timeout,
  );
}
