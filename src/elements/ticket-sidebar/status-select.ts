import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';

import type { HelpDeskError } from '../../adapters/errors.js';
import type { Pipeline, PipelineStage, PropertyValue, Ticket } from '../../model/index.js';
import {
  fieldId,
  fromInputValue,
  type InputValue,
  isMissing,
  renderFieldError,
  renderPropertyInput,
  toInputValue,
} from './property-input.js';
import { focusAfterRender, type SidebarHost } from './sidebar-host.js';

/**
 * The "Status" select of the pipeline's stages. A stage that requires properties (a conditional
 * status) asks for them in place, in a small form, and the ticket does not move until they are
 * given; the adapter's field errors land next to the fields they name.
 */
export class StatusSelect {
  /** The stage the rep chose and the form is collecting properties for. */
  private pending: PipelineStage | null = null;
  private fields: string[] = [];
  private readonly values = new Map<string, InputValue>();
  private readonly errors = new Map<string, string>();
  private message: string | null = null;
  private saving = false;

  constructor(private readonly host: SidebarHost) {}

  /** The properties the open form asks for; the properties list leaves them to it meanwhile. */
  get formOpen(): boolean {
    return this.pending !== null;
  }

  get formFields(): ReadonlySet<string> {
    return new Set(this.pending ? this.fields : []);
  }

  /** Forgets a half-filled form when the sidebar turns to another ticket. */
  reset(): void {
    this.pending = null;
    this.fields = [];
    this.values.clear();
    this.errors.clear();
    this.message = null;
  }

  private update(): void {
    this.host.element.requestUpdate();
  }

  private async choose(ticket: Ticket, pipeline: Pipeline, stageId: string): Promise<void> {
    this.message = null;
    this.errors.clear();
    const stage = pipeline.stages.find((s) => s.id === stageId);
    if (!stage || stageId === ticket.stageId) {
      this.reset();
      this.update();
      return;
    }
    const missing = stage.requiredProperties.filter((name) => isMissing(ticket.properties[name]));
    if (missing.length > 0) {
      this.open(ticket, pipeline, stage, stage.requiredProperties);
      return;
    }
    this.pending = null;
    await this.save(ticket, pipeline, stage, {});
  }

  private open(ticket: Ticket, pipeline: Pipeline, stage: PipelineStage, names: readonly string[]): void {
    const fresh = this.pending?.id !== stage.id;
    this.pending = stage;
    this.fields = [...new Set(names)];
    if (fresh) this.values.clear();
    for (const name of this.fields) {
      const def = pipeline.properties.find((p) => p.name === name);
      if (def && !this.values.has(name)) this.values.set(name, toInputValue(def, ticket.properties[name]));
    }
    this.update();
    const first = this.fields.find((n) => this.errors.has(n)) ?? this.fields[0];
    if (first) void focusAfterRender(this.host, `#${fieldId('required', first)}`);
  }

  private cancel(): void {
    this.reset();
    this.update();
    void focusAfterRender(this.host, '#status');
  }

  private async submit(event: Event, ticket: Ticket, pipeline: Pipeline): Promise<void> {
    event.preventDefault();
    const stage = this.pending;
    if (!stage || this.saving) return;
    this.errors.clear();
    this.message = null;
    const properties: Record<string, PropertyValue> = {};
    for (const name of this.fields) {
      const def = pipeline.properties.find((p) => p.name === name);
      if (!def) continue;
      const value = fromInputValue(def, this.values.get(name) ?? '');
      properties[name] = value;
      if (stage.requiredProperties.includes(name) && isMissing(value)) {
        this.errors.set(name, msg(str`Fill this in to move the ticket to ${stage.label}.`));
      }
    }
    if (this.errors.size > 0) {
      this.update();
      const first = this.fields.find((n) => this.errors.has(n))!;
      void focusAfterRender(this.host, `#${fieldId('required', first)}`);
      return;
    }
    await this.save(ticket, pipeline, stage, properties);
  }

