/**
 * Looks at rendered trees the way an attacker would hope to find them: every element, through
 * every open shadow root, checked for event-handler attributes, script-capable URLs and elements
 * that must never be rendered. Returns the problems found as readable strings (empty when safe).
 */

import { allElements } from '../helpers/queries.js';
import { nextTask } from '../helpers/thread-view-dom.js';

export { nextTask };

/**
 * Waits task by task until `check` returns a truthy value, for up to `timeout` ms by the clock (a
 * count of tasks can run out before a view's chunk arrives from a cold dev server). Not the helpers'
 * `waitFor`, which retries when `check` throws: here an error in a check fails at once.
 */
export async function waitFor<T>(
  check: () => T | null | undefined | false,
  what: string,
  timeout = 5000,
): Promise<T> {
  const end = performance.now() + timeout;
  for (;;) {
    const value = check();
    if (value) return value;
    if (performance.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await nextTask();
  }
}

/** Every element under `root`, descending into open shadow roots. */
export const deepElements = allElements;

/** Never rendered by the kit, anywhere (its styles are adopted stylesheets, never <style>). */
const NEVER = new Set([
  'script',
  'style',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'base',
  'meta',
  'portal',
  'link',
]);

/** What a sanitized message body may contain (the allow-list of src/internal/sanitize.ts). */
export const BODY_TAGS = new Set([
  'a',
  'b',
  'blockquote',
  'br',
  'code',
  'del',
  'em',
  'i',
  'img',
  'li',
  'ol',
  'p',
  'pre',
  's',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'u',
  'ul',
]);

/** Attributes that navigate or fetch; their URL decides whether script can run. */
const LINK_ATTRS = ['href', 'action', 'formaction', 'xlink:href', 'background', 'ping', 'cite', 'codebase'];
const MEDIA_ATTRS = ['src', 'poster', 'data', 'lowsrc', 'dynsrc', 'srcset'];

const LINK_OK = /^(?:https?:|mailto:|tel:)/i;
// An <img>, <video> or <audio> source: also blob: and data: of images (SVG in <img> runs no
// script), audio and video. Never data:text/html, javascript: or vbscript:.
const MEDIA_OK =
  /^(?:https?:|blob:|data:(?:image\/[a-z0-9.+-]+|audio\/[a-z0-9.+-]+|video\/[a-z0-9.+-]+)[;,])/i;

/** The URL as a browser reads it: leading/trailing C0 controls and spaces, tabs and newlines dropped. */
function normalizedUrl(value: string): string {
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  return value.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
}

function describe(el: Element): string {
  return `<${el.localName}${[...el.attributes].map((a) => ` ${a.name}="${a.value.slice(0, 60)}"`).join('')}>`;
}

/** Problems anywhere in the kit's rendered trees under `root`. */
export function unsafeIn(root: ParentNode): string[] {
  const problems: string[] = [];
  for (const el of deepElements(root)) {
    if (NEVER.has(el.localName)) problems.push(`element ${describe(el)}`);
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) problems.push(`handler ${name} on ${describe(el)}`);
      if (name === 'srcdoc') problems.push(`srcdoc on ${describe(el)}`);
      const url = normalizedUrl(attr.value);
      if (LINK_ATTRS.includes(name) && !LINK_OK.test(url)) problems.push(`${name} URL on ${describe(el)}`);
      if (MEDIA_ATTRS.includes(name) && !MEDIA_OK.test(url)) problems.push(`${name} URL on ${describe(el)}`);
    }
    // A link that opens a new browsing context must not hand it `window.opener`.
    if (el.localName === 'a' && el.getAttribute('target') && el.getAttribute('target') !== '_self') {
      const rel = (el.getAttribute('rel') ?? '').split(/\s+/);
      if (!rel.includes('noopener') || !rel.includes('noreferrer'))
        problems.push(`link without rel="noopener noreferrer": ${describe(el)}`);
    }
  }
  return problems;
}

/**
 * Problems in one rendered message body: anything outside the allow-list (style, form, svg, math
 * and the rest), style attributes, and links that do not open safely in a new tab.
 */
export function unsafeInBody(body: Element): string[] {
  const problems = unsafeIn(body);
  for (const el of deepElements(body)) {
    if (!BODY_TAGS.has(el.localName)) problems.push(`element ${describe(el)} in a message body`);
    if (el.hasAttribute('style')) problems.push(`style attribute in a message body: ${describe(el)}`);
    if (el.localName === 'a' && el.hasAttribute('href')) {
      if (el.getAttribute('rel') !== 'noopener noreferrer' || el.getAttribute('target') !== '_blank')
        problems.push(`body link not opened safely: ${describe(el)}`);
    }
  }
  return problems;
}

/**
 * Fails, listing what was found (the first 30, deduplicated), when `found` is not empty. Chai would
 * print a long array as "[ Array(120) ]", which says nothing about which vector broke what.
 */
export function expectNone(found: readonly string[], what: string): void {
  const unique = [...new Set(found)];
  if (unique.length === 0) return;
  const shown = unique.slice(0, 30).join('\n  ');
  throw new Error(`${what}: ${unique.length}\n  ${shown}${unique.length > 30 ? '\n  …' : ''}`);
}
