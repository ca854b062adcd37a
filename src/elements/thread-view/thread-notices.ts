import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';

import type { ThreadView as ThreadState } from '../../state/selectors.js';

/** What the log says instead of messages: nothing selected, loading, failed, or empty. */
export function renderNotice(
  conversationId: string | null,
  count: number,
  thread: ThreadState | undefined,
  onRetry: () => void,
): TemplateResult | typeof nothing {
  if (!conversationId) return html`<p class="notice">${msg('No conversation selected.')}</p>`;
  if (count > 0) return nothing;
  if (thread?.error) {
    return html`<div class="notice error" role="alert">
      <p>${msg('Messages could not be loaded.')}</p>
      <button type="button" @click=${onRetry}>${msg('Try again')}</button>
    </div>`;
  }
  if (!thread || thread.loading) return html`<p class="notice" role="status">${msg('Loading messages…')}</p>`;
  return html`<p class="notice">${msg('No messages yet.')}</p>`;
}

/** Above the messages: an older page is loading, or failed to load. */
export function renderOlderStatus(
  count: number,
  thread: ThreadState | undefined,
  onRetry: () => void,
): TemplateResult | typeof nothing {
  if (count === 0 || !thread) return nothing;
  if (thread.loading)
    return html`<p class="loading-older" role="status">${msg('Loading earlier messages…')}</p>`;
  if (thread.error) {
    return html`<p class="loading-older error">
      ${msg('Earlier messages could not be loaded.')}
      <button type="button" @click=${onRetry}>${msg('Try again')}</button>
    </p>`;
  }
  return nothing;
}
