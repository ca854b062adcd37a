import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';

import type { MessageChannel } from '../../model/index.js';
import { menuButtonKeydown, menuKeydown } from './menu.js';

export interface ChannelOption {
  channel: MessageChannel;
  label: string;
}

export interface ChannelMenuProps {
  options: ChannelOption[];
  current: MessageChannel;
  open: boolean;
  disabled: boolean;
  toggle: () => void;
  openAt: (at: 'first' | 'last') => void;
  close: () => void;
  pick: (channel: MessageChannel) => void;
}

/** The "Channel" menu above the editor: the conversation's own channel account, Email, Call. */
export function renderChannelMenu(p: ChannelMenuProps): TemplateResult {
  // With no conversation yet there is no channel of its own to name: the button says only "Channel".
  const current = p.options.find((o) => o.channel === p.current)?.label;
  return html`<div class="popover-anchor">
    <button
      id="channel-button"
      part="channel-button"
      aria-haspopup="menu"
      aria-expanded=${p.open ? 'true' : 'false'}
      ?disabled=${p.disabled}
      @click=${p.toggle}
      @keydown=${(e: KeyboardEvent) => menuButtonKeydown(e, p.openAt)}
    >
      ${current === undefined ? msg('Channel') : msg(str`Channel: ${current}`)}
    </button>
    ${
      p.open
        ? html`<div
            role="menu"
            id="channel-menu"
            aria-label=${msg('Channel')}
            @keydown=${(e: KeyboardEvent) => menuKeydown(e, p.close)}
          >
            ${p.options.map(
              (o) =>
                html`<button
                  role="menuitemradio"
                  aria-checked=${o.channel === p.current ? 'true' : 'false'}
                  tabindex="-1"
                  @click=${() => p.pick(o.channel)}
                >
                  ${o.label}
                </button>`,
            )}
          </div>`
        : nothing
    }
  </div>`;
}
