/**
 * Finds elements of the channel elements the way an admin (or assistive technology) does: by role
 * and accessible name, through open shadow roots. A small subset of the accessible-name algorithm,
 * enough for this markup; hidden elements (closed dialogs, `hidden`, `display: none`) are skipped.
 */

const implicitRoles: Record<string, (el: Element) => string | null> = {
  button: () => 'button',
  a: (el) => (el.hasAttribute('href') ? 'link' : null),
  input: (el) => {
    const type = (el.getAttribute('type') ?? 'text').toLowerCase();
    if (type === 'checkbox') return 'checkbox';
    if (type === 'search') return 'searchbox';
    if (type === 'radio') return 'radio';
    if (['button', 'submit', 'reset'].includes(type)) return 'button';
    return 'textbox';
  },
  textarea: () => 'textbox',
  select: () => 'combobox',
  ul: () => 'list',
  ol: () => 'list',
  li: () => 'listitem',
  dialog: () => 'dialog',
  fieldset: () => 'group',
  table: () => 'table',
  tr: () => 'row',
  th: () => 'columnheader',
  td: () => 'cell',
  h1: () => 'heading',
  h2: () => 'heading',
  h3: () => 'heading',
  img: (el) => (el.getAttribute('alt') === '' ? null : 'img'),
};

export function roleOf(el: Element): string | null {
  return el.getAttribute('role') ?? implicitRoles[el.localName]?.(el) ?? null;
}

/** Every element under `root`, descending into open shadow roots. */
export function allElements(root: Element | ShadowRoot | Document): Element[] {
  const found: Element[] = [];
  const walk = (node: Element | ShadowRoot | Document) => {
    for (const child of Array.from(node.children)) {
      found.push(child);
      if (child.shadowRoot) walk(child.shadowRoot);
      walk(child);
    }
  };
  if (root instanceof Element && root.shadowRoot) walk(root.shadowRoot);
  walk(root);
  return found;
}

function parentOf(el: Element): Element | null {
  if (el.assignedSlot) return el.assignedSlot;
  if (el.parentElement) return el.parentElement;
  const root = el.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

export function isHidden(el: Element): boolean {
  for (let node: Element | null = el; node; node = parentOf(node)) {
    if (node.hasAttribute('hidden') || node.getAttribute('aria-hidden') === 'true') return true;
    if (node.localName === 'dialog' && !(node as HTMLDialogElement).open) return true;
    if (getComputedStyle(node).display === 'none') return true;
  }
  return false;
}

/** Text as read out: hidden and aria-hidden parts left out, visually hidden ones kept. */
function textOf(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  if (!(node instanceof Element)) return '';
  if (node.hasAttribute('hidden') || node.getAttribute('aria-hidden') === 'true') return '';
  if (node instanceof HTMLInputElement || node instanceof HTMLSelectElement) return '';
  return Array.from(node.childNodes).map(textOf).join('');
}

const clean = (text: string) => text.replace(/\s+/g, ' ').trim();

export function nameOf(el: Element): string {
  const root = el.getRootNode() as Document | ShadowRoot;
  const labelledBy = el.getAttribute('aria-labelledby');
  if (labelledBy) {
    return clean(
      labelledBy
        .split(/\s+/)
        .map((id) => {
          const target = root.getElementById?.(id);
          return target ? textOf(target) : '';
        })
        .join(' '),
    );
  }
  const label = el.getAttribute('aria-label');
  if (label) return label.trim();
  if (el instanceof HTMLImageElement) return el.alt.trim();
  if (el.localName === 'fieldset')
    return clean(textOf(el.querySelector('legend') ?? document.createElement('i')));
  if (el.localName === 'table')
    return clean(textOf(el.querySelector('caption') ?? document.createElement('i')));
  const labels = (el as HTMLInputElement).labels;
  if (labels && labels.length > 0) return clean(Array.from(labels).map(textOf).join(' '));
  if (['ul', 'ol', 'dialog', 'input', 'select', 'textarea'].includes(el.localName)) return '';
  return clean(textOf(el));
}

/** The accessible description: the text of the elements `aria-describedby` names, in its root. */
export function descriptionOf(el: Element): string {
  const root = el.getRootNode() as Document | ShadowRoot;
  return clean(
    (el.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => {
        const target = root.getElementById?.(id);
        return target ? textOf(target) : '';
      })
      .join(' '),
  );
}

export interface ByRoleOptions {
  name?: string | RegExp;
  hidden?: boolean;
}

export function queryAllByRole(
  root: Element | ShadowRoot | Document,
  role: string,
  options: ByRoleOptions = {},
) {
  return allElements(root).filter((el) => {
    if (roleOf(el) !== role) return false;
    if (!options.hidden && isHidden(el)) return false;
    if (options.name === undefined) return true;
    const name = nameOf(el);
    return typeof options.name === 'string' ? name === options.name : options.name.test(name);
  }) as HTMLElement[];
}

export function getByRole<T extends HTMLElement = HTMLElement>(
  root: Element | ShadowRoot | Document,
  role: string,
  options: ByRoleOptions = {},
): T {
  const found = queryAllByRole(root, role, options);
  if (found.length !== 1) {
    const seen = queryAllByRole(root, role, { hidden: options.hidden }).map((el) =>
      JSON.stringify(nameOf(el)),
    );
    throw new Error(
      `Expected one ${role} named ${String(options.name ?? '(any)')}, found ${found.length}. ${role}s present: ${seen.join(', ') || 'none'}`,
    );
  }
  return found[0] as T;
}

/** Polls each frame (up to `timeout` ms) until getByRole finds its element. */
export async function findByRole<T extends HTMLElement = HTMLElement>(
  root: Element | ShadowRoot | Document,
  role: string,
  options: ByRoleOptions = {},
  timeout = 3000,
): Promise<T> {
  const end = performance.now() + timeout;
  let last: unknown;
  while (performance.now() < end) {
    try {
      return getByRole<T>(root, role, options);
    } catch (error) {
      last = error;
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
  }
  throw last;
}

/** The focused element, through shadow roots. */
export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
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
