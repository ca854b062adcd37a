// A modal confirmation (`<dialog>`) owned by an element: `ask()` opens it and resolves with the
// admin's answer. Used for "Delete account", "Turn off" and "Discard" so all three behave alike:
// focus starts on the safe choice, Escape means no, and focus returns where it was.
import { msg } from '@lit/localize';
import { html, nothing, type ReactiveController, type ReactiveElement, type TemplateResult } from 'lit';

export interface ConfirmOptions {
  heading: string;
  body: string;
  /** The confirm button's text ("Delete account", "Turn off"). */
  confirm: string;
  /** The other button's text; "Cancel" by default. */
  cancel?: string;
  danger?: boolean;
}

function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active as HTMLElement | null;
}

export class ConfirmController implements ReactiveController {
  private pending: { options: ConfirmOptions; resolve: (yes: boolean) => void } | undefined;
  private returnFocus: HTMLElement | null = null;

  constructor(private readonly host: ReactiveElement) {
    host.addController(this);
  }

  /** Whether a confirmation is waiting for an answer. */
  get open(): boolean {
    return this.pending !== undefined;
  }

  ask(options: ConfirmOptions): Promise<boolean> {
    this.pending?.resolve(false);
    this.returnFocus = deepActiveElement();
    return new Promise((resolve) => {
      this.pending = { options, resolve };
      this.host.requestUpdate();
    });
  }

  hostUpdated(): void {
    const dialog = this.dialog();
    if (this.pending && dialog && !dialog.open) {
      dialog.showModal();
      // Focus starts on the safe choice.
      dialog.querySelector<HTMLElement>('.confirm-cancel')?.focus();
    }
  }

  hostDisconnected(): void {
    this.finish(false);
  }

  private dialog(): HTMLDialogElement | null {
    return this.host.renderRoot.querySelector<HTMLDialogElement>('dialog.confirm');
  }

  private finish(yes: boolean): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = undefined;
    this.dialog()?.close();
    this.host.requestUpdate();
    const target = this.returnFocus;
    this.returnFocus = null;
    if (target?.isConnected) target.focus();
    pending.resolve(yes);
  }

  render(): TemplateResult | typeof nothing {
    if (!this.pending) return nothing;
    const { options } = this.pending;
    return html`<dialog
      class="confirm"
      part="confirm-dialog"
      aria-labelledby="confirm-heading"
      aria-describedby="confirm-body"
      @cancel=${(e: Event) => {
        e.preventDefault();
        this.finish(false);
      }}
    >
      <h2 id="confirm-heading">${options.heading}</h2>
      <p id="confirm-body">${options.body}</p>
      <div class="actions">
        <button type="button" class="secondary confirm-cancel" @click=${() => this.finish(false)}>
          ${options.cancel ?? msg('Cancel')}
        </button>
        <button
          type="button"
          class=${options.danger ? 'danger' : 'primary'}
          @click=${() => this.finish(true)}
        >
          ${options.confirm}
        </button>
      </div>
    </dialog>`;
  }
}
