import { msg } from '@lit/localize';
import { html, type ReactiveControllerHost, type TemplateResult } from 'lit';

import type { ChannelCapabilities } from '../../model/index.js';

/** Files reaching the reply by drag and drop onto the editor, and by the "Insert image" and "Attach file" buttons. */
export class FileDrop {
  dragging = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly add: (files: File[]) => void,
    private readonly capabilities: () => ChannelCapabilities,
  ) {}

  readonly dragover = (event: DragEvent) => {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    this.set(true);
  };

  readonly dragleave = () => this.set(false);

  readonly drop = {
    // Capture phase: files are taken here, before ProseMirror would try to insert them as content.
    capture: true,
    handleEvent: (event: DragEvent) => {
      this.set(false);
      const files = [...(event.dataTransfer?.files ?? [])];
      if (files.length === 0) return;
      event.preventDefault();
      event.stopPropagation();
      this.add(files);
    },
  };

  /** Opens the browser's file chooser, offering the types the channel takes. */
  choose(images: boolean): void {
    const input = this.host.shadowRoot?.querySelector<HTMLInputElement>('input.files');
    if (!input) return;
    const allowed = this.capabilities().allowedMimeTypes;
    input.accept = images
      ? allowed.filter((m) => m.startsWith('image/')).join(',') || 'image/*'
      : allowed.join(',');
    input.value = '';
    input.click();
  }

  renderInput(): TemplateResult {
    return html`<input
      class="files"
      type="file"
      multiple
      hidden
      aria-label=${msg('Choose files')}
      @change=${(e: Event) => this.add([...((e.target as HTMLInputElement).files ?? [])])}
    />`;
  }

  private set(on: boolean): void {
    if (this.dragging === on) return;
    this.dragging = on;
    this.host.requestUpdate();
  }
}
