import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';

import { initials } from '../../internal/format.js';
import type { Agent, Availability, Team, Ticket } from '../../model/index.js';
import { focusAfterRender, type SidebarHost } from './sidebar-host.js';

interface OwnerItem {
  /** Agent id, team id, or '' for no owner. */
  id: string;
  name: string;
  availability?: Availability;
}

export function availabilityLabel(availability: Availability): string {
  return availability === 'online' ? msg('Online') : availability === 'away' ? msg('Away') : msg('Offline');
}

/** The owner's display name: an agent's or a team's, or "Unassigned". */
export function ownerName(ownerId: string | null, agents: readonly Agent[], teams: readonly Team[]): string {
  if (!ownerId) return msg('Unassigned');
  return (
    agents.find((a) => a.id === ownerId)?.name ??
    teams.find((t) => t.id === ownerId)?.name ??
    msg('Unknown owner')
  );
}

/**
 * The "Ticket owner" menu button: users with their availability, then teams, then no one. A choice
 * goes to `store.updateTicket`, the same entity the thread header's owner menu changes, so the two
 * always agree on who owns the ticket. Keyboard as the ARIA menu button pattern: arrows, Home, End,
 * a letter to jump, Enter or Space to choose, Escape to close.
 */
export class OwnerMenu {
  private open = false;
  private message: string | null = null;
  private items: OwnerItem[] = [];

  constructor(private readonly host: SidebarHost) {}

  reset(): void {
    this.open = false;
    this.message = null;
  }

  private itemsFor(agents: readonly Agent[], teams: readonly Team[]): OwnerItem[] {
    return [
      ...agents.map((a) => ({ id: a.id, name: a.name, availability: a.availability })),
      ...teams.map((t) => ({ id: t.id, name: t.name })),
      { id: '', name: msg('Unassigned') },
    ];
  }

  private show(ticket: Ticket, focus: 'checked' | 'first' | 'last'): void {
    this.open = true;
    this.host.element.requestUpdate();
    const checked = this.items.findIndex((item) => item.id === (ticket.ownerId ?? ''));
    const index = focus === 'last' ? this.items.length - 1 : focus === 'first' || checked < 0 ? 0 : checked;
    void focusAfterRender(this.host, `[data-owner-index="${index}"]`);
  }

  private close(returnFocus: boolean): void {
    if (!this.open) return;
    this.open = false;
    this.host.element.requestUpdate();
    if (returnFocus) void focusAfterRender(this.host, '#owner-button');
  }

  private async choose(ticket: Ticket, item: OwnerItem): Promise<void> {
    this.close(true);
    const ownerId = item.id === '' ? null : item.id;
    if (ownerId === ticket.ownerId) return;
    this.message = null;
    const result = (await this.host.store()?.updateTicket(ticket.id, { ownerId })) ?? { ok: true };
    this.message = result.ok ? null : msg(str`The ticket owner was not changed: ${result.error.message}`);
    this.host.element.requestUpdate();
  }

  private buttonKeydown(event: KeyboardEvent, ticket: Ticket): void {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      this.show(ticket, event.key === 'ArrowUp' ? 'last' : 'checked');
    }
  }

  private menuKeydown(event: KeyboardEvent, ticket: Ticket): void {
    const items = [
      ...(event.currentTarget as HTMLElement).querySelectorAll<HTMLElement>('[data-owner-index]'),
    ];
    const current = items.indexOf(event.target as HTMLElement);
    const move = (index: number) => items[(index + items.length) % items.length]?.focus();
    const { key } = event;
    if (key === 'ArrowDown') move(current + 1);
    else if (key === 'ArrowUp') move(current - 1);
    else if (key === 'Home') move(0);
    else if (key === 'End') move(items.length - 1);
    else if (key === 'Escape') this.close(true);
    else if (key === 'Tab') return this.close(false);
    else if (key === 'Enter' || key === ' ') {
      const item = this.items[current];
      if (item) void this.choose(ticket, item);
    } else if (key.length === 1 && /\S/u.test(key)) {
      // Type-ahead: the next item after the current one whose name starts with the letter.
      const letter = key.toLocaleLowerCase();
      const order = [...this.items.keys()].map((i) => (current + 1 + i) % this.items.length);
      const next = order.find((i) => this.items[i]!.name.toLocaleLowerCase().startsWith(letter));
      if (next !== undefined) move(next);
    } else return;
    event.preventDefault();
  }

  private menuClick(event: Event, ticket: Ticket): void {
    const target = (event.target as Element).closest('[data-owner-index]');
    const item = target ? this.items[Number(target.getAttribute('data-owner-index'))] : undefined;
    if (item) void this.choose(ticket, item);
  }

  private focusOut(event: FocusEvent): void {
    const next = event.relatedTarget as Node | null;
    if (!next || !(event.currentTarget as HTMLElement).contains(next)) this.close(false);
  }

  render(ticket: Ticket, agents: readonly Agent[], teams: readonly Team[]): TemplateResult {
    this.items = this.itemsFor(agents, teams);
    const owner = ownerName(ticket.ownerId, agents, teams);
    const item = (entry: OwnerItem, index: number) =>
      html`<div
        role="menuitemradio"
        class="owner-item"
        tabindex="-1"
        data-owner-index=${index}
        aria-checked=${entry.id === (ticket.ownerId ?? '') ? 'true' : 'false'}
      >
        <span class="avatar small" aria-hidden="true">${entry.id ? initials(entry.name) : '–'}</span>
        <span class="owner-name">${entry.name}</span>${
          entry.availability
            ? html`<span class="visually-hidden">, </span
                ><span class="availability ${entry.availability}"
                  ><span class="dot" aria-hidden="true"></span>${availabilityLabel(entry.availability)}</span
                >`
            : nothing
        }
      </div>`;
    const agentItems = this.items.filter((i) => i.availability);
    const teamItems = this.items.filter((i) => !i.availability && i.id);
    return html`<div class="owner" @focusout=${(e: FocusEvent) => this.focusOut(e)}>
      <button
        id="owner-button"
        part="owner-button"
        type="button"
        aria-haspopup="menu"
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls="owner-menu"
        aria-labelledby="owner-label owner-value"
        @click=${() => (this.open ? this.close(true) : this.show(ticket, 'checked'))}
        @keydown=${(e: KeyboardEvent) => this.buttonKeydown(e, ticket)}
      >
        <span id="owner-value">${owner}</span><span class="caret" aria-hidden="true"></span>
      </button>
      <div
        id="owner-menu"
        part="owner-menu"
        role="menu"
        aria-labelledby="owner-label"
        ?hidden=${!this.open}
        @keydown=${(e: KeyboardEvent) => this.menuKeydown(e, ticket)}
        @click=${(e: Event) => this.menuClick(e, ticket)}
      >
        ${
          agentItems.length
            ? html`<div role="group" aria-label=${msg('Users')}>
                <div class="group-label" aria-hidden="true">${msg('Users')}</div>
                ${agentItems.map((entry) => item(entry, this.items.indexOf(entry)))}
              </div>`
            : nothing
        }
        ${
          teamItems.length
            ? html`<div role="group" aria-label=${msg('Teams')}>
                <div class="group-label" aria-hidden="true">${msg('Teams')}</div>
                ${teamItems.map((entry) => item(entry, this.items.indexOf(entry)))}
              </div>`
            : nothing
        }
        ${item(this.items[this.items.length - 1]!, this.items.length - 1)}
      </div>
      ${this.message ? html`<p class="message" role="alert" part="message">${this.message}</p>` : nothing}
    </div>`;
  }
}
