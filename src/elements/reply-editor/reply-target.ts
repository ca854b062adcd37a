import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';

import type { ReplyContext } from './reply-context.js';

/** The bar above the editor quoting the message being answered, with a button to clear it. */
export function renderReplyTarget(ctx: ReplyContext, clear: () => void): TemplateResult | typeof nothing {
  if (!ctx.targetId) return nothing;
  const message = ctx.targetMessage();
  const who = message?.sender.name || msg('a message');
  const excerpt = message ? message.text.slice(0, 160) : '';
  return html`<div class="target" part="reply-target" role="group" aria-label=${msg('Reply target')}>
    <span>${msg(str`Replying to ${who}`)}</span>
    <q>${excerpt}</q>
    <button @click=${clear}>${msg('Clear reply target')}</button>
  </div>`;
}
