import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';

import type { PipelineStage } from '../../model/index.js';
import { menuButtonKeydown, menuKeydown } from './menu.js';

export interface SendProps {
  canSend: boolean;
  stages: readonly PipelineStage[];
  open: boolean;
  send: () => void;
  toggle: () => void;
  openAt: (at: 'first' | 'last') => void;
  close: () => void;
  pickStage: (stage: PipelineStage) => void;
  shortcut: string;
}

/** "Send", and "More send options" beside it listing the pipeline's stages. */
export function renderSendControls(p: SendProps): TemplateResult {
  return html`<div class="send-group popover-anchor" part="send">
    <button class="send" aria-keyshortcuts=${p.shortcut} ?disabled=${!p.canSend} @click=${p.send}>
      ${msg('Send')}
    </button>
    ${
      p.stages.length
        ? html`<button
              class="more"
              id="more-button"
              aria-haspopup="menu"
              aria-expanded=${p.open ? 'true' : 'false'}
              ?disabled=${!p.canSend}
              @click=${p.toggle}
              @keydown=${(e: KeyboardEvent) => menuButtonKeydown(e, p.openAt)}
            >
              <span aria-hidden="true">▾</span
              ><span class="visually-hidden">${msg('More send options')}</span>
            </button>
            ${
              p.open
                ? html`<div
                    role="menu"
                    aria-label=${msg('More send options')}
                    @keydown=${(e: KeyboardEvent) => menuKeydown(e, p.close)}
                  >
                    ${p.stages.map(
                      (stage) =>
                        html`<button role="menuitem" tabindex="-1" @click=${() => p.pickStage(stage)}>
                          ${msg(str`Send and set status to ${stage.label}`)}
                        </button>`,
                    )}
                  </div>`
                : nothing
            }`
        : nothing
    }
  </div>`;
}