  private async save(
    ticket: Ticket,
    pipeline: Pipeline,
    stage: PipelineStage,
    properties: Record<string, PropertyValue>,
  ): Promise<void> {
    const store = this.host.store();
    if (!store) return;
    this.saving = true;
    this.update();
    const patch =
      Object.keys(properties).length > 0 ? { stageId: stage.id, properties } : { stageId: stage.id };
    const result = await store.updateTicket(ticket.id, patch);
    this.saving = false;
    if (result.ok) {
      const hadForm = this.pending !== null;
      this.reset();
      this.update();
      if (hadForm) void focusAfterRender(this.host, '#status');
      return;
    }
    this.refused(ticket, pipeline, stage, result.error);
  }

  /** The adapter said no: field errors reopen the form on the fields they name; others become a message. */
  private refused(ticket: Ticket, pipeline: Pipeline, stage: PipelineStage, error: HelpDeskError): void {
    const named = Object.keys(error.fieldErrors).filter((n) => pipeline.properties.some((p) => p.name === n));
    this.errors.clear();
    for (const name of named) this.errors.set(name, error.fieldErrors[name]!);
    this.message = msg(str`The status was not changed: ${error.message}`);
    if (named.length > 0) this.open(ticket, pipeline, stage, [...stage.requiredProperties, ...named]);
    else {
      this.pending = null;
      this.update();
    }
  }

  render(ticket: Ticket, pipeline: Pipeline | undefined): TemplateResult {
    const stages = pipeline?.stages ?? [];
    const value = this.pending?.id ?? ticket.stageId;
    const known = stages.some((s) => s.id === value);
    return html`<select
        id="status"
        part="status"
        .value=${live(value)}
        ?disabled=${!pipeline}
        @change=${(e: Event) => pipeline && this.choose(ticket, pipeline, (e.target as HTMLSelectElement).value)}
      >
        ${known ? nothing : html`<option .value=${value} selected>${value}</option>`}
        ${stages.map((s) => html`<option .value=${s.id} ?selected=${s.id === value}>${s.label}</option>`)}
      </select>
      ${this.message ? html`<p class="message" role="alert" part="message">${this.message}</p>` : nothing}`;
  }

  /** The form a conditional status asks for, or nothing while no such status is being chosen. */
  renderForm(ticket: Ticket, pipeline: Pipeline | undefined): TemplateResult | typeof nothing {
    const stage = this.pending;
    if (!stage || !pipeline) return nothing;
    return html`<form
      class="required-form"
      part="required-form"
      aria-labelledby="required-legend"
      novalidate
      @submit=${(e: Event) => this.submit(e, ticket, pipeline)}
      @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && this.cancel()}
    >
      <fieldset>
        <legend id="required-legend">${msg(str`Required to move to ${stage.label}`)}</legend>
        ${this.fields.map((name) => {
          const def = pipeline.properties.find((p) => p.name === name);
          if (!def) return nothing;
          const id = fieldId('required', name);
          const error = this.errors.get(name);
          const errorId = error ? `${id}-error` : undefined;
          return html`<div class="field">
            <label for=${id}>${def.label}</label>
            ${renderPropertyInput({
              def,
              id,
              value: this.values.get(name) ?? toInputValue(def, undefined),
              errorId,
              required: stage.requiredProperties.includes(name),
              disabled: this.saving,
              onInput: (v) => this.values.set(name, v),
              onChange: (v) => this.values.set(name, v),
            })}
            ${renderFieldError(`${id}-error`, error)}
          </div>`;
        })}
      </fieldset>
      <div class="actions">
        <button type="submit" class="primary" ?disabled=${this.saving}>
          ${msg(str`Move to ${stage.label}`)}
        </button>
        <button type="button" @click=${() => this.cancel()}>${msg('Cancel')}</button>
      </div>
    </form>`;
  }
}
