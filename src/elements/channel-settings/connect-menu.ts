// "Connect a channel": a menu button whose one item, "Connect a new channel", starts the wizard.
// Keyboard as the menu-button pattern has it: Enter, Space or ArrowDown open and focus the item;
// Escape closes and returns to the button; leaving the menu closes it.
import { msg } from '@lit/localize';
import { html, type ReactiveController, type ReactiveElement, type TemplateResult } from 'lit';

export class ConnectMenuController implements ReactiveController {
  open = false;

  constructor(
    private readonly host: ReactiveElement,
    private readonly onConnectNew: () => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  private get button(): HTMLButtonElement | null {
    return this.host.renderRoot.querySelector('#connect-button');
  }

  private async show(focusItem: boolean): Promise<void> {
    this.open = true;
    this.host.requestUpdate();
    await this.host.updateComplete;
    if (focusItem) this.host.renderRoot.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }

  close(returnFocus: boolean): void {
    if (!this.open) return;
    this.open = false;
    this.host.requestUpdate();
    if (returnFocus) this.button?.focus();
  }

  private readonly handleButtonKey = (event: KeyboardEvent): void => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      void this.show(true);
    }
  };

  private readonly handleMenuKey = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.close(true);
    } else if (event.key === 'Tab') {
      this.close(false);
    } else if (['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(event.key)) {
      event.preventDefault();
    }
  };

  private readonly handleFocusOut = (event: FocusEvent): void => {
    const next = event.relatedTarget as Node | null;
    const wrap = this.host.renderRoot.querySelector('.menu-wrap');
    if (this.open && next && wrap && !wrap.contains(next)) this.close(false);
  };

  render(): TemplateResult {
    return html`<div class="menu-wrap" @focusout=${this.handleFocusOut}>
      <button
        id="connect-button"
        type="button"
        class="primary"
        aria-haspopup="menu"
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls="connect-menu"
        @click=${() => (this.open ? this.close(false) : void this.show(true))}
        @keydown=${this.handleButtonKey}
      >
        ${msg('Connect a channel')} <span aria-hidden="true">▾</span>
      </button>
      <ul
        role="menu"
        id="connect-menu"
        aria-labelledby="connect-button"
        ?hidden=${!this.open}
        @keydown=${this.handleMenuKey}
      >
        <li role="none">
          <button
            type="button"
            role="menuitem"
            tabindex="-1"
            @click=${() => {
              this.close(false);
              this.onConnectNew();
            }}
          >
            ${msg('Connect a new channel')}
          </button>
        </li>
      </ul>
    </div>`;
  }
}
