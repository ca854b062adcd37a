// Finding controls as a user does, by role and accessible name, through open shadow roots.
// A small approximation of the accessible-name algorithm: enough for the kit's own markup.

const implicitRoles: Record<string, (el: Element) => string | null> = {
  button: () => 'button',
  textarea: () => 'textbox',
  select: () => 'combobox',
  progress: () => 'progressbar',
  form: (el) => (el.hasAttribute('aria-label') ? 'form' : null),
  ul: () => 'list',
  li: () => 'listitem',
  input: (el) => {
    const type = (el as HTMLInputElement).type;
    if (type === 'checkbox') return 'checkbox';
    if (type === 'search') return 'searchbox';
    if (type === 'number') return 'spinbutton';
    if (type === 'file' || type === 'hidden') return null;
    return 'textbox';
  },
};

export function roleOf(el: Element): string | null {
  return el.getAttribute('role') ?? implicitRoles[el.localName]?.(el) ?? null;
}

function hidden(el: Element): boolean {
  for (
    let node: Element | null = el;
    node;
    node = node.parentElement ?? (node.getRootNode() as ShadowRoot).host ?? null
  ) {
    if (node.hasAttribute('hidden') || node.getAttribute('aria-hidden') === 'true') return true;
    if (getComputedStyle(node).display === 'none') return true;
  }
  return false;
}

function textOf(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  if (!(node instanceof Element)) return '';
  if (node.getAttribute('aria-hidden') === 'true') return '';
  return [...node.childNodes].map(textOf).join('');
}

export function nameOf(el: Element): string {
  const root = el.getRootNode() as Document | ShadowRoot;
  const label = el.getAttribute('aria-label');
  if (label) return label.trim();
  const labelledBy = el.getAttribute('aria-labelledby');
  if (labelledBy) {
    return labelledBy
      .split(/\s+/)
      .map((id) => textOf(root.getElementById(id) ?? document.createElement('i')))
      .join(' ')
      .trim();
  }
  if (el.id) {
    const forLabel = root.querySelector(`label[for="${el.id}"]`);
    if (forLabel) return textOf(forLabel).replace(/\s+/g, ' ').trim();
  }
  const role = roleOf(el);
  if (role && ['button', 'menuitem', 'menuitemradio', 'option', 'link', 'tab'].includes(role)) {
    return textOf(el).replace(/\s+/g, ' ').trim();
  }
  return (el.getAttribute('title') ?? '').trim();
}

export function allElements(root: Element | ShadowRoot | Document): Element[] {
  const out: Element[] = [];
  const walk = (node: Element | ShadowRoot | Document) => {
    for (const child of node.children) {
      out.push(child);
      if (child.shadowRoot) walk(child.shadowRoot);
      walk(child);
    }
  };
  if (root instanceof Element && root.shadowRoot) walk(root.shadowRoot);
  walk(root);
  return out;
}

type NameMatch = string | RegExp | undefined;

function matches(name: string, want: NameMatch): boolean {
  if (want === undefined) return true;
  return typeof want === 'string' ? name === want : want.test(name);
}

export function queryAllByRole<T extends Element = HTMLElement>(
  root: Element,
  role: string,
  name?: NameMatch,
): NoInfer<T>[] {
  return allElements(root).filter(
    (el) => roleOf(el) === role && !hidden(el) && matches(nameOf(el), name),
  ) as T[];
}

export function queryByRole<T extends Element = HTMLElement>(
  root: Element,
  role: string,
  name?: NameMatch,
): NoInfer<T> | null {
  return queryAllByRole<T>(root, role, name)[0] ?? null;
}

export function getByRole<T extends Element = HTMLElement>(
  root: Element,
  role: string,
  name?: NameMatch,
): NoInfer<T> {
  const found = queryByRole<T>(root, role, name);
  if (!found) {
    const seen = allElements(root)
      .filter((el) => roleOf(el) === role)
      .map((el) => JSON.stringify(nameOf(el)));
    throw new Error(`No ${role} named ${String(name)}; saw: ${seen.join(', ') || 'none'}`);
  }
  return found;
}

/** Waits until `check` returns a truthy value (no timing assertion: it only polls). */
export async function waitFor<T>(
  check: () => T | null | undefined | false,
  what = 'condition',
  timeoutMs = 4000,
): Promise<T> {
  const start = performance.now();
  for (;;) {
    const value = check();
    if (value) return value;
    if (performance.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export function textIn(el: Element): string {
  return allElements(el)
    .filter((e) => !hidden(e))
    .map((e) =>
      [...e.childNodes]
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent)
        .join(''),
    )
    .join(' ')
    .replace(/\s+/g, ' ');
}

/** A Storage that lives in memory, so each test's drafts are its own and a "reload" can share it. */
export class MemoryStorage implements Storage {
  private data = new Map<string, string>();
  get length() {
    return this.data.size;
  }
  clear() {
    this.data.clear();
  }
  getItem(key: string) {
    return this.data.get(key) ?? null;
  }
  key(index: number) {
    return [...this.data.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.data.delete(key);
  }
  setItem(key: string, value: string) {
    this.data.set(key, String(value));
  }
}

/** Presses a key with a modifier held, as a user does (Control+Enter, Control+B). */
export async function chord(modifier: 'Control' | 'Shift' | 'Meta', key: string): Promise<void> {
  const { sendKeys } = await import('@web/test-runner-commands');
  await sendKeys({ down: modifier });
  await sendKeys({ press: key });
  await sendKeys({ up: modifier });
}
