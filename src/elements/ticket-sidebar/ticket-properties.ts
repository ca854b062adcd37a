import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';

import type { Pipeline, PropertyDefinition, PropertyValue, Ticket } from '../../model/index.js';
import {
  fieldId,
  fromInputValue,
  type InputValue,
  renderFieldError,
  renderPropertyInput,
  toInputValue,
} from './property-input.js';
import type { SidebarHost } from './sidebar-host.js';

/**
 * The ticket's properties as a definition list. The pipeline's properties are editable and save on
 * `change` with the store's optimistic update; a refusal rolls the value back and says why, next to
 * the field. What the rep is typing is kept here (not in the store) until the field is committed or
 * left, so a `ticket.updated` event arriving meanwhile never overwrites it.
 */
export class TicketProperties {
  private readonly drafts = new Map<string, InputValue>();
  private readonly errors = new Map<string, string>();
  private message: string | null = null;

  constructor(private readonly host: SidebarHost) {}

  reset(): void {
    this.drafts.clear();
    this.errors.clear();
    this.message = null;
  }

  private update(): void {
    this.host.element.requestUpdate();
  }

  private async commit(ticket: Ticket, def: PropertyDefinition, raw: InputValue): Promise<void> {
    this.drafts.delete(def.name);
    const value = fromInputValue(def, raw);
    const saved = ticket.properties[def.name] ?? null;
    const store = this.host.store();
    if (Object.is(value, saved) || !store) return this.update();
    this.message = null;
    this.update();
    const result = await store.updateTicket(ticket.id, { properties: { [def.name]: value } });
    if (result.ok) this.errors.delete(def.name);
    else {
      const error = result.error;
      this.errors.set(def.name, error.fieldErrors[def.name] ?? error.message);
      this.message = msg(str`${def.label} was not saved and is back to its saved value. ${error.message}`);
    }
    this.update();
  }

  private input(def: PropertyDefinition, value: InputValue): void {
    this.drafts.set(def.name, value);
    this.update();
  }

  /** Leaving a field without committing it (no `change`) drops the draft: the store's value shows. */
  private leave(def: PropertyDefinition): void {
    if (this.drafts.delete(def.name)) this.update();
  }

  private revert(def: PropertyDefinition): void {
    this.drafts.delete(def.name);
    this.update();
  }

  /** `elsewhere`: properties another form is editing right now (the status form), left out here. */
  render(ticket: Ticket, pipeline: Pipeline | undefined, elsewhere: ReadonlySet<string>): TemplateResult {
    const all = pipeline?.properties ?? [];
    const defs = all.filter((d) => !elsewhere.has(d.name));
    const others = Object.entries(ticket.properties).filter(([name]) => !all.some((d) => d.name === name));
    return html`${
        this.message ? html`<p class="message" role="alert" part="message">${this.message}</p>` : nothing
      }
      <dl class="properties" part="properties">
        ${defs.map((def) => this.renderEditable(ticket, def))}
        ${others.map(
          ([name, value]) =>
            html`<div class="row">
              <dt>${name}</dt>
              <dd>${formatValue(value)}</dd>
            </div>`,
        )}
      </dl>`;
  }

  private renderEditable(ticket: Ticket, def: PropertyDefinition): TemplateResult {
    const id = fieldId('property', def.name);
    const error = this.errors.get(def.name);
    const errorId = error ? `${id}-error` : undefined;
    const value = this.drafts.get(def.name) ?? toInputValue(def, ticket.properties[def.name]);
    return html`<div class="row ${def.type === 'checkbox' ? 'checkbox-row' : ''}">
      <dt><label for=${id}>${def.label}</label></dt>
      <dd>
        ${renderPropertyInput({
          def,
          id,
          value,
          errorId,
          onInput: (v) => this.input(def, v),
          onChange: (v) => this.commit(ticket, def, v),
          onBlur: () => this.leave(def),
          onEscape: () => this.revert(def),
        })}
        ${renderFieldError(`${id}-error`, error)}
      </dd>
    </div>`;
  }
}

function formatValue(value: PropertyValue): string {
  if (value === true) return msg('Yes');
  if (value === false) return msg('No');
  return value === null ? '—' : String(value);
}
