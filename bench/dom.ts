// DOM helpers of the benchmark page: frames, shadow-DOM walks, text search, scrollers.

/** Resolves in the next animation frame's callback, with its time (what gets painted next). */
export const frame = (): Promise<number> =>
  new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Every shadow root under `root`, nested ones included. */
export function shadowRoots(root: ParentNode): ShadowRoot[] {
  const found: ShadowRoot[] = [];
  const visit = (node: ParentNode) => {
    for (const el of node.querySelectorAll('*')) {
      if (el.shadowRoot) {
        found.push(el.shadowRoot);
        visit(el.shadowRoot);
      }
    }
  };
  visit(root);
  return found;
}

/** Elements in the document, shadow roots included (the figure the issue budgets). */
export function countElements(): number {
  let count = document.querySelectorAll('*').length;
  for (const root of shadowRoots(document)) count += root.querySelectorAll('*').length;
  return count;
}

/** Elements matching `selector` in `host`'s shadow tree (nested roots included). */
export function queryDeep(host: Element, selector: string): Element[] {
  const roots = host.shadowRoot ? [host.shadowRoot, ...shadowRoots(host.shadowRoot)] : [];
  return roots.flatMap((root) => [...root.querySelectorAll(selector)]);
}

/** Whether `text` is shown in `host`'s shadow tree. */
export function showsText(host: Element, text: string): boolean {
  const roots = host.shadowRoot ? [host.shadowRoot, ...shadowRoots(host.shadowRoot)] : [];
  return roots.some((root) => root.textContent?.includes(text));
}

/** The element that scrolls inside `host`: `selector` if given and found, else the tallest scrollable one. */
export function scrollerOf(host: Element, selector?: string): HTMLElement | null {
  if (selector) {
    const chosen = queryDeep(host, selector)[0];
    if (chosen instanceof HTMLElement) return chosen;
  }
  let best: HTMLElement | null = null;
  for (const el of queryDeep(host, '*')) {
    if (!(el instanceof HTMLElement)) continue;
    const overflow = getComputedStyle(el).overflowY;
    if ((overflow === 'auto' || overflow === 'scroll') && el.scrollHeight > el.clientHeight) {
      if (!best || el.scrollHeight > best.scrollHeight) best = el;
    }
  }
  return best;
}

/**
 * Resolves with the time `check` first holds: checked after each DOM mutation in `host`'s shadow
 * roots (the time the content is in the DOM) and at each frame (to catch nested roots made later).
 * Rejects after `timeoutMs`.
 */
export function whenShown(host: Element, check: () => boolean, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const observers: MutationObserver[] = [];
    let done = false;
    const finish = (at: number | null) => {
      if (done) return;
      done = true;
      observers.forEach((o) => o.disconnect());
      clearTimeout(timer);
      if (at === null) reject(new Error(`not shown within ${timeoutMs} ms`));
      else resolve(at);
    };
    const test = () => {
      if (!done && check()) finish(performance.now());
    };
    const observe = () => {
      const roots = host.shadowRoot ? [host.shadowRoot, ...shadowRoots(host.shadowRoot)] : [];
      for (const root of roots.slice(observers.length)) {
        const observer = new MutationObserver(test);
        observer.observe(root, { childList: true, subtree: true, characterData: true });
        observers.push(observer);
      }
    };
    const timer = setTimeout(() => finish(null), timeoutMs);
    const tick = () => {
      if (done) return;
      observe();
      test();
      requestAnimationFrame(tick);
    };
    observe();
    test();
    requestAnimationFrame(tick);
  });
}

/** Median and p95 of a list of numbers. */
export function stats(values: number[]): { median: number; p95: number; max: number; n: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
  return { median: at(0.5), p95: at(0.95), max: sorted.at(-1) ?? NaN, n: sorted.length };
}
