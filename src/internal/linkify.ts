/**
 * Plain text to Lit template parts, with web addresses and e-mail addresses made into links. The
 * text stays text: Lit escapes every string part, and every link passes `safeLinkUrl()`, so a
 * `javascript:` "link" in a message is just words.
 */
import { html, type TemplateResult } from 'lit';

import { safeLinkUrl } from './safe-url.js';

/** A run of text, or a link found in it. */
export type TextToken = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

// http(s) URLs, bare www. hosts, and e-mail addresses. Bounded repetitions keep the regex linear on
// hostile input (a 100,000-character message of dots and letters).
const LINK_PATTERN =
  /\bhttps?:\/\/[^\s<>"'`]{1,2048}|\bwww\.[^\s<>"'`]{1,2048}|\b[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}/giu;

const TRAILING_PUNCTUATION = /[.,;:!?'"»”’)\]}]+$/u;

/** Cuts punctuation that ends a sentence rather than the address, keeping balanced closing brackets. */
function trimLink(candidate: string): string {
  let link = candidate;
  for (;;) {
    const match = TRAILING_PUNCTUATION.exec(link);
    if (!match) return link;
    const tail = match[0];
    let keep = 0;
    // Keep a closing bracket the link itself opened: https://en.wikipedia.org/wiki/Foo_(bar)
    for (const pairs of [
      ['(', ')'],
      ['[', ']'],
    ] as const) {
      const [open, close] = pairs;
      if (tail.startsWith(close)) {
        const body = link.slice(0, link.length - tail.length);
        const opened = body.split(open).length - 1;
        const closed = body.split(close).length - 1;
        if (opened > closed) keep = 1;
      }
    }
    if (keep) return link.slice(0, link.length - tail.length + keep);
    link = link.slice(0, link.length - tail.length);
    if (link === '') return link;
  }
}

function hrefFor(text: string): string | undefined {
  if (/^https?:\/\//i.test(text)) return safeLinkUrl(text);
  if (/^www\./i.test(text)) return safeLinkUrl(`https://${text}`);
  if (text.includes('@')) return safeLinkUrl(`mailto:${text}`);
  return undefined;
}

/** Splits text into text and link tokens; joining every token's `text` gives the input back. */
export function tokenize(text: string): TextToken[] {
  const tokens: TextToken[] = [];
  if (typeof text !== 'string' || text === '') return tokens;
  let last = 0;
  for (const match of text.matchAll(LINK_PATTERN)) {
    const start = match.index;
    const linkText = trimLink(match[0]);
    const href = linkText ? hrefFor(linkText) : undefined;
    if (!href) continue;
    if (start > last) tokens.push({ kind: 'text', text: text.slice(last, start) });
    tokens.push({ kind: 'link', text: linkText, href });
    last = start + linkText.length;
  }
  if (last < text.length) tokens.push({ kind: 'text', text: text.slice(last) });
  return tokens;
}

/** Template parts for plain text: strings (escaped by Lit) and safe links opening in a new tab. */
export function linkify(text: string): (string | TemplateResult)[] {
  return tokenize(text).map((token) =>
    token.kind === 'text'
      ? token.text
      : html`<a href=${token.href} target="_blank" rel="noopener noreferrer">${token.text}</a>`,
  );
}
