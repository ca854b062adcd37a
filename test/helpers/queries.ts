/**
 * Finds elements the way a user (or assistive technology) does: by role and accessible name, through open
 * shadow roots. A small subset of the accessible-name algorithm, enough for the kit's own markup.
 */

const implicitRoles: Record<string, (el: Element) => string | null> = {
  button: () => 'button',
  a: (el) => (el.hasAttribute('href') ? 'link' : null),
  input: (el) => {
    const type = (el.getAttribute('type') ?? 'text').toLowerCase();
    if (type === 'checkbox') return el.getAttribute('role') ?? 'checkbox';
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
  article: () => 'article',
  dialog: () => 'dialog',
  h1: () => 'heading',
  h2: () => 'heading',
  h3: () => 'heading',
  h4: () => 'heading',
  img: () => 'img',
  nav: () => 'navigation',
  section: (el) => (el.hasAttribute('aria-label') || el.hasAttribute('aria-labelledby') ? 'region' : null),
};

export function roleOf(el: Element): string | null {
  return el.getAttribute('role') ?? implicitRoles[el.localName]?.(el) ?? null;
}

/** Every element under `root`, descending into open shadow roots (and slotted light DOM once). */
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

function isHidden(el: Element): boolean {
  for (let node: Element | null = el; node; node = parentOf(node)) {
    if (node.hasAttribute('hidden') || node.getAttribute('aria-hidden') === 'true') return true;
    if (getComputedStyle(node).display === 'none') return true;
  }
  return false;
}

function parentOf(el: Element): Element | null {
  if (el.assignedSlot) return el.assignedSlot;
  if (el.parentElement) return el.parentElement;
  const root = el.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

/** The accessible name: aria-labelledby, aria-label, alt, an associated <label>, title, or text content. */
export function nameOf(el: Element): string {
  const root = el.getRootNode() as Document | ShadowRoot;
  const labelledBy = el.getAttribute('aria-labelledby');
  if (labelledBy) {
    return labelledBy
      .split(/\s+/)
      .map((id) => root.getElementById?.(id)?.textContent ?? '')
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim();
  }
  const label = el.getAttribute('aria-label');
  if (label) return label.trim();
  if (el instanceof HTMLImageElement) return el.alt.trim();
  const labels = (el as HTMLInputElement).labels;
  if (labels && labels.length > 0) {
    return Array.from(labels)
      .map((l) => l.textContent ?? '')
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim();
  }
  const title = el.getAttribute('title');
  const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
  return text || title?.trim() || '';
}

export interface ByRoleOptions {
  /** Exact string, or a pattern the accessible name must match. */
  name?: string | RegExp;
  /** Include elements hidden from the accessibility tree (default false). */
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

/** The one element with that role and name; throws naming what was found otherwise. */
export function getByRole(root: Element | ShadowRoot | Document, role: string, options: ByRoleOptions = {}) {
  const found = queryAllByRole(root, role, options);
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

/** Waits (polling each frame, up to `timeout` ms) until getByRole finds its element. */
export async function findByRole(
  root: Element | ShadowRoot | Document,
  role: string,
  options: ByRoleOptions = {},
  timeout = 3000,
): Promise<HTMLElement> {
  const end = performance.now() + timeout;
  let last: unknown;
  while (performance.now() < end) {
    try {
      return getByRole(root, role, options);
    } catch (error) {
      last = error;
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
  }
  throw last;
}
