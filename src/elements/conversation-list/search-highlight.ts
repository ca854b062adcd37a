import { html, type TemplateResult } from 'lit';

/** The most characters of one field a row shows; the rest could never fit on its line anyway. */
export const MAX_FIELD_LENGTH = 240;
/** More marks than this in one field add nothing a rep can read. */
const MAX_MARKS = 8;

let segmenter: Intl.Segmenter | undefined;

/**
 * Cuts untrusted text to about `max` UTF-16 units at a grapheme boundary, so an emoji sequence or a
 * letter with its combining marks is never split and a 100,000-character message costs a row no more
 * than a short one. Only the first graphemes are visited.
 */
export function clip(text: string, max = MAX_FIELD_LENGTH): string {
  if (text.length <= max) return text;
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  let end = 0;
  for (const { segment } of segmenter.segment(text)) {
    if (end + segment.length > max) break;
    end += segment.length;
  }
  // A single grapheme longer than the limit (a pile of combining marks): cut it rather than show it all.
  return `${text.slice(0, end || max)}…`;
}

/**
 * The text with each case-insensitive occurrence of `needle` in a `<mark>`. Built by splitting the
 * text into parts that Lit renders as text nodes: nothing here is ever parsed as HTML.
 */
export function highlight(text: string, needle: string): string | (string | TemplateResult)[] {
  const query = needle.trim().toLowerCase();
  if (!query || !text) return text;
  const lower = text.toLowerCase();
  // Lower-casing can change lengths (İ becomes i̇): positions would not line up, so show no mark.
  if (lower.length !== text.length) return text;
  const parts: (string | TemplateResult)[] = [];
  let from = 0;
  let at = lower.indexOf(query);
  while (at >= 0 && parts.length < MAX_MARKS * 2) {
    if (at > from) parts.push(text.slice(from, at));
    parts.push(html`<mark part="match">${text.slice(at, at + query.length)}</mark>`);
    from = at + query.length;
    at = lower.indexOf(query, from);
  }
  if (parts.length === 0) return text;
  if (from < text.length) parts.push(text.slice(from));
  return parts;
}
