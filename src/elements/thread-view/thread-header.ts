import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';

import { initials } from '../../internal/format.js';
import { safeMediaUrl } from '../../internal/safe-url.js';
import type { ChannelDefinition, Conversation, Ticket } from '../../model/index.js';

export interface HeaderData {
  conversation: Conversation | null;
  /** A name to show when the conversation itself is not loaded (the first incoming sender). */
  fallbackName: string;
  channel: ChannelDefinition | undefined;
  channelLogoBroken: boolean;
  ticket: Ticket | null;
  ticketId: string | null;
  onLogoError(): void;
  onTicketOpen(ticketId: string): void;
  ownerMenu: TemplateResult | typeof nothing;
}

function channelLogo(data: HeaderData): TemplateResult | typeof nothing {
  const channel = data.channel;
  if (!channel) return nothing;
  const name = typeof channel.name === 'string' && channel.name.trim() ? channel.name : msg('Channel');
  // Channel logos are images the kit or the host made; SVG is allowed because <img> never runs it.
  const src = data.channelLogoBroken ? undefined : safeMediaUrl(channel.logoUrl, { allowSvgData: true });
  return src
    ? html`<img
        class="channel-logo"
        part="channel-logo"
        src=${src}
        alt=${name}
        width="20"
        height="20"
        @error=${data.onLogoError}
      />`
    : html`<span class="channel-logo fallback" part="channel-logo" role="img" aria-label=${name}
        >${initials(name)}</span
      >`;
}

/** The thread's header: who the conversation is with, through which channel, its ticket and owner. */
export function renderHeader(data: HeaderData): TemplateResult {
  const raw = data.conversation ? data.conversation.contactName : data.fallbackName;
  const contact = typeof raw === 'string' && raw.trim() ? raw.trim() : msg('Unknown contact');
  const ticketName = data.ticket?.name?.trim() || data.conversation?.ticketName?.trim() || msg('Ticket');
  return html`<div class="header" part="header">
    <span class="avatar large" aria-hidden="true">${initials(contact)}</span>
    <div class="who">
      <p class="contact"><bdi>${contact}</bdi></p>
      ${channelLogo(data)}
    </div>
    <div class="ticket">
      ${
        data.ticketId
          ? html`<button
              type="button"
              class="ticket-button"
              part="ticket-button"
              title=${msg('Open ticket')}
              @click=${() => data.onTicketOpen(data.ticketId!)}
            >
              <bdi>${ticketName}</bdi>
            </button>`
          : nothing
      }
      ${data.ownerMenu}
    </div>
  </div>`;
}
