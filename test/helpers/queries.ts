/**
 * Finds elements the way a user (or assistive technology) does: by role and accessible name, through open
 * shadow roots. A small subset of the accessible-name algorithm, enough for the kit's own markup. Every
 * element suite's tests use this one implementation, so a fix to it (a role, a naming rule) reaches all.
 */

const headingOrRegion = (el: Element) => el.hasAttribute('aria-label') || el.hasAttribute('aria-labelledby');

const implicitRoles: Record<string, (el: Element) => string | null> = {
  button: () => 'button',
  a: (el) => (el.hasAttribute('href') ? 'link' : null),
  input: (el) => {
    const type = (el as HTMLInputElement).type;
    if (type === 'checkbox') return 'checkbox';
    if (type === 'search') return 'searchbox';
    if (type === 'radio') return 'radio';
    if (type === 'number') return 'spinbutton';
    // Not an ARIA role: the ticket sidebar's tests find its date fields by it.
    if (type === 'date') return 'date';
    if (type === 'file' || type === 'hidden') return null;
    if (['button', 'submit', 'reset'].includes(type)) return 'button';
    return 'textbox';
  },
  textarea: () => 'textbox',
  select: (el) => ((el as HTMLSelectElement).multiple ? 'listbox' : 'combobox'),
  option: () => 'option',
  progress: () => 'progressbar',
  ul: () => 'list',
  ol: () => 'list',
  dl: () => 'list',
  li: () => 'listitem',
  article: () => 'article',
  dialog: () => 'dialog',
  fieldset: () => 'group',
  table: () => 'table',
  tr: () => 'row',
  th: () => 'columnheader',
  td: () => 'cell',
  img: (el) => (el.getAttribute('alt') === '' ? null : 'img'),
  nav: () => 'navigation',
  form: (el) => (headingOrRegion(el) ? 'form' : null),
  section: (el) => (headingOrRegion(el) ? 'region' : null),
};

export function roleOf(el: Element): string | null {
  const explicit = el.getAttribute('role')?.trim().split(/\s+/)[0];
  if (explicit) return explicit;
  if (/^h[1-6]$/.test(el.localName)) return 'heading';
  return implicitRoles[el.localName]?.(el) ?? null;
}

/** Every element under `root`, descending into open shadow roots (and slotted light DOM once). */
export function allElements(root: ParentNode): Element[] {
  const found: Element[] = [];
  const walk = (node: ParentNode) => {
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

/** Hidden from the accessibility tree: `hidden`, `aria-hidden`, a closed dialog, or not rendered. */
export function isHidden(el: Element): boolean {
  for (let node: Element | null = el; node; node = parentOf(node)) {
    if (node.hasAttribute('hidden') || node.getAttribute('aria-hidden') === 'true') return true;
    if (node.localName === 'dialog' && !(node as HTMLDialogElement).open) return true;
    if (getComputedStyle(node).display === 'none') return true;
  }
  // Also catches light DOM no slot takes, which the walk above sees as rendered.
  return (el as HTMLElement).checkVisibility?.() === false;
}

/**
 * Text as read out: hidden and aria-hidden parts left out (visually hidden ones kept), images by their alt
 * text, a select by its chosen option, through shadow roots and slots. `skip` is the control being named,
 * left out of its own label's text.
 */
function textOf(node: Node, skip?: Element): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  if (!(node instanceof Element) || node === skip) return '';
  if (node.hasAttribute('hidden') || node.getAttribute('aria-hidden') === 'true') return '';
  if (node.localName === 'img') return node.getAttribute('alt') ?? '';
  if (node instanceof HTMLInputElement) return '';
  if (node instanceof HTMLSelectElement) return node.selectedOptions[0]?.text ?? '';
  if (node instanceof HTMLSlotElement) {
    return node
      .assignedNodes({ flatten: true })
      .map((n) => textOf(n, skip))
      .join('');
  }
  const children = node.shadowRoot ? node.shadowRoot.childNodes : node.childNodes;
  return Array.from(children)
    .map((n) => textOf(n, skip))
    .join('');
}

const clean = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The text of the elements an IDREF list (aria-labelledby, aria-describedby) names, in `el`'s root. */
function textOfIds(el: Element, ids: string): string {
  const root = el.getRootNode() as Document | ShadowRoot;
  return clean(
    ids
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => {
        const target = root.getElementById?.(id);
        return target ? textOf(target) : '';
      })
      .join(' '),
  );
}

/** Roles whose name comes from their content when nothing labels them. */
const nameFromContent = new Set([
  'button',
  'cell',
  'checkbox',
  'columnheader',
  'gridcell',
  'heading',
  'link',
  'listitem',
  'menuitem',
  'menuitemcheckbox',
  'menuitemradio',
  'option',
  'radio',
  'row',
  'rowheader',
  'switch',
  'tab',
  'tooltip',
  'treeitem',
]);

