/**
 * Role-and-name queries for the conversation-list tests: through open shadow roots, with accessible
 * names computed closely enough for the kit's markup (aria-label, labels, alt text, text content without
 * aria-hidden parts).
 */

const implicitRoles: Record<string, (el: Element) => string | null> = {
  button: () => 'button',
  input: (el) => {
    const type = (el.getAttribute('type') ?? 'text').toLowerCase();
    if (type === 'checkbox') return 'checkbox';
    if (type === 'search') return 'searchbox';
    return 'textbox';
  },
  select: () => 'combobox',
  dialog: () => 'dialog',
  img: (el) => (el.getAttribute('alt') === '' ? null : 'img'),
  h2: () => 'heading',
  mark: () => 'mark',
};

export function roleOf(el: Element): string | null {
  return el.getAttribute('role') ?? implicitRoles[el.localName]?.(el) ?? null;
}

function* walk(root: Element | ShadowRoot | Document): Generator<Element> {
  if (root instanceof Element && root.shadowRoot) yield* walk(root.shadowRoot);
  for (const child of Array.from(root.children)) {
    yield child;
    yield* walk(child);
  }
}

function parentOf(el: Element): Element | null {
  if (el.parentElement) return el.parentElement;
  const root = el.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

export function isHidden(el: Element): boolean {
  for (let node: Element | null = el; node; node = parentOf(node)) {
    if (node.hasAttribute('hidden') || node.getAttribute('aria-hidden') === 'true') return true;
    if (node instanceof HTMLDialogElement && !node.open) return true;
    if (getComputedStyle(node).display === 'none') return true;
  }
  return false;
}

/** Text as assistive technology reads it: aria-hidden parts left out, images by their alt. */
export function textOf(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  if (!(node instanceof Element)) return '';
  if (node.getAttribute('aria-hidden') === 'true') return '';
  if (node instanceof HTMLImageElement) return ` ${node.alt} `;
  let out = '';
  for (const child of Array.from(node.childNodes)) out += textOf(child);
  return ['div', 'p', 'span', 'time'].includes(node.localName) ? ` ${out} ` : out;
}

export function nameOf(el: Element): string {
  const clean = (s: string) => s.replace(/\s+/g, ' ').trim();
  const root = el.getRootNode() as Document | ShadowRoot;
  const labelledBy = el.getAttribute('aria-labelledby');
  if (labelledBy) {
    return clean(
      labelledBy
        .split(/\s+/)
        .map((id) => textOf(root.getElementById(id) ?? document.createElement('i')))
        .join(' '),
    );
  }
  const label = el.getAttribute('aria-label');
  if (label) return clean(label);
  if (el instanceof HTMLImageElement) return clean(el.alt);
  const labels = (el as HTMLInputElement).labels;
  if (labels && labels.length > 0) {
    // The label's own text, without the text of the control inside it (a select's options).
    return clean(
      Array.from(labels)
        .map((l) =>
          Array.from(l.childNodes)
            .filter((n) => n !== el)
            .map(textOf)
            .join(' '),
        )
        .join(' '),
    );
  }
  return clean(textOf(el));
}

export interface ByRole {
  name?: string | RegExp;
}

export function queryAllByRole(
  root: Element | ShadowRoot | Document,
  role: string,
  options: ByRole = {},
): HTMLElement[] {
  const found: HTMLElement[] = [];
  for (const el of walk(root)) {
    if (roleOf(el) !== role || isHidden(el)) continue;
    if (options.name !== undefined) {
      const name = nameOf(el);
      if (typeof options.name === 'string' ? name !== options.name : !options.name.test(name)) continue;
    }
    found.push(el as HTMLElement);
  }
  return found;
}

export function getByRole(
  root: Element | ShadowRoot | Document,
  role: string,
  options: ByRole = {},
): HTMLElement {
  const found = queryAllByRole(root, role, options);
  if (found.length !== 1) {
    const names = queryAllByRole(root, role).map((el) => JSON.stringify(nameOf(el).slice(0, 80)));
    throw new Error(
      `Expected one ${role} named ${String(options.name ?? '(any)')}, found ${found.length}: ${names.join(', ')}`,
    );
  }
  return found[0]!;
}

/** Polls each frame until `check` stops throwing and returns a value (default 3 s). */
export async function waitFor<T>(check: () => T, timeout = 3000): Promise<T> {
  const end = performance.now() + timeout;
  for (;;) {
    try {
      const value = check();
      if (value !== false && value !== undefined && value !== null) return value;
      if (performance.now() > end) throw new Error('waitFor: still false');
    } catch (error) {
      if (performance.now() > end) throw error;
    }
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

export function findByRole(
  root: Element | ShadowRoot | Document,
  role: string,
  options: ByRole = {},
  timeout?: number,
) {
  return waitFor(() => getByRole(root, role, options), timeout);
}
