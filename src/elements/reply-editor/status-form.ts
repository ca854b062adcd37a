import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';

import type { PipelineStage, PropertyDefinition, PropertyValue } from '../../model/index.js';

/** The properties a conditional status requires, being filled in before the send. */
export interface StatusFormState {
  stage: PipelineStage;
  fields: PropertyDefinition[];
  values: Record<string, PropertyValue>;
  errors: Record<string, string>;
}

export function startStatusForm(
  stage: PipelineStage,
  definitions: readonly PropertyDefinition[],
  current: Record<string, PropertyValue>,
): StatusFormState {
  const fields = stage.requiredProperties.map(
    (name) => definitions.find((d) => d.name === name) ?? { name, label: name, type: 'text' as const },
  );
  const values: Record<string, PropertyValue> = {};
  for (const f of fields) values[f.name] = current[f.name] ?? (f.type === 'checkbox' ? false : '');
  return { stage, fields, values, errors: {} };
}

/** Reads the form's values by field type; every required property must have a value. */
export function readStatusForm(state: StatusFormState, form: HTMLFormElement): StatusFormState {
  const values: Record<string, PropertyValue> = {};
  const errors: Record<string, string> = {};
  for (const f of state.fields) {
    const input = form.elements.namedItem(f.name) as HTMLInputElement | null;
    if (!input) continue;
    if (f.type === 'checkbox') {
      values[f.name] = input.checked;
      continue;
    }
    const raw = input.value.trim();
    if (raw === '') errors[f.name] = msg(str`${f.label} is required for this status.`);
    else if (f.type === 'number' && !Number.isFinite(Number(raw)))
      errors[f.name] = msg(str`${f.label} must be a number.`);
    values[f.name] = f.type === 'number' && raw !== '' ? Number(raw) : raw;
  }
  return { ...state, values, errors };
}

function control(f: PropertyDefinition, value: PropertyValue, error: string | undefined): TemplateResult {
  const id = `prop-${f.name}`;
  const invalid = error ? 'true' : 'false';
  const described = error ? `${id}-error` : nothing;
  const input =
    f.type === 'select'
      ? html`<select id=${id} name=${f.name} aria-invalid=${invalid} aria-describedby=${described} required>
          <option value="" ?selected=${!value}>${msg('Choose…')}</option>
          ${(f.options ?? []).map((o) => html`<option value=${o.value} ?selected=${o.value === value}>${o.label}</option>`)}
        </select>`
      : f.type === 'textarea'
        ? html`<textarea
            id=${id}
            name=${f.name}
            aria-invalid=${invalid}
            aria-describedby=${described}
            required
            .value=${String(value ?? '')}
          ></textarea>`
        : f.type === 'checkbox'
          ? html`<input id=${id} name=${f.name} type="checkbox" .checked=${value === true} />`
          : html`<input
              id=${id}
              name=${f.name}
              type=${f.type}
              aria-invalid=${invalid}
              aria-describedby=${described}
              required
              .value=${String(value ?? '')}
            />`;
  return html`<div class="field">
    <label for=${id}>${f.label}</label>
    ${input} ${error ? html`<span id="${id}-error" class="error">${error}</span>` : nothing}
  </div>`;
}

export function renderStatusForm(
  state: StatusFormState | null,
  submit: (form: HTMLFormElement) => void,
  cancel: () => void,
): TemplateResult | typeof nothing {
  if (!state) return nothing;
  const title = msg(str`Set status to ${state.stage.label}`);
  return html`<form
    class="status-form"
    part="status-form"
    aria-label=${title}
    novalidate
    @submit=${(e: SubmitEvent) => {
      e.preventDefault();
      submit(e.target as HTMLFormElement);
    }}
    @keydown=${(e: KeyboardEvent) => {
      if (e.key === 'Escape') cancel();
    }}
  >
    <h3>${title}</h3>
    <p class="hint">${msg('This status needs these properties before the ticket can move to it.')}</p>
    ${state.fields.map((f) => control(f, state.values[f.name] ?? null, state.errors[f.name]))}
    <div class="row">
      <button type="submit" class="send">${msg('Send and set status')}</button>
      <button type="button" @click=${cancel}>${msg('Cancel')}</button>
    </div>
  </form>`;
}
