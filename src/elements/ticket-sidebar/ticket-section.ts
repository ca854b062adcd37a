import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';

import { formatDateTime, formatRelativeTime } from '../../internal/format.js';
import type { Agent, Conversation, Pipeline, Team, Ticket, TicketPriority } from '../../model/index.js';
import type { TicketView } from '../../state/selectors.js';
import { OwnerMenu } from './owner-menu.js';
import type { SidebarHost } from './sidebar-host.js';
import { renderEmpty, renderFailure, renderLoading } from './states.js';
import { StatusSelect } from './status-select.js';
import { TicketProperties } from './ticket-properties.js';

export interface TicketSectionData {
  ticketId: string | null;
  view: TicketView;
  pipelines: readonly Pipeline[];
  agents: readonly Agent[];
  teams: readonly Team[];
  conversation: Conversation | null;
  onOpen: (ticket: Ticket) => void;
  onRetry: () => void;
  /** Heading level of the sub-headings inside the section. */
  level: number;
}

const PRIORITIES: readonly TicketPriority[] = ['low', 'medium', 'high', 'urgent'];

function priorityLabel(priority: TicketPriority): string {
  switch (priority) {
    case 'low':
      return msg('Low');
    case 'medium':
      return msg('Medium');
    case 'high':
      return msg('High');
    case 'urgent':
      return msg('Urgent');
  }
}

/** A time as the rep reads it (relative), with the full date and time for hover and machines. */
export function renderTime(iso: string | undefined): TemplateResult | string {
  const time = iso ? Date.parse(iso) : NaN;
  if (!Number.isFinite(time)) return '—';
  return html`<time datetime=${iso!} title=${formatDateTime(time)}>${formatRelativeTime(time)}</time>`;
}

/** The "Ticket" section: name, pipeline, status, owner, priority, times and properties. */
export class TicketSection {
  readonly status: StatusSelect;
  readonly owner: OwnerMenu;
  readonly properties: TicketProperties;
  private priorityMessage: string | null = null;
  private ticketId: string | null = null;

  constructor(private readonly host: SidebarHost) {
    this.status = new StatusSelect(host);
    this.owner = new OwnerMenu(host);
    this.properties = new TicketProperties(host);
  }

  /** Local edit state belongs to one ticket: turning to another drops it. */
  follow(ticketId: string | null): void {
    if (ticketId === this.ticketId) return;
    this.ticketId = ticketId;
    this.status.reset();
    this.owner.reset();
    this.properties.reset();
    this.priorityMessage = null;
  }

  private async setPriority(ticket: Ticket, priority: TicketPriority): Promise<void> {
    if (priority === ticket.priority) return;
    this.priorityMessage = null;
    const result = await this.host.store()?.updateTicket(ticket.id, { priority });
    if (result && !result.ok) {
      this.priorityMessage = msg(str`The priority was not changed: ${result.error.message}`);
    }
    this.host.element.requestUpdate();
  }

  render(data: TicketSectionData): TemplateResult {
    const { view } = data;
    if (!data.ticketId) {
      return renderEmpty(
        msg('No ticket for this conversation'),
        msg('When the conversation is routed to a ticket, its owner, status and properties show here.'),
        'no-ticket',
      );
    }
    if (!view.ticket) {
      if (view.error) {
        return renderFailure(msg('The ticket could not be loaded.'), view.error.message, data.onRetry);
      }
      return renderLoading(msg('Loading ticket…'));
    }
    return this.renderTicket(view.ticket, data);
  }

  private renderTicket(ticket: Ticket, data: TicketSectionData): TemplateResult {
    const pipeline = data.pipelines.find((p) => p.id === ticket.pipelineId);
    const lastAt = [ticket.updatedAt, data.conversation?.lastMessage?.at]
      .filter((t): t is string => typeof t === 'string')
      .sort()
      .pop();
    return html`<button
        type="button"
        class="ticket-name link"
        part="ticket-name"
        @click=${() => data.onOpen(ticket)}
      >
        ${ticket.name || msg('Untitled ticket')}
      </button>
      <dl class="facts">
        <div class="row">
          <dt>${msg('Pipeline')}</dt>
          <dd>${pipeline?.label ?? ticket.pipelineId}</dd>
        </div>
        <div class="row">
          <dt><label for="status">${msg('Status')}</label></dt>
          <dd>${this.status.render(ticket, pipeline)}</dd>
          ${
            this.status.formOpen
              ? html`<dd class="full">${this.status.renderForm(ticket, pipeline)}</dd>`
              : nothing
          }
        </div>
        <div class="row">
          <dt><span id="owner-label">${msg('Ticket owner')}</span></dt>
          <dd>${this.owner.render(ticket, data.agents, data.teams)}</dd>
        </div>
        <div class="row">
          <dt><label for="priority">${msg('Priority')}</label></dt>
          <dd>
            <select
              id="priority"
              part="priority"
              .value=${live(ticket.priority)}
              @change=${(e: Event) =>
                this.setPriority(ticket, (e.target as HTMLSelectElement).value as TicketPriority)}
            >
              ${PRIORITIES.map(
                (p) =>
                  html`<option value=${p} ?selected=${p === ticket.priority}>${priorityLabel(p)}</option>`,
              )}
            </select>
            ${
              this.priorityMessage
                ? html`<p class="message" role="alert" part="message">${this.priorityMessage}</p>`
                : nothing
            }
          </dd>
        </div>
        <div class="row">
          <dt>${msg('Created')}</dt>
          <dd>${renderTime(ticket.createdAt)}</dd>
        </div>
        <div class="row">
          <dt>${msg('Last activity')}</dt>
          <dd>${renderTime(lastAt)}</dd>
        </div>
      </dl>
      <div class="subheading" role="heading" aria-level=${data.level}>${msg('Properties')}</div>
      ${this.properties.render(ticket, pipeline, this.status.formFields)}`;
  }
}