/**
 * The accessible name: aria-labelledby, aria-label, alt, a fieldset's legend, a table's caption, an
 * associated <label>, the content (for roles named by it), then title.
 */
export function nameOf(el: Element): string {
  const labelledBy = el.getAttribute('aria-labelledby');
  if (labelledBy) return textOfIds(el, labelledBy);
  const label = el.getAttribute('aria-label');
  if (label?.trim()) return clean(label);
  if (el instanceof HTMLImageElement) return clean(el.alt);
  if (el.localName === 'fieldset' || el.localName === 'table') {
    const caption = el.querySelector(el.localName === 'table' ? ':scope > caption' : ':scope > legend');
    if (caption) return clean(textOf(caption));
  }
  const labels = (el as HTMLInputElement).labels;
  if (labels && labels.length > 0) {
    return clean(
      Array.from(labels)
        .map((l) => textOf(l, el))
        .join(' '),
    );
  }
  const role = roleOf(el);
  if (role && nameFromContent.has(role)) {
    const text = clean(textOf(el));
    if (text) return text;
  }
  return clean(el.getAttribute('title') ?? '');
}

/** The accessible description: the text of the elements `aria-describedby` names, in its root. */
export function descriptionOf(el: Element): string {
  return textOfIds(el, el.getAttribute('aria-describedby') ?? '');
}

/** The text a user reads in the element, through shadow roots (hidden parts left out). */
export function visibleText(el: Element): string {
  return clean(textOf(el));
}

/** Exact string, or a pattern the accessible name must match. */
export type NameMatch = string | RegExp;

export interface ByRoleOptions {
  name?: NameMatch;
  /** Include elements hidden from the accessibility tree (default false). */
  hidden?: boolean;
}

/** The name as a bare third argument (`'Send'`, `/send/i`), or options (`{ name: 'Send' }`). */
export type ByRole = NameMatch | ByRoleOptions | undefined;

function optionsOf(byRole: ByRole): ByRoleOptions {
  return typeof byRole === 'string' || byRole instanceof RegExp ? { name: byRole } : (byRole ?? {});
}

export function queryAllByRole<T extends Element = HTMLElement>(
  root: ParentNode,
  role: string,
  byRole?: ByRole,
): NoInfer<T>[] {
  const { name, hidden } = optionsOf(byRole);
  return allElements(root).filter((el) => {
    if (roleOf(el) !== role) return false;
    if (!hidden && isHidden(el)) return false;
    if (name === undefined) return true;
    const actual = nameOf(el);
    return typeof name === 'string' ? actual === name : name.test(actual);
  }) as T[];
}

/** The first element with that role and name, or null. */
export function queryByRole<T extends Element = HTMLElement>(
  root: ParentNode,
  role: string,
  byRole?: ByRole,
): NoInfer<T> | null {
  return queryAllByRole<T>(root, role, byRole)[0] ?? null;
}

/** The one element with that role and name; throws naming what was found otherwise. */
export function getByRole<T extends Element = HTMLElement>(
  root: ParentNode,
  role: string,
  byRole?: ByRole,
): T {
  const options = optionsOf(byRole);
  const found = queryAllByRole<T>(root, role, options);
  if (found.length !== 1) {
    const seen = queryAllByRole(root, role, { hidden: options.hidden }).map((el) =>
      JSON.stringify(nameOf(el)),
    );
    throw new Error(
      `Expected one ${role} named ${String(options.name ?? '(any)')}, found ${found.length}. ${role}s present: ${seen.join(', ') || 'none'}`,
    );
  }
  return found[0];
}

/**
 * Polls (every 10 ms, or after each `pause`, up to `timeout` ms) until `check` returns a truthy value
 * without throwing; for what the store resolves asynchronously. Only polls: no timing is asserted.
 */
export async function waitFor<T>(
  check: () => T | null | undefined | false,
  what = 'condition',
  timeout = 4000,
  pause: () => Promise<unknown> = () => new Promise((resolve) => setTimeout(resolve, 10)),
): Promise<T> {
  const end = performance.now() + timeout;
  let last: unknown;
  for (;;) {
    try {
      const value = check();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (performance.now() > end) {
      throw new Error(`Timed out waiting for ${what}${last instanceof Error ? `: ${last.message}` : ''}`);
    }
    await pause();
  }
}

/** Waits until getByRole finds its element. */
export function findByRole<T extends Element = HTMLElement>(
  root: ParentNode,
  role: string,
  byRole?: ByRole,
  timeout = 3000,
): Promise<T> {
  return waitFor(
    () => getByRole<T>(root, role, byRole),
    `a ${role} named ${String(optionsOf(byRole).name ?? '(any)')}`,
    timeout,
  );
}

/** The focused element, through shadow roots. */
export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}
