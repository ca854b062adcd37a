import { guard } from 'lit/directives/guard.js';

import { BoundedCache } from '../../internal/bounded-cache.js';
import { linkify } from '../../internal/linkify.js';
import { sanitizedFragment } from '../../internal/sanitize.js';
import type { Message } from '../../model/index.js';

/** Longer texts show their start and a "Show more" button: a 100,000-character message stays usable. */
export const TEXT_LIMIT = 3000;

const segmenter =
  typeof Intl !== 'undefined' && 'Segmenter' in Intl
    ? new Intl.Segmenter(undefined, { granularity: 'grapheme' })
    : undefined;

/** The start of `text`, cut at a grapheme boundary so no emoji or combining sequence is split. */
export function cutText(text: string, limit = TEXT_LIMIT): string {
  if (text.length <= limit) return text;
  if (!segmenter) return text.slice(0, limit);
  let end = 0;
  for (const { index, segment } of segmenter.segment(text.slice(0, limit + 64))) {
    if (index + segment.length > limit) break;
    end = index + segment.length;
  }
  return text.slice(0, end);
}

// Linkified parts per message and length: messages are immutable, rows re-render as they scroll.
// Bounded, so scrolling a 10,000-message thread does not keep every message's parts.
const cache = new BoundedCache<Message, { full: boolean; parts: unknown[] }>(1_000);

/** Whether the message has more text than is shown collapsed. */
export function isLong(message: Message): boolean {
  return !message.richText && typeof message.text === 'string' && message.text.length > TEXT_LIMIT;
}

/**
 * The body: the sanitized rich body when there is one, else the plain text with safe links.
 * The rich fragment goes through `guard` so the row keeps the nodes it was given.
 */
export function renderBody(message: Message, expanded: boolean): unknown {
  if (typeof message.richText === 'string' && message.richText.trim() !== '') {
    return guard([message.richText], () => sanitizedFragment(message.richText));
  }
  const text = typeof message.text === 'string' ? message.text : '';
  const full = expanded || text.length <= TEXT_LIMIT;
  const hit = cache.get(message);
  if (hit && hit.full === full) return hit.parts;
  const shown = full ? text : `${cutText(text)}…`;
  const parts = linkify(shown);
  cache.set(message, { full, parts });
  return parts;
}

/** A short plain excerpt for a quote. */
export function excerpt(message: Message, limit = 140): string {
  const text = (typeof message.text === 'string' ? message.text : '').replace(/\s+/g, ' ').trim();
  return text.length > limit ? `${cutText(text, limit)}…` : text;
}
