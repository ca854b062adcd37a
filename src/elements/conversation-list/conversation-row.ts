import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import { guard } from 'lit/directives/guard.js';

import { BoundedCache } from '../../internal/bounded-cache.js';
import { formatDateTime, formatRelativeTime, initials } from '../../internal/format.js';
import { safeMediaUrl } from '../../internal/safe-url.js';
import { getLocale } from '../../localization/localization.js';
import type { ChannelDefinition, Conversation } from '../../model/index.js';
import { clip, highlight } from './search-highlight.js';

/** Everything a row needs besides its conversation; built once per render, shared by every row. */
export interface RowContext {
  byId: Readonly<Record<string, Conversation>>;
  channels: ReadonlyMap<string, ChannelDefinition>;
  /** Agent and team names by id. */
  assignees: ReadonlyMap<string, string>;
  selectedId: string | null;
  activeIndex: number;
  /** The text the list was searched for, highlighted in the row. */
  needle: string;
  /** `aria-setsize`: every row of the query, loaded or not; -1 when unknown. */
  setSize: number;
  now: number;
}

/** The id of the option at `index`; `aria-activedescendant` points at it. */
export const optionId = (index: number): string => `option-${index}`;

// A name made only of invisible characters (zero-width spaces, bidi marks) is as good as no name.
const visible = /[\p{L}\p{N}\p{S}\p{P}]/u;

interface RowText {
  /** The name to show, or null for "Unknown contact" (translated at render time). */
  name: string | null;
  initials: string;
  preview: string;
}

// What a row derives from its conversation's text (clipping, graphemes) is worked out once per
// conversation object: the store replaces the object when it changes, and re-renders (a new message
// elsewhere, the clock) then cost no text work at all. Bounded: a few screens of rows, not all 100,000.
const rowTexts = new BoundedCache<Conversation, RowText>(1_000);

function textOf(conversation: Conversation): RowText {
  let text = rowTexts.get(conversation);
  if (!text) {
    const raw = conversation.contactName?.trim() ?? '';
    const name = visible.test(raw) ? clip(raw) : null;
    const letters = name === null ? '' : initials(name);
    text = {
      name,
      initials: visible.test(letters) ? letters : '',
      preview: clip(conversation.lastMessage?.preview ?? ''),
    };
    rowTexts.set(conversation, text);
  }
  return text;
}

/** The contact's name as shown, "Unknown contact" when there is none to show. */
export function contactLabel(conversation: Conversation): string {
  return textOf(conversation).name ?? msg('Unknown contact');
}

function avatar(conversation: Conversation, text: RowText): TemplateResult {
  const src = safeMediaUrl(conversation.contactAvatarUrl);
  if (src) return html`<img part="avatar" class="avatar" src=${src} alt="" />`;
  // No contact to name: a neutral '?', not the initials of the words "Unknown contact".
  const letters = text.initials || '?';
  return html`<span part="avatar" class="avatar" aria-hidden="true">${letters}</span>`;
}

function channelBadge(conversation: Conversation, channels: RowContext['channels']) {
  if (conversation.channel !== 'custom' || !conversation.channelId) return nothing;
  const channel = channels.get(conversation.channelId);
  if (!channel) return nothing;
  // Logos come from the channel's definition; SVG is fine here because it is only ever an <img>.
  const src = safeMediaUrl(channel.logoUrl, { allowSvgData: true });
  return src
    ? html`<img part="channel-logo" class="channel-logo" src=${src} alt=${channel.name} />`
    : html`<span part="channel-logo" class="channel-name">${channel.name}</span>`;
}

