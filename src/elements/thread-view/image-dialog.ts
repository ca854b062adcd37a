import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';

export interface DialogImage {
  url: string;
  name: string;
  width?: number;
  height?: number;
}

/**
 * The full-size image, in a modal `<dialog>`: the browser traps focus, closes it on Escape and
 * returns focus to the thumbnail that opened it.
 */
export function renderImageDialog(image: DialogImage | null, onClose: () => void): TemplateResult {
  return html`<dialog
    class="image-dialog"
    part="image-dialog"
    aria-labelledby="image-dialog-title"
    @close=${onClose}
  >
    <div class="dialog-bar">
      <p class="dialog-title" id="image-dialog-title"><bdi>${image?.name ?? ''}</bdi></p>
      <button
        type="button"
        class="dialog-close"
        @click=${(e: Event) => (e.target as HTMLElement).closest('dialog')?.close()}
      >
        ${msg('Close')}
      </button>
    </div>
    ${
      image
        ? html`<img
            class="dialog-image"
            src=${image.url}
            alt=${image.name}
            width=${image.width ?? nothing}
            height=${image.height ?? nothing}
          />`
        : nothing
    }
  </dialog>`;
}
