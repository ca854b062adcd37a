import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';

import { formatFileSize } from '../../internal/format.js';
import { safeMediaUrl } from '../../internal/safe-url.js';
import type { AttachmentItem, AttachmentsController } from './attachments-controller.js';

function thumbnail(item: AttachmentItem): TemplateResult | typeof nothing {
  const src = safeMediaUrl(
    item.previewUrl ??
      item.attachment?.thumbnailUrl ??
      (item.mimeType.startsWith('image/') ? item.attachment?.url : undefined),
  );
  return src ? html`<img src=${src} alt="" />` : nothing;
}

function renderItem(item: AttachmentItem, c: AttachmentsController, removed: () => void): TemplateResult {
  const name = item.name;
  return html`<li class="attachment" data-status=${item.status}>
    ${thumbnail(item)}
    <span>${name}</span>
    <span class="hint">${formatFileSize(item.sizeBytes)}</span>
    ${
      item.status === 'uploading'
        ? html`<progress max="1" .value=${item.progress} aria-label=${msg(str`Uploading ${name}`)}></progress>
            <button @click=${() => (c.cancel(item.key), removed())}>
              <span aria-hidden="true">✕</span
              ><span class="visually-hidden">${msg(str`Cancel upload of ${name}`)}</span>
            </button>`
        : item.status === 'failed'
          ? html`<span class="error">${msg(str`Upload failed: ${item.error ?? ''}`)}</span>
              <button @click=${() => (c.retry(item.key), removed())}>
                ${msg(str`Retry upload of ${name}`)}
              </button>
              <button @click=${() => (c.remove(item.key), removed())}>${msg(str`Remove ${name}`)}</button>`
          : html`<button @click=${() => (c.remove(item.key), removed())}>
              <span aria-hidden="true">✕</span
              ><span class="visually-hidden">${msg(str`Remove ${name}`)}</span>
            </button>`
    }
  </li>`;
}

/**
 * The reply's attachments, and why the last files were refused. `removed` runs after the rep removed one,
 * cancelled or retried its upload: the render requested then drops the button that had focus.
 */
export function renderAttachments(c: AttachmentsController, removed: () => void): TemplateResult {
  return html`${
      c.items.length
        ? html`<ul class="attachments" part="attachments" aria-label=${msg('Attachments')}>
            ${c.items.map((item) => renderItem(item, c, removed))}
          </ul>`
        : nothing
    }
    <div role="alert" class="error">${c.notices.map((n) => html`<p class="error">${n}</p>`)}</div>`;
}
