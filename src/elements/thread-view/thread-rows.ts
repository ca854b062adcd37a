import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';

import { getLocale } from '../../localization/localization.js';
import type { Message } from '../../model/index.js';
import { continuesGroup, type MessageContext, renderRow, startsDay } from './message-template.js';

/**
 * What a row shows, besides its message: when none of it changed, the row is not rendered again.
 * Scrolling renders the element every frame; without this, every rendered row would rebuild its
 * template (dates, names, classes) each time only the window moved.
 */
function rowInputs(message: Message, previous: Message | undefined, index: number, ctx: MessageContext) {
  const id = message.id;
  return [
    getLocale(),
    message,
    continuesGroup(message, previous),
    startsDay(message, previous),
    ctx.setSize,
    ctx.setSize > 0 ? index : -1,
    id === ctx.replyTargetId,
    id === ctx.highlightId,
    ctx.expanded.has(id),
    Array.isArray(message.attachments) && message.attachments.length > 0 ? ctx.broken : null,
    message.replyToId ? ctx.lookup(message.replyToId) : null,
  ];
}

/**
 * The rows `[start, end)` of the thread, keyed by message id; while the view is flying by
 * (`slotBase` not null), keyed by their slot counted from the row at `slotBase` instead. A fling
 * replaces every rendered row each frame: keyed by id, that removed and built every row's DOM anew,
 * garbage the collector then paused the scroll for; keyed by slot, the rows' elements stay and only
 * their content changes. Once the view settles, rows are keyed by id again (built once more), so
 * focus and state stay with their message.
 */
export function renderRows(
  messages: readonly Message[],
  start: number,
  end: number,
  ctx: MessageContext,
  slotBase: number | null = null,
): unknown {
  const key =
    slotBase === null ? (m: Message) => m.id : (_m: Message, i: number) => `slot-${start + i - slotBase}`;
  return repeat(messages.slice(start, end), key, (m, i) => {
    const previous = messages[start + i - 1];
    return guard(rowInputs(m, previous, start + i, ctx), () => renderRow(m, previous, start + i, ctx));
  });
}
