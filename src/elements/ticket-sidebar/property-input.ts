import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';

import type { PropertyDefinition, PropertyValue } from '../../model/index.js';

/** What an input shows: text for every type but checkboxes. */
export type InputValue = string | boolean;

/** A property's stored value as its input shows it. */
export function toInputValue(def: PropertyDefinition, value: PropertyValue | undefined): InputValue {
  if (def.type === 'checkbox') return value === true;
  return value === null || value === undefined ? '' : String(value);
}

/** An input's value as stored: empty text clears the property; numbers are numbers. */
export function fromInputValue(def: PropertyDefinition, value: InputValue): PropertyValue {
  if (def.type === 'checkbox') return value === true;
  const text = String(value);
  if (text.trim() === '') return null;
  if (def.type === 'number') {
    const n = Number(text);
    return Number.isFinite(n) ? n : text;
  }
  return text;
}

/** Whether a required property counts as missing (the adapter's rule: absent, null or empty). */
export function isMissing(value: PropertyValue | undefined): boolean {
  return value === undefined || value === null || value === '';
}

/** An id safe for the shadow root from a property name (names come from the pipeline's configuration). */
export function fieldId(prefix: string, name: string): string {
  return `${prefix}-${name.replace(/[^a-zA-Z0-9_-]/g, '_')}`;
}

export interface PropertyInputOptions {
  def: PropertyDefinition;
  id: string;
  value: InputValue;
  /** Id of the message that explains the field's error, in the same shadow root. */
  errorId?: string;
  required?: boolean;
  disabled?: boolean;
  onInput?: (value: InputValue) => void;
  onChange?: (value: InputValue) => void;
  onBlur?: () => void;
  onEscape?: () => void;
}

function read(event: Event, def: PropertyDefinition): InputValue {
  const target = event.target as HTMLInputElement;
  return def.type === 'checkbox' ? target.checked : target.value;
}

/**
 * The input of one ticket property, by its type. `live()` compares with what the input holds now, so
 * a value from the store lands even when the rep had typed something else and then let it go.
 */
export function renderPropertyInput(o: PropertyInputOptions): TemplateResult {
  const { def } = o;
  const invalid = o.errorId ? 'true' : 'false';
  const input = (e: Event) => o.onInput?.(read(e, def));
  const change = (e: Event) => o.onChange?.(read(e, def));
  const blur = () => o.onBlur?.();
  const keydown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && o.onEscape) {
      e.stopPropagation();
      o.onEscape();
    }
  };
  switch (def.type) {
    case 'checkbox':
      return html`<input
        id=${o.id}
        type="checkbox"
        .checked=${live(o.value === true)}
        aria-invalid=${invalid}
        aria-describedby=${ifDefined(o.errorId)}
        ?disabled=${o.disabled}
        @change=${change}
      />`;
    case 'select': {
      const value = String(o.value);
      const known = def.options?.some((option) => option.value === value) ?? false;
      return html`<select
        id=${o.id}
        .value=${live(value)}
        aria-invalid=${invalid}
        aria-describedby=${ifDefined(o.errorId)}
        ?required=${o.required}
        ?disabled=${o.disabled}
        @change=${change}
        @blur=${blur}
        @keydown=${keydown}
      >
        <option value="" ?selected=${value === ''}>${msg('None')}</option>
        ${!known && value !== '' ? html`<option .value=${value} selected>${value}</option>` : nothing}
        ${(def.options ?? []).map(
          (option) =>
            html`<option .value=${option.value} ?selected=${option.value === value}>${option.label}</option>`,
        )}
      </select>`;
    }
    case 'textarea':
      return html`<textarea
        id=${o.id}
        rows="3"
        .value=${live(String(o.value))}
        aria-invalid=${invalid}
        aria-describedby=${ifDefined(o.errorId)}
        ?required=${o.required}
        ?disabled=${o.disabled}
        @input=${input}
        @change=${change}
        @blur=${blur}
        @keydown=${keydown}
      ></textarea>`;
    default:
      return html`<input
        id=${o.id}
        type=${def.type === 'number' ? 'number' : def.type === 'date' ? 'date' : 'text'}
        .value=${live(String(o.value))}
        aria-invalid=${invalid}
        aria-describedby=${ifDefined(o.errorId)}
        ?required=${o.required}
        ?disabled=${o.disabled}
        @input=${input}
        @change=${change}
        @blur=${blur}
        @keydown=${keydown}
      />`;
  }
}

/** The message under a field, which the field names with `aria-describedby`. */
export function renderFieldError(id: string, text: string | undefined): TemplateResult | typeof nothing {
  return text ? html`<p class="field-error" id=${id} part="field-error">${text}</p>` : nothing;
}
