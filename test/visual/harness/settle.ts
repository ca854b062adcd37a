// Waits until a rendered story has stopped changing, then stills whatever still moves, so the
// screenshot is the same on every run: fonts, images and media metadata loaded, every Lit element
// updated, the reply editor's ProseMirror chunk swapped in, and the composed DOM unchanged across
// several animation frames. Animations, transitions and the text caret are switched off.

/** Every element under `root`, through open shadow roots. */
function* composedElements(root: ParentNode): Generator<Element> {
  for (const el of root.querySelectorAll('*')) {
    yield el;
    if (el.shadowRoot) yield* composedElements(el.shadowRoot);
  }
}

function shadowRoots(root: ParentNode): ShadowRoot[] {
  return [...composedElements(root)].flatMap((el) => (el.shadowRoot ? [el.shadowRoot] : []));
}

const still = new CSSStyleSheet();
still.replaceSync(`*, *::before, *::after {
  animation: none !important;
  transition: none !important;
  caret-color: transparent !important;
}`);

/** Adds the "nothing moves" sheet to the document and to each shadow root that lacks it. */
function stillEverything(root: ParentNode): void {
  for (const scope of [document, ...shadowRoots(root)]) {
    if (!scope.adoptedStyleSheets.includes(still))
      scope.adoptedStyleSheets = [...scope.adoptedStyleSheets, still];
  }
  for (const animation of document.getAnimations()) {
    animation.pause();
    animation.currentTime = 0;
  }
}

/**
 * A fingerprint of what is on screen: the composed tree's tags, attributes and text, form values,
 * and each element's box (virtualized lists place rows by measuring).
 */
function fingerprint(root: ParentNode): string {
  const parts: string[] = [];
  for (const el of composedElements(root)) {
    const box = el.getBoundingClientRect();
    parts.push(`<${el.localName} ${[...el.attributes].map((a) => `${a.name}=${a.value}`).join(' ')}`);
    parts.push(`${box.x},${box.y},${box.width},${box.height}`);
    if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) parts.push(el.value);
    for (const node of el.childNodes) if (node.nodeType === Node.TEXT_NODE) parts.push(node.nodeValue ?? '');
  }
  return parts.join('\n');
}

interface Updatable extends Element {
  updateComplete: Promise<unknown>;
}
const isUpdatable = (el: Element): el is Updatable =>
  typeof (el as Partial<Updatable>).updateComplete?.then === 'function';

/** Media that may still change how it looks once it loads. */
function loading(root: ParentNode): string[] {
  const waiting: string[] = [];
  for (const el of composedElements(root)) {
    if (el instanceof HTMLImageElement && el.src && !el.complete)
      waiting.push(`image ${el.src.slice(0, 80)}`);
    if (el instanceof HTMLMediaElement && el.src && el.preload !== 'none' && el.readyState < 1 && !el.error)
      waiting.push(`media ${el.src.slice(0, 80)}`);
    // The rich editor swaps in after an idle callback and a lazy chunk (reply-editor's engine).
    if (el.localName === 'reply-editor' && !el.shadowRoot?.querySelector('.ProseMirror'))
      waiting.push('the reply editor engine');
  }
  return waiting;
}

const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Resolves once the story under `root` has rendered everything it will: nothing loading and the
 * fingerprint unchanged over three checks about 50 ms apart. Rejects after `timeoutMs`.
 */
export async function settle(root: HTMLElement, timeoutMs = 20_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  let previous = '';
  let unchanged = 0;
  while (unchanged < 3) {
    await document.fonts.ready;
    await Promise.all([...composedElements(root)].filter(isUpdatable).map((el) => el.updateComplete));
    await Promise.all(
      [...composedElements(root)]
        .filter((el): el is HTMLImageElement => el instanceof HTMLImageElement && el.complete && !!el.src)
        .map((img) => img.decode().catch(() => undefined)),
    );
    stillEverything(root);
    await frame();
    await frame();
    await sleep(50);
    const waiting = loading(root);
    const current = waiting.length > 0 ? '' : fingerprint(root);
    unchanged = current && current === previous ? unchanged + 1 : 0;
    previous = current;
    if (performance.now() > deadline) {
      throw new Error(
        `The story did not settle in ${timeoutMs} ms (${waiting.join(', ') || 'it kept changing'})`,
      );
    }
  }
}
