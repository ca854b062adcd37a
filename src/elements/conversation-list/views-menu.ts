import { msg } from '@lit/localize';
import { html, nothing, type ReactiveController, type ReactiveElement, type TemplateResult } from 'lit';

import type { View } from '../../model/index.js';
import { clip } from './search-highlight.js';

export interface ViewsMenuOptions {
  views(): readonly View[];
  currentViewId(): string | null;
  apply(viewId: string | null): void;
  /** Saves the current filters under `name`; resolves to an error text, or null when saved. */
  save(name: string): Promise<string | null>;
}

/**
 * The "Views" menu button: a `menu` of the saved views (menuitemradio, the one in use checked), "All
 * conversations" to leave a view, and "Save view", which asks a name in a modal dialog. Keyboard as in
 * the ARIA menu button pattern: arrows, Home, End, Escape returns focus to the button.
 */
export class ViewsMenuController implements ReactiveController {
  private open = false;
  private saveError = '';
  private busy = false;

  constructor(
    private readonly host: ReactiveElement,
    private readonly options: ViewsMenuOptions,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.open = false;
  }

  private get root(): ShadowRoot | null {
    return this.host.shadowRoot;
  }

  private items(): HTMLElement[] {
    return Array.from(
      this.root?.querySelectorAll<HTMLElement>('[part~="views-menu"] [role^="menuitem"]') ?? [],
    );
  }

  private button(): HTMLElement | null | undefined {
    return this.root?.querySelector<HTMLElement>('[part~="views-button"]');
  }

  private async show(focus: 'checked' | 'first' | 'last'): Promise<void> {
    this.open = true;
    this.host.requestUpdate();
    await this.host.updateComplete;
    const items = this.items();
    const checked = items.find((item) => item.getAttribute('aria-checked') === 'true');
    (focus === 'last'
      ? items[items.length - 1]
      : focus === 'checked'
        ? (checked ?? items[0])
        : items[0]
    )?.focus();
  }

  private close(returnFocus: boolean): void {
    if (!this.open) return;
    this.open = false;
    this.host.requestUpdate();
    if (returnFocus) this.button()?.focus();
  }

  private handleButtonKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      void this.show(event.key === 'ArrowDown' ? 'first' : 'last');
    }
  };

  private handleMenuKeydown = (event: KeyboardEvent): void => {
    const items = this.items();
    const index = items.indexOf(this.root?.activeElement as HTMLElement);
    const move = (to: number) => {
      event.preventDefault();
      items[(to + items.length) % items.length]?.focus();
    };
    if (event.key === 'ArrowDown') move(index + 1);
    else if (event.key === 'ArrowUp') move(index - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(items.length - 1);
    else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.close(true);
    } else if (event.key === 'Tab') this.close(false);
  };

  private handleFocusOut = (event: FocusEvent): void => {
    const next = event.relatedTarget as Node | null;
    const wrapper = event.currentTarget as HTMLElement;
    if (!next || !wrapper.contains(next)) this.close(false);
  };

  private choose(viewId: string | null): void {
    this.close(true);
    this.options.apply(viewId);
  }

  private askName(): void {
    this.close(false);
    this.saveError = '';
    this.host.requestUpdate();
    const dialog = this.root?.querySelector<HTMLDialogElement>('[part~="save-dialog"]');
    const input = dialog?.querySelector('input');
    if (input) input.value = '';
    dialog?.showModal();
  }

  private closeDialog(): void {
    this.root?.querySelector<HTMLDialogElement>('[part~="save-dialog"]')?.close();
    this.button()?.focus();
  }

  private handleSubmit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (this.busy) return;
    const input = (event.target as HTMLFormElement).querySelector('input')!;
    const name = input.value.trim();
    if (!name) {
      this.saveError = msg('Give the view a name.');
      this.host.requestUpdate();
      input.focus();
      return;
    }
    this.busy = true;
    const error = await this.options.save(name);
    this.busy = false;
    this.saveError = error ?? '';
    this.host.requestUpdate();
    if (error === null) this.closeDialog();
  };

  render(): TemplateResult {
    const current = this.options.currentViewId();
    const views = this.options.views();
    const currentView = views.find((v) => v.id === current);
    const item = (id: string | null, label: string) =>
      html`<button
        type="button"
        role="menuitemradio"
        tabindex="-1"
        aria-checked=${current === id ? 'true' : 'false'}
        @click=${() => this.choose(id)}
      >
        ${label}
      </button>`;
    return html`<div class="views" @focusout=${this.handleFocusOut}>
        <button
          type="button"
          part="views-button"
          aria-haspopup="menu"
          aria-expanded=${this.open ? 'true' : 'false'}
          aria-controls="views-menu"
          @click=${() => (this.open ? this.close(true) : void this.show('checked'))}
          @keydown=${this.handleButtonKeydown}
        >
          ${msg('Views')}
        </button>
        ${
          currentView
            ? html`<span class="current-view" dir="auto">${clip(currentView.name, 60)}</span>`
            : nothing
        }
        <div
          id="views-menu"
          part="views-menu"
          role="menu"
          aria-label=${msg('Views')}
          ?hidden=${!this.open}
          @keydown=${this.handleMenuKeydown}
        >
          ${item(null, msg('All conversations'))} ${views.map((view) => item(view.id, clip(view.name, 80)))}
          <div role="separator"></div>
          <button type="button" role="menuitem" tabindex="-1" @click=${() => this.askName()}>
            ${msg('Save view')}
          </button>
        </div>
      </div>
      <dialog part="save-dialog" aria-labelledby="save-view-title" @close=${() => this.button()?.focus()}>
        <form @submit=${this.handleSubmit} novalidate>
          <h2 id="save-view-title">${msg('Save view')}</h2>
          <p>${msg('Saves the current search and filters as a view.')}</p>
          <label class="field">
            <span>${msg('View name')}</span>
            <input
              name="name"
              autocomplete="off"
              maxlength="200"
              aria-invalid=${this.saveError ? 'true' : 'false'}
              aria-describedby="save-view-error"
            />
          </label>
          <p id="save-view-error" class="error" role="alert">${this.saveError}</p>
          <div class="actions">
            <button type="button" @click=${() => this.closeDialog()}>${msg('Cancel')}</button>
            <button type="submit" class="primary">${msg('Save')}</button>
          </div>
        </form>
      </dialog>`;
  }
}