/** One conversation as an `option` of the listbox. Text from the channel is always rendered as text. */
export function renderRow(id: string, index: number, ctx: RowContext): TemplateResult {
  const conversation = ctx.byId[id];
  const selected = id === ctx.selectedId;
  if (!conversation) return renderBriefRow(id, index, ctx);
  const text = textOf(conversation);
  const label = text.name ?? msg('Unknown contact');
  const last = conversation.lastMessage;
  const at = Date.parse(last?.at ?? conversation.createdAt);
  const unread = conversation.unreadCount > 0 ? conversation.unreadCount : 0;
  const assignee =
    conversation.assigneeId === null ? msg('Unassigned') : (ctx.assignees.get(conversation.assigneeId) ?? '');
  return html`<div
    role="option"
    id=${optionId(index)}
    part=${selected ? 'row row-selected' : 'row'}
    class=${classMap({ row: true, selected, active: index === ctx.activeIndex, unread: unread > 0 })}
    aria-selected=${selected ? 'true' : 'false'}
    aria-posinset=${index + 1}
    aria-setsize=${ctx.setSize}
    data-index=${index}
  >
    ${avatar(conversation, text)}
    <span class="line">
      <span part="name" class="name" dir="auto">${highlight(label, ctx.needle)}</span>
      ${channelBadge(conversation, ctx.channels)}
      <time
        part="time"
        class="time"
        datetime=${last?.at ?? conversation.createdAt}
        title=${formatDateTime(at)}
        >${formatRelativeTime(at, ctx.now)}</time
      >
    </span>
    <span class="line">
      <span part="preview" class="preview" dir="auto"
        >${last?.direction === 'outgoing' ? msg('You: ') : nothing}${highlight(text.preview, ctx.needle)}</span
      >
      ${
        unread
          ? html`<span part="unread" class="unread-count"
              ><span aria-hidden="true">${unread > 99 ? '99+' : unread}</span
              ><span class="visually-hidden">${msg(str`${unread} unread`)}</span></span
            >`
          : nothing
      }
    </span>
    <span class="line meta">
      <span part="status" class="status status-${conversation.status}"
        >${conversation.status === 'open' ? msg('Open') : msg('Closed')}</span
      >
      ${assignee ? html`<span part="assignee" class="assignee" dir="auto">${clip(assignee, 80)}</span>` : nothing}
      ${
        conversation.ticketName
          ? html`<span part="ticket" class="ticket" dir="auto"
              >${highlight(clip(conversation.ticketName), ctx.needle)}</span
            >`
          : nothing
      }
    </span>
  </div>`;
}

/**
 * A row with the contact's name only: while its conversation is still loading ("Loading…"), and
 * while a fling jumps past every rendered row (faster than a screen a frame, too fast to read), where
 * it keeps the option's accessible name for about a fifth of a full row's work. Full rows replace
 * these once the scroll is still.
 */
function renderBriefRow(id: string, index: number, ctx: RowContext): TemplateResult {
  const conversation = ctx.byId[id];
  const selected = id === ctx.selectedId;
  return html`<div
    role="option"
    id=${optionId(index)}
    part=${selected ? 'row row-selected' : 'row'}
    class=${classMap({ row: true, brief: true, selected, active: index === ctx.activeIndex })}
    aria-selected=${selected ? 'true' : 'false'}
    aria-posinset=${index + 1}
    aria-setsize=${ctx.setSize}
    data-index=${index}
  >
    <span class="line"
      ><span part="name" class="name" dir="auto"
        >${conversation ? contactLabel(conversation) : msg('Loading…')}</span
      ></span
    >
  </div>`;
}

/**
 * A row that re-renders only when something it shows changed: a new message re-renders its own row,
 * not every row in view. `brief` while a fling jumps past the rows (see renderBriefRow).
 */
export function renderGuardedRow(id: string, index: number, ctx: RowContext, brief = false): TemplateResult {
  const deps = [
    brief,
    ctx.byId[id],
    id === ctx.selectedId,
    index === ctx.activeIndex,
    index,
    ctx.needle,
    ctx.setSize,
    ctx.now,
    ctx.channels,
    ctx.assignees,
    getLocale(),
  ];
  return html`${guard(deps, () => (brief ? renderBriefRow(id, index, ctx) : renderRow(id, index, ctx)))}`;
}
