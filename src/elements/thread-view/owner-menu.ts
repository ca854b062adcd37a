import { msg, str } from '@lit/localize';
import {
  html,
  nothing,
  type ReactiveController,
  type ReactiveControllerHost,
  type TemplateResult,
} from 'lit';

import type { Agent, Availability, Team } from '../../model/index.js';

export interface OwnerMenuData {
  ownerId: string | null;
  agents: readonly Agent[];
  teams: readonly Team[];
  saving: boolean;
  error: string | null;
  disabled: boolean;
}

/**
 * The "Ticket owner" menu button: a button that opens a `menu` of "Unassigned", the agents (with
 * availability and teams) and the teams. Arrow keys, Home and End move; Enter or Space chooses;
 * Escape closes and returns focus to the button; a click outside or Tab closes.
 */
export class OwnerMenu implements ReactiveController {
  open = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly onChoose: (ownerId: string | null) => void,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    document.removeEventListener('pointerdown', this.handleOutside, true);
  }

  private get root(): ShadowRoot | HTMLElement {
    return this.host.shadowRoot ?? this.host;
  }

  private items(): HTMLElement[] {
    return [...this.root.querySelectorAll<HTMLElement>('.owner-menu [role^="menuitem"]')];
  }

  private async show(focus: 'checked' | 'first' | 'last'): Promise<void> {
    this.open = true;
    this.host.requestUpdate();
    await (this.host as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    const items = this.items();
    const checked = items.find((item) => item.getAttribute('aria-checked') === 'true');
    const target = focus === 'last' ? items.at(-1) : focus === 'checked' ? (checked ?? items[0]) : items[0];
    target?.focus();
    document.addEventListener('pointerdown', this.handleOutside, true);
  }

  close(restoreFocus: boolean): void {
    if (!this.open) return;
    this.open = false;
    document.removeEventListener('pointerdown', this.handleOutside, true);
    this.host.requestUpdate();
    if (restoreFocus) this.root.querySelector<HTMLElement>('.owner-button')?.focus();
  }

  private readonly handleOutside = (event: Event): void => {
    const menu = this.root.querySelector('.owner');
    if (menu && !event.composedPath().includes(menu)) this.close(false);
  };

  private readonly handleButtonClick = (): void => {
    if (this.open) this.close(true);
    else void this.show('checked');
  };

  private readonly handleButtonKey = (event: KeyboardEvent): void => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      void this.show(event.key === 'ArrowDown' ? 'checked' : 'last');
    }
  };

  private readonly handleMenuKey = (event: KeyboardEvent): void => {
    const items = this.items();
    const active = this.host.shadowRoot?.activeElement ?? document.activeElement;
    const current = items.indexOf(active as HTMLElement);
    let next: number | undefined;
    switch (event.key) {
      case 'ArrowDown':
        next = (current + 1) % items.length;
        break;
      case 'ArrowUp':
        next = (current - 1 + items.length) % items.length;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = items.length - 1;
        break;
      case 'Escape':
        event.preventDefault();
        event.stopPropagation();
        this.close(true);
        return;
      case 'Tab':
        this.close(false);
        return;
      default:
        return;
    }
    event.preventDefault();
    items[next]?.focus();
  };

  private choose(ownerId: string | null): void {
    this.close(true);
    this.onChoose(ownerId);
  }

  private availability(value: Availability): string {
    return value === 'online' ? msg('Online') : value === 'away' ? msg('Away') : msg('Offline');
  }

  private item(id: string | null, checked: boolean, content: TemplateResult): TemplateResult {
    return html`<button
      type="button"
      role="menuitemradio"
      class="owner-item"
      tabindex="-1"
      aria-checked=${checked ? 'true' : 'false'}
      @click=${() => this.choose(id)}
    >
      ${content}
    </button>`;
  }

  render(data: OwnerMenuData): TemplateResult {
    const { ownerId, agents, teams } = data;
    const teamNames = new Map(teams.map((t) => [t.id, t.name]));
    const owner = agents.find((a) => a.id === ownerId)?.name ?? teams.find((t) => t.id === ownerId)?.name;
    const ownerText = ownerId === null ? msg('Unassigned') : (owner ?? msg('Unknown owner'));
    // The button is named "Ticket owner" by its visible text; the current owner is its description.
    return html`<div class="owner">
      <button
        type="button"
        class="owner-button"
        aria-haspopup="menu"
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-describedby="owner-value"
        ?disabled=${data.disabled}
        @click=${this.handleButtonClick}
        @keydown=${this.handleButtonKey}
      >
        ${msg('Ticket owner')} <span aria-hidden="true">▾</span>
      </button>
      <bdi class="owner-value" id="owner-value">${ownerText}${data.saving ? '…' : ''}</bdi>
      ${data.error ? html`<span class="owner-error">${data.error}</span>` : nothing}
      <div
        class="owner-menu"
        role="menu"
        aria-label=${msg('Ticket owner')}
        ?hidden=${!this.open}
        @keydown=${this.handleMenuKey}
      >
        ${this.item(null, ownerId === null, html`<span class="owner-name">${msg('Unassigned')}</span>`)}
        <div role="group" aria-label=${msg('Agents')}>
          ${agents.map((agent) =>
            this.item(
              agent.id,
              agent.id === ownerId,
              html`<span class="dot ${agent.availability}" aria-hidden="true"></span>
                <bdi class="owner-name">${agent.name}</bdi>
                <span class="owner-detail"
                  >${this.availability(agent.availability)}${
                    agent.teamIds.length
                      ? html` · ${agent.teamIds.map((id) => teamNames.get(id) ?? id).join(', ')}`
                      : nothing
                  }</span
                >`,
            ),
          )}
        </div>
        ${
          teams.length
            ? html`<div role="group" aria-label=${msg('Teams')}>
                ${teams.map((team) =>
                  this.item(
                    team.id,
                    team.id === ownerId,
                    html`<bdi class="owner-name">${team.name}</bdi>
                      <span class="owner-detail">${msg(str`Team · ${team.memberIds.length} members`)}</span>`,
                  ),
                )}
              </div>`
            : nothing
        }
      </div>
    </div>`;
  }
}
