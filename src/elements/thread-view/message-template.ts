import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';

import { BoundedCache } from '../../internal/bounded-cache.js';
import { formatDateTime, formatDay, formatTime, initials } from '../../internal/format.js';
import type { Message } from '../../model/index.js';
import { type AttachmentContext, renderAttachment } from './attachment-templates.js';
import { excerpt, isLong, renderBody } from './message-text.js';

/** What a message row needs from the thread. */
export interface MessageContext extends AttachmentContext {
  /** Number of messages in the thread, or -1 while older ones are not loaded. */
  setSize: number;
  replyTargetId: string | null;
  highlightId: string | null;
  expanded: ReadonlySet<string>;
  /** A loaded message by id (for quotes). */
  lookup(id: string): Message | undefined;
  onReply(message: Message): void;
  onRetry(message: Message): void;
  onQuote(id: string): void;
  onToggleExpand(id: string): void;
}

interface When {
  time: number;
  day: string;
}

const whens = new BoundedCache<Message, When>(2_000);

/** Time and local calendar day of a message, parsed once per message. */
function when(message: Message): When {
  let value = whens.get(message);
  if (!value) {
    const time = Date.parse(message.createdAt);
    const date = new Date(time);
    const day = Number.isFinite(time) ? `${date.getFullYear()}-${date.getMonth()}-${date.getDate()}` : '';
    value = { time, day };
    whens.set(message, value);
  }
  return value;
}

const GROUP_GAP_MS = 5 * 60_000;

function senderKey(message: Message): string {
  return `${message.direction}|${message.sender?.kind}|${message.sender?.id ?? message.sender?.name}`;
}

/** Whether a message continues the group of the one before it: same sender, same day, within minutes. */
export function continuesGroup(message: Message, previous: Message | undefined): boolean {
  if (!previous) return false;
  const a = when(previous);
  const b = when(message);
  return (
    a.day === b.day && senderKey(previous) === senderKey(message) && Math.abs(b.time - a.time) <= GROUP_GAP_MS
  );
}

export function startsDay(message: Message, previous: Message | undefined): boolean {
  return !previous || when(previous).day !== when(message).day;
}

export function senderName(message: Message): string {
  const name = typeof message.sender?.name === 'string' ? message.sender.name.trim() : '';
  return name || (message.sender?.kind === 'contact' ? msg('Unknown contact') : msg('Unknown sender'));
}

function statusTemplate(message: Message, ctx: MessageContext): TemplateResult | typeof nothing {
  if (message.direction !== 'outgoing') return nothing;
  const labels: Record<string, [string, string]> = {
    pending: [msg('Sending…'), '◷'],
    sent: [msg('Sent'), '✓'],
    delivered: [msg('Delivered'), '✓✓'],
    read: [msg('Read'), '✓✓'],
    failed: [msg('Failed'), '!'],
  };
  const [label, icon] = labels[message.status] ?? labels['sent']!;
  if (message.status !== 'failed') {
    return html`<span class="status status-${message.status}"
      ><span aria-hidden="true">${icon}</span> ${label}</span
    >`;
  }
  const error =
    typeof message.error === 'string' && message.error.trim()
      ? message.error
      : msg('The message was not sent.');
  return html`<span class="status status-failed">
      <span aria-hidden="true">${icon}</span> ${label}: <span class="error" dir="auto">${error}</span>
    </span>
    <button type="button" class="retry" @click=${() => ctx.onRetry(message)}>${msg('Retry')}</button>`;
}

function quoteTemplate(message: Message, ctx: MessageContext): TemplateResult | typeof nothing {
  if (!message.replyToId) return nothing;
  const original = ctx.lookup(message.replyToId);
  if (!original) {
    return html`<div class="quote missing">${msg('In reply to an earlier message')}</div>`;
  }
  return html`<button type="button" class="quote" @click=${() => ctx.onQuote(original.id)}>
    <span class="visually-hidden">${msg('In reply to')}</span>
    <bdi class="quote-sender">${senderName(original)}</bdi>
    <span class="quote-text" dir="auto">${excerpt(original) || msg('Attachment')}</span>
  </button>`;
}

/** One row of the thread: an optional day separator, then the message. */
export function renderRow(
  message: Message,
  previous: Message | undefined,
  index: number,
  ctx: MessageContext,
): TemplateResult {
  const { time } = when(message);
  const grouped = continuesGroup(message, previous);
  const name = senderName(message);
  const attachments = Array.isArray(message.attachments) ? message.attachments : [];
  const text = typeof message.text === 'string' ? message.text : '';
  const hasBody =
    text.trim() !== '' || (typeof message.richText === 'string' && message.richText.trim() !== '');
  const expanded = ctx.expanded.has(message.id);
  const day = startsDay(message, previous) ? formatDay(time) || msg('Unknown date') : '';
  const classes = [
    'message',
    message.direction === 'outgoing' ? 'outgoing' : 'incoming',
    grouped ? 'grouped' : '',
    message.id === ctx.replyTargetId ? 'reply-target' : '',
    message.id === ctx.highlightId ? 'highlight' : '',
    message.sender?.kind === 'system' ? 'system' : '',
  ].join(' ');
  const clientId = typeof message.clientId === 'string' && message.clientId ? message.clientId : nothing;
  return html`<div class="row" data-key=${message.id} data-client-id=${clientId}>
    ${
      day
        ? html`<div class="day" role="separator" aria-label=${day}>
            <span aria-hidden="true">${day}</span>
          </div>`
        : nothing
    }
    <article
      class=${classes}
      tabindex="-1"
      aria-label=${`${name}, ${formatDateTime(time)}`}
      aria-setsize=${ctx.setSize}
      aria-posinset=${ctx.setSize > 0 ? index + 1 : nothing}
    >
      ${
        grouped
          ? nothing
          : html`<div class="meta">
              <span class="avatar" aria-hidden="true">${initials(name)}</span>
              <bdi class="sender">${name}</bdi>
            </div>`
      }
      ${quoteTemplate(message, ctx)}
      ${hasBody ? html`<div class="bubble" dir="auto">${renderBody(message, expanded)}</div>` : nothing}
      ${
        isLong(message)
          ? html`<button
              type="button"
              class="more"
              aria-expanded=${expanded ? 'true' : 'false'}
              @click=${() => ctx.onToggleExpand(message.id)}
            >
              ${expanded ? msg('Show less') : msg('Show more')}
            </button>`
          : nothing
      }
      ${
        attachments.length > 0
          ? html`<div class="attachments">
              ${attachments.map((a, i) => renderAttachment(a, `${message.id}#${i}`, ctx))}
            </div>`
          : nothing
      }
      <div class="foot">
        <time datetime=${Number.isFinite(time) ? new Date(time).toISOString() : nothing}
          >${formatTime(time)}</time
        >
        ${statusTemplate(message, ctx)}
        <button
          type="button"
          class="reply"
          aria-pressed=${message.id === ctx.replyTargetId ? 'true' : 'false'}
          @click=${() => ctx.onReply(message)}
        >
          <span aria-hidden="true">↩</span> ${msg('Reply')}
        </button>
      </div>
    </article>
  </div>`;
}
