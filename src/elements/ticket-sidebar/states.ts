import { msg } from '@lit/localize';
import { html, type TemplateResult } from 'lit';

/** A section with nothing to show, saying why and what happens next; a slot takes the host's own way forward. */
export function renderEmpty(title: string, hint: string, slot?: string): TemplateResult {
  return html`<div class="state empty" part="empty">
    <p class="state-title">${title}</p>
    <p class="hint">${hint}</p>
    ${slot ? html`<slot name=${slot}></slot>` : ''}
  </div>`;
}

export function renderLoading(label: string): TemplateResult {
  return html`<div class="state loading" part="loading" role="status">
    <span class="spinner" aria-hidden="true"></span>${label}
  </div>`;
}

/** A request failed: what failed, the backend's reason, and a button to ask again. */
export function renderFailure(title: string, reason: string, onRetry: () => void): TemplateResult {
  return html`<div class="state error" part="error">
    <p class="state-title" role="alert">${title}</p>
    <p class="hint">${reason}</p>
    <button type="button" @click=${onRetry}>${msg('Try again')}</button>
  </div>`;
}
