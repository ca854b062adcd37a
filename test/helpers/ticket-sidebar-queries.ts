// Finds elements as assistive technology would: by role and accessible name, through shadow roots.
// A small subset of the accname algorithm, enough for the kit's own markup.

function implicitRole(el: Element): string | null {
  const tag = el.localName;
  if (/^h[1-6]$/.test(tag)) return 'heading';
  switch (tag) {
    case 'button':
      return 'button';
    case 'a':
      return el.hasAttribute('href') ? 'link' : null;
    case 'select':
      return (el as HTMLSelectElement).multiple ? 'listbox' : 'combobox';
    case 'option':
      return 'option';
    case 'textarea':
      return 'textbox';
    case 'input': {
      const type = (el as HTMLInputElement).type;
      if (type === 'checkbox') return 'checkbox';
      if (type === 'number') return 'spinbutton';
      if (type === 'date') return 'date';
      return 'textbox';
    }
    case 'ul':
    case 'ol':
      return 'list';
    case 'li':
      return 'listitem';
    case 'dl':
      return 'list';
    case 'fieldset':
      return 'group';
    case 'form':
      return el.hasAttribute('aria-label') || el.hasAttribute('aria-labelledby') ? 'form' : null;
    case 'section':
      return el.hasAttribute('aria-label') || el.hasAttribute('aria-labelledby') ? 'region' : null;
    case 'img':
      return 'img';
    default:
      return null;
  }
}

export function roleOf(el: Element): string | null {
  return el.getAttribute('role')?.split(/\s+/)[0] ?? implicitRole(el);
}

function rootOf(el: Element): Document | ShadowRoot {
  return el.getRootNode() as Document | ShadowRoot;
}

function textOf(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  if (!(node instanceof Element)) return '';
  if (node.getAttribute('aria-hidden') === 'true') return '';
  if (node instanceof HTMLElement && node.hidden) return '';
  if (node.localName === 'img') return node.getAttribute('alt') ?? '';
  if (node.localName === 'slot') {
    return (node as HTMLSlotElement).assignedNodes({ flatten: true }).map(textOf).join('');
  }
  if (node.localName === 'select') return (node as HTMLSelectElement).selectedOptions[0]?.text ?? '';
  const children = node.shadowRoot ? [...node.shadowRoot.childNodes] : [...node.childNodes];
  return children.map(textOf).join('');
}

const clean = (s: string) => s.replace(/\s+/g, ' ').trim();

export function nameOf(el: Element): string {
  const labelledBy = el.getAttribute('aria-labelledby');
  if (labelledBy) {
    const root = rootOf(el);
    return clean(
      labelledBy
        .split(/\s+/)
        .map((id) => root.getElementById?.(id) ?? null)
        .map((ref) => (ref ? textOf(ref) : ''))
        .join(' '),
    );
  }
  const label = el.getAttribute('aria-label');
  if (label) return clean(label);
  if (el.id && /^(input|select|textarea)$/.test(el.localName)) {
    const labelEl = rootOf(el).querySelector(`label[for="${CSS.escape(el.id)}"]`);
    if (labelEl) return clean(textOf(labelEl));
  }
  if (el.localName === 'fieldset') {
    const legend = el.querySelector(':scope > legend');
    return legend ? clean(textOf(legend)) : '';
  }
  if (el.localName === 'img') return clean(el.getAttribute('alt') ?? '');
  const role = roleOf(el);
  if (role && /^(button|link|heading|menuitem|menuitemradio|option|listitem)$/.test(role)) {
    return clean(textOf(el));
  }
  return '';
}

function* walk(root: ParentNode): Generator<Element> {
  for (const child of root.children) {
    yield child;
    if (child.shadowRoot) yield* walk(child.shadowRoot);
    yield* walk(child);
  }
}

/** Whether the element is rendered (not inside something hidden). */
export function isVisible(el: Element): boolean {
  return (el as HTMLElement).checkVisibility?.() ?? true;
}

export type NameMatch = string | RegExp;

function matches(name: string, wanted: NameMatch | undefined): boolean {
  if (wanted === undefined) return true;
  return typeof wanted === 'string' ? name === wanted : wanted.test(name);
}

/** Every visible element with this role (and name), in document order, looking through shadow roots. */
export function queryAllByRole<T extends Element = HTMLElement>(
  root: ParentNode,
  role: string,
  name?: NameMatch,
): T[] {
  const start = root instanceof Element && root.shadowRoot ? root.shadowRoot : root;
  return [...walk(start)].filter(
    (el) => roleOf(el) === role && isVisible(el) && matches(nameOf(el), name),
  ) as T[];
}

export function queryByRole<T extends Element = HTMLElement>(
  root: ParentNode,
  role: string,
  name?: NameMatch,
): T | null {
  return queryAllByRole<T>(root, role, name)[0] ?? null;
}

/** The one element with this role and name; throws a readable error listing what there is otherwise. */
export function getByRole<T extends Element = HTMLElement>(
  root: ParentNode,
  role: string,
  name?: NameMatch,
): T {
  const found = queryAllByRole<T>(root, role, name);
  if (found.length === 1) return found[0]!;
  const seen = queryAllByRole(root, role).map((el) => JSON.stringify(nameOf(el)));
  throw new Error(
    `${found.length === 0 ? 'No' : 'More than one'} ${role} named ${String(name)}; ${role}s seen: ${seen.join(', ') || 'none'}`,
  );
}

/** Polls until `check` stops throwing (or returns truthy), for what the store resolves asynchronously. */
export async function waitUntil<T>(
  check: () => T,
  message = 'condition not met',
  timeout = 3000,
): Promise<T> {
  const start = performance.now();
  let lastError: unknown;
  for (;;) {
    try {
      const value = check();
      if (value !== false && value !== null && value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    if (performance.now() - start > timeout) {
      throw new Error(`${message}${lastError instanceof Error ? `: ${lastError.message}` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The text a user reads in the element, through shadow roots (hidden parts left out). */
export function visibleText(el: Element): string {
  return clean(textOf(el));
}
