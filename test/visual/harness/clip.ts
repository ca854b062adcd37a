// The part of the canvas a story paints, so a baseline holds the story and not a sea of white: from
// the canvas's top-left corner to the right and bottom edges of everything painted (text, replaced
// elements, backgrounds, borders, shadows), plus the canvas padding. Wrappers that paint nothing (a
// provider spanning the page) do not count. Content inside an element that clips (overflow other than
// visible) cannot reach beyond it, so it is not measured; open dialogs and popovers (the top layer) are.

const REPLACED = new Set([
  'img',
  'svg',
  'video',
  'audio',
  'canvas',
  'iframe',
  'input',
  'select',
  'textarea',
  'button',
]);

function paints(el: Element, style: CSSStyleDeclaration): boolean {
  return (
    REPLACED.has(el.localName) ||
    style.backgroundColor !== 'rgba(0, 0, 0, 0)' ||
    style.backgroundImage !== 'none' ||
    style.boxShadow !== 'none' ||
    ['Top', 'Right', 'Bottom', 'Left'].some(
      (side) => style.getPropertyValue(`border-${side.toLowerCase()}-width`) !== '0px',
    )
  );
}

interface Edge {
  right: number;
  bottom: number;
}

function extend(edge: Edge, box: DOMRect): void {
  if (box.width <= 0 || box.height <= 0) return;
  edge.right = Math.max(edge.right, box.right);
  edge.bottom = Math.max(edge.bottom, box.bottom);
}

function measure(node: ParentNode, clipped: boolean, edge: Edge): void {
  for (const el of node.children) {
    const style = getComputedStyle(el);
    if (style.display === 'none') continue;
    const topLayer = el.matches('dialog[open], :popover-open');
    const counts = (!clipped || topLayer) && style.visibility !== 'hidden';
    const clips = style.overflowX !== 'visible' || style.overflowY !== 'visible';
    // A clipping element with content (a scroller) bounds that content, painted or not.
    const holdsContent =
      clips && (el.childElementCount > 0 || el.shadowRoot !== null || !!el.textContent?.trim());
    if (counts && (paints(el, style) || holdsContent)) extend(edge, el.getBoundingClientRect());
    if (counts) {
      for (const text of el.childNodes) {
        if (text.nodeType !== Node.TEXT_NODE || !text.nodeValue?.trim()) continue;
        const range = document.createRange();
        range.selectNodeContents(text);
        extend(edge, range.getBoundingClientRect());
      }
    }
    const inner = (clipped && !topLayer) || clips;
    if (el.shadowRoot) measure(el.shadowRoot, inner, edge);
    measure(el, inner, edge);
  }
}

/**
 * An invisible box over the painted part of `frame` (positioned inside it), for the screenshot to
 * clip to. The caller removes it with the frame. `padding` is added at the right and bottom, as the
 * canvas has at the top and left.
 */
export function clipBox(frame: HTMLElement, padding: number): HTMLElement {
  const origin = frame.getBoundingClientRect();
  const edge = { right: origin.left, bottom: origin.top };
  measure(frame, false, edge);
  const width = Math.max(1, Math.min(origin.width, Math.ceil(edge.right - origin.left + padding)));
  const height = Math.max(1, Math.ceil(edge.bottom - origin.top + padding));
  const box = document.createElement('div');
  box.style.cssText = `position: absolute; left: 0; top: 0; width: ${width}px; height: ${height}px;
    pointer-events: none`;
  frame.append(box);
  return box;
}
