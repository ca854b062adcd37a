// A host that is hard on embedded widgets: an aggressive global reset, and hosts that keep the kit
// inside their own shadow root (with the same reset there). Plus the layout checks the tests share.
import { sendKeys } from '@web/test-runner-commands';

import { allElements, isHidden, nameOf, roleOf } from '../helpers/queries.js';

/** A reset of the kind real portals ship, harder than most. Inherited properties reach shadow roots. */
export const AGGRESSIVE_RESET = `
  *, *::before, *::after {
    margin: 0; padding: 0; border: 0; font: inherit; vertical-align: baseline;
    box-sizing: content-box; font-size: 20px; line-height: 1;
  }
  body { color: #222; }
  button, input, select, textarea { all: unset; }
  [role], div, span, section, nav, aside, main, p { display: inline; }
  ol, ul, li { list-style: none; }
  table { border-collapse: collapse; border-spacing: 0; }
  a { color: inherit; text-decoration: none; }
  :focus { outline: none; }
`;

/** Puts the reset into the page's <head> once. */
export function installGlobalReset(): void {
  if (document.getElementById('aggressive-reset')) return;
  const style = document.createElement('style');
  style.id = 'aggressive-reset';
  style.textContent = AGGRESSIVE_RESET;
  document.head.append(style);
}

export type HostMode = 'page' | 'shadow root';

/**
 * An empty box of `width` x `height` for the widget: in the page itself, or in the open shadow root
 * of a host element that carries the reset in its own styles. Returns the box and the outermost host.
 */
export function mountInHost(mode: HostMode, width: number, height: number | 'auto') {
  const box = document.createElement('div');
  box.className = 'embed-box';
  // The portal sizes its own slot for the widget; an inline style beats its `div { display: inline }`.
  box.style.cssText = `display: block; width: ${width}px; height: ${height === 'auto' ? 'auto' : `${height}px`}`;
  const outer = document.createElement('div');
  outer.style.cssText = 'display: block; padding: 8px';
  if (mode === 'page') {
    outer.append(box);
  } else {
    const root = outer.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = AGGRESSIVE_RESET;
    root.append(style, box);
  }
  document.body.append(outer);
  return { box, outer };
}

const interactiveRoles = new Set([
  'button',
  'link',
  'textbox',
  'searchbox',
  'combobox',
  'checkbox',
  'switch',
  'radio',
  'option',
  'menuitem',
  'menuitemradio',
  'menuitemcheckbox',
  'tab',
  'spinbutton',
  'slider',
  'listbox',
  'log',
]);

/** The controls a user can reach under `root`, as shown (hidden ones left out). */
export function shownControls(root: Element): HTMLElement[] {
  return allElements(root).filter(
    (el): el is HTMLElement =>
      el instanceof HTMLElement &&
      interactiveRoles.has(roleOf(el) ?? '') &&
      !isHidden(el) &&
      el.checkVisibility({ visibilityProperty: true }),
  );
}

function flatParent(el: Element): Element | null {
  if (el.assignedSlot) return el.assignedSlot;
  if (el.parentElement) return el.parentElement;
  const root = el.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

/** The part of `el` its scrolling and clipping ancestors let show, or null when none does. */
export function visibleRect(el: Element): DOMRect | null {
  const r = el.getBoundingClientRect();
  let [left, top, right, bottom] = [r.left, r.top, r.right, r.bottom];
  for (let node = flatParent(el); node; node = flatParent(node)) {
    const style = getComputedStyle(node);
    if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
    const clip = node.getBoundingClientRect();
    left = Math.max(left, clip.left);
    top = Math.max(top, clip.top);
    right = Math.min(right, clip.right);
    bottom = Math.min(bottom, clip.bottom);
  }
  return right - left >= 1 && bottom - top >= 1 ? new DOMRect(left, top, right - left, bottom - top) : null;
}

const describeEl = (el: Element) => `${roleOf(el)} "${nameOf(el).slice(0, 40)}" <${el.localName}>`;

/**
 * Layout sanity: every shown control has a box and a name, and what shows of it lies inside the
 * host's box; nothing makes the host's box scroll sideways. Returns the problems found, one a line.
 */
export function layoutProblems(box: HTMLElement, root: Element): string[] {
  const problems: string[] = [];
  const outer = box.getBoundingClientRect();
  const controls = shownControls(root);
  if (controls.length === 0) problems.push('no control is shown at all');
  for (const control of controls) {
    const r = control.getBoundingClientRect();
    if (r.width < 1 || r.height < 1) {
      problems.push(`${describeEl(control)} is ${r.width}x${r.height}`);
      continue;
    }
    if (!nameOf(control) && roleOf(control) !== 'option') problems.push(`${describeEl(control)} has no name`);
    const shown = visibleRect(control);
    if (!shown) continue; // Scrolled out of its scroller's view: clipped, not overflowing.
    const inside =
      shown.left >= outer.left - 1 &&
      shown.right <= outer.right + 1 &&
      shown.top >= outer.top - 1 &&
      shown.bottom <= outer.bottom + 1;
    if (!inside) problems.push(`${describeEl(control)} shows outside the host box`);
  }
  if (box.scrollWidth > box.clientWidth + 1) {
    problems.push(`the host box scrolls sideways (${box.scrollWidth} > ${box.clientWidth})`);
  }
  return problems;
}

/** Focuses `control` as a keyboard user would see it (after a key press) and reports its ring. */
export async function focusRing(control: HTMLElement): Promise<{ visible: boolean; style: string }> {
  await sendKeys({ press: 'Shift' }); // The last input is the keyboard: :focus-visible applies.
  control.focus();
  const style = getComputedStyle(control);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
  const shadow = style.boxShadow !== 'none';
  return {
    visible: control.matches(':focus-visible') && (outline || shadow),
    style: `outline: ${style.outlineStyle} ${style.outlineWidth}; box-shadow: ${style.boxShadow}`,
  };
}
