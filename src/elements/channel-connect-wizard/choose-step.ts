// The first step: the custom channels installed for the account, as cards to pick one from.
// Channel names, descriptions and logos are untrusted: text positions, and a logo URL only after
// `safeMediaUrl` (data:image/svg+xml is allowed because it is shown through <img>, which runs no script).
import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';

import { safeMediaUrl } from '../../internal/safe-url.js';
import type { ChannelDefinition } from '../../model/index.js';

export interface ChooseView {
  channels: readonly ChannelDefinition[];
  selectedId: string | null;
  onSelect(channel: ChannelDefinition): void;
  onInstall(channel: ChannelDefinition): void;
  onAuthorize(channel: ChannelDefinition): void;
}

export const usable = (c: ChannelDefinition): boolean => c.installed && c.authorized;

export function channelLogo(channel: ChannelDefinition | undefined, size = 40): TemplateResult {
  const src = safeMediaUrl(channel?.logoUrl, { allowSvgData: true });
  return src
    ? html`<img class="logo" part="logo" src=${src} alt="" width=${size} height=${size} />`
    : html`<span class="logo logo-empty" part="logo" aria-hidden="true"></span>`;
}

function card(view: ChooseView, channel: ChannelDefinition, index: number): TemplateResult {
  const id = `channel-${index}`;
  const selected = view.selectedId === channel.id;
  const note = !channel.installed
    ? msg('Not installed. Install the app to connect accounts.')
    : !channel.authorized
      ? msg('The app must be authorized again before accounts can be connected.')
      : '';
  return html`<li
    class="card ${selected ? 'selected' : ''} ${usable(channel) ? '' : 'unavailable'}"
    part="channel-card"
  >
    <input
      type="radio"
      name="channel"
      id=${id}
      .checked=${selected}
      ?disabled=${!usable(channel)}
      aria-describedby=${`${id}-description${note ? ` ${id}-note` : ''}`}
      @change=${() => view.onSelect(channel)}
    />
    ${channelLogo(channel)}
    <span class="card-text">
      <label for=${id} class="card-name">${channel.name}</label>
      <span class="card-description" id="${id}-description">${channel.description}</span>
      ${note ? html`<span class="card-note" id="${id}-note">${note}</span>` : nothing}
    </span>
    ${
      !channel.installed
        ? html`<button
            type="button"
            class="secondary card-action"
            aria-describedby=${`${id}-name`}
            @click=${() => view.onInstall(channel)}
          >
            ${msg('Install')}
          </button>`
        : !channel.authorized
          ? html`<button
              type="button"
              class="secondary card-action"
              aria-describedby=${`${id}-name`}
              @click=${() => view.onAuthorize(channel)}
            >
              ${msg('Authorize again')}
            </button>`
          : nothing
    }
    <span hidden id="${id}-name">${channel.name}</span>
  </li>`;
}

export function renderChannelCards(view: ChooseView): TemplateResult {
  if (view.channels.length === 0) {
    return html`<p class="empty" part="empty">
      ${msg('No custom channels are installed for this account yet.')}
    </p>`;
  }
  return html`<fieldset class="channels">
    <legend class="visually-hidden">${msg('Channels')}</legend>
    <ul class="cards">
      ${view.channels.map((c, i) => card(view, c, i))}
    </ul>
  </fieldset>`;
}
