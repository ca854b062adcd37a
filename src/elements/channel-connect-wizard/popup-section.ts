// The credentials step of a channel with a `connectionUrl`: a button that opens the channel's page
// in a pop-up, what is happening while we wait, and a way to stop waiting.
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';

import type { ChannelDefinition } from '../../model/index.js';
import type { ConnectionPopupController } from './connection-popup.js';

export function renderPopupSection(
  channel: ChannelDefinition,
  popup: ConnectionPopupController,
  editing: boolean,
): TemplateResult {
  const name = channel.name;
  const state = popup.state;
  const status =
    state === 'waiting'
      ? msg(str`Waiting for ${name}… Finish in the pop-up window.`)
      : state === 'received'
        ? msg(str`${name} sent the connection details. Choose Next to continue.`)
        : state === 'blocked'
          ? msg('The pop-up was blocked. Allow pop-ups for this page and try again.')
          : state === 'closed'
            ? msg(str`The window was closed before ${name} finished. Try again.`)
            : state === 'failed'
              ? msg(str`${name} reported a problem: ${popup.error}`)
              : state === 'unsafe'
                ? msg(`This channel's connection page can't be opened: its address is not a web address.`)
                : editing
                  ? msg(str`To change the connection, connect again on ${name}'s page. Otherwise it is kept.`)
                  : msg(str`${name} collects its credentials on its own page, in a pop-up window.`);
  const problem = state === 'blocked' || state === 'closed' || state === 'failed' || state === 'unsafe';
  return html`<div class="popup" part="connection-popup">
    <p id="popup-status" class=${problem ? 'error' : state === 'received' ? 'success' : 'help'}>${status}</p>
    ${
      state === 'waiting'
        ? html`<button type="button" class="secondary" @click=${() => popup.cancel()}>
            ${msg('Stop waiting')}
          </button>`
        : html`<button
            type="button"
            class=${state === 'received' ? 'secondary' : 'primary'}
            aria-describedby="popup-status"
            @click=${() => popup.start(channel.connectionUrl)}
          >
            ${state === 'received' || editing ? msg(str`Connect again with ${name}`) : msg(str`Connect with ${name}`)}
          </button>`
    }
    ${nothing}
  </div>`;
}
