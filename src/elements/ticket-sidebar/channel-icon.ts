import { msg } from '@lit/localize';
import { html, type TemplateResult } from 'lit';

import { safeMediaUrl } from '../../internal/safe-url.js';
import type { ChannelDefinition, Conversation } from '../../model/index.js';

// The kit's own icons for the media that are not custom channels: inline SVG documents shown only
// through <img> (never inlined), as data URLs so they need no request and pass a strict CSP's img-src data:.
const svg = (path: string) =>
  `data:image/svg+xml,${encodeURIComponent(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" stroke="#7a8593" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${path}</svg>`,
  )}`;

const ICONS = {
  email: svg('<rect x="3" y="5" width="18" height="14" rx="2"/><path d="m3 7 9 6 9-6"/>'),
  call: svg(
    '<path d="M22 16.9v3a2 2 0 0 1-2.2 2 19.8 19.8 0 0 1-8.6-3.1 19.5 19.5 0 0 1-6-6A19.8 19.8 0 0 1 2.1 4.2 2 2 0 0 1 4.1 2h3a2 2 0 0 1 2 1.7c.1 1 .4 1.9.7 2.8a2 2 0 0 1-.5 2.1L8 9.9a16 16 0 0 0 6 6l1.3-1.3a2 2 0 0 1 2.1-.4c.9.3 1.8.6 2.8.7a2 2 0 0 1 1.7 2z"/>',
  ),
  chat: svg('<path d="M21 15a2 2 0 0 1-2 2H7l-4 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z"/>'),
} as const;

/** The name of the medium a conversation came through, for alt text. */
export function channelName(conversation: Conversation, channels: readonly ChannelDefinition[]): string {
  switch (conversation.channel) {
    case 'email':
      return msg('Email');
    case 'call':
      return msg('Call');
    case 'chat':
      return msg('Chat');
    default:
      return channels.find((c) => c.id === conversation.channelId)?.name || msg('Custom channel');
  }
}

/**
 * The channel's icon as an `<img>` whose alt is the channel's name. Custom channels show their own logo
 * (which may be an SVG data URL the kit made: `allowSvgData`, safe in `<img>`, never inlined).
 */
export function renderChannelIcon(
  conversation: Conversation,
  channels: readonly ChannelDefinition[],
): TemplateResult {
  const name = channelName(conversation, channels);
  const logo =
    conversation.channel === 'custom'
      ? channels.find((c) => c.id === conversation.channelId)?.logoUrl
      : ICONS[conversation.channel];
  const src = safeMediaUrl(logo, { allowSvgData: true }) ?? ICONS.chat;
  return html`<img class="channel-icon" part="channel-icon" src=${src} alt=${name} width="20" height="20" />`;
}
