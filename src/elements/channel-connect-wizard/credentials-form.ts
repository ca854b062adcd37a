// The credential form generated from a channel's `accountFields`. Labels, help texts and options
// come from the channel and are untrusted: they land in text positions only. Ids are built from
// the field's index, never its name, and all live in the wizard's one shadow root, so every
// `aria-describedby` resolves.
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';

import type { CredentialField, Credentials } from '../../model/index.js';

export interface CredentialsFormView {
  fields: readonly CredentialField[];
  values: Credentials;
  /** The message shown under each field (typed-in checks or the adapter's), by field name. */
  errors: Readonly<Record<string, string>>;
  /** Password fields shown as plain text. */
  revealed: ReadonlySet<string>;
  /** Edit mode: secrets are never shown back, only replaced. */
  editing: boolean;
  onInput(name: string, value: string | boolean): void;
  onBlur(name: string): void;
  onToggleReveal(name: string): void;
}

/** The id of a field's control, for focusing the first field with an error. */
export const fieldId = (index: number): string => `credential-${index}`;

function describedBy(index: number, help: boolean, error: boolean): string | undefined {
  const ids = [help ? `${fieldId(index)}-help` : '', error ? `${fieldId(index)}-error` : ''];
  return ids.filter(Boolean).join(' ') || undefined;
}

function helpText(field: CredentialField, editing: boolean): string {
  if (editing && field.secret) {
    return [field.helpText, msg('Leave empty to keep the current value.')].filter(Boolean).join(' ');
  }
  return field.helpText ?? '';
}

function label(field: CredentialField, index: number, editing: boolean): TemplateResult {
  const required = field.required && !(editing && field.secret);
  return html`<label for=${fieldId(index)}
    >${field.label}${required ? html` <span class="required">${msg('(required)')}</span>` : nothing}</label
  >`;
}

function control(view: CredentialsFormView, field: CredentialField, index: number): TemplateResult {
  const id = fieldId(index);
  const value = view.values[field.name];
  const text = typeof value === 'string' ? value : '';
  const error = view.errors[field.name] ?? '';
  const help = helpText(field, view.editing);
  const described = describedBy(index, Boolean(help), Boolean(error));
  const required = field.required && !(view.editing && field.secret);
  const onInput = (e: Event) => view.onInput(field.name, (e.target as HTMLInputElement).value);
  const onBlur = () => view.onBlur(field.name);
  switch (field.type) {
    case 'checkbox':
      return html`<input
        id=${id}
        type="checkbox"
        .checked=${live(value === true)}
        aria-required=${required ? 'true' : 'false'}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${ifDefined(described)}
        @change=${(e: Event) => view.onInput(field.name, (e.target as HTMLInputElement).checked)}
        @blur=${onBlur}
      />`;
    case 'select':
      return html`<select
        id=${id}
        aria-required=${required ? 'true' : 'false'}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${ifDefined(described)}
        .value=${live(text)}
        @change=${onInput}
        @blur=${onBlur}
      >
        <option value="" ?selected=${text === ''}>${msg('Choose…')}</option>
        ${(field.options ?? []).map(
          (o) => html`<option value=${o.value} ?selected=${o.value === text}>${o.label}</option>`,
        )}
      </select>`;
    default: {
      const shown = field.type === 'password' && view.revealed.has(field.name);
      const type =
        field.type === 'password' ? (shown ? 'text' : 'password') : field.type === 'url' ? 'url' : field.type;
      const input = html`<input
        id=${id}
        type=${type}
        .value=${live(text)}
        autocomplete=${field.type === 'password' ? 'new-password' : 'off'}
        spellcheck="false"
        placeholder=${ifDefined(view.editing && field.secret ? msg('Unchanged') : undefined)}
        aria-required=${required ? 'true' : 'false'}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${ifDefined(described)}
        @input=${onInput}
        @blur=${onBlur}
      />`;
      if (field.type !== 'password') return input;
      return html`<span class="password"
        >${input}<button
          type="button"
          class="reveal"
          aria-controls=${id}
          aria-label=${shown ? msg(str`Hide ${field.label}`) : msg(str`Show ${field.label}`)}
          @click=${() => view.onToggleReveal(field.name)}
        >
          ${shown ? msg('Hide') : msg('Show')}
        </button></span
      >`;
    }
  }
}

/** One field: label, control, help and error, in that order (a checkbox puts its box first). */
export function renderCredentialField(
  view: CredentialsFormView,
  field: CredentialField,
  index: number,
): TemplateResult {
  const error = view.errors[field.name] ?? '';
  const help = helpText(field, view.editing);
  const box = field.type === 'checkbox';
  return html`<div class="field ${box ? 'field-checkbox' : ''}" part="field">
    ${
      box
        ? html`<span class="checkbox-row"
            >${control(view, field, index)} ${label(field, index, view.editing)}</span
          >`
        : html`${label(field, index, view.editing)} ${control(view, field, index)}`
    }
    ${help ? html`<p class="help" id="${fieldId(index)}-help">${help}</p>` : nothing}
    ${error ? html`<p class="error" id="${fieldId(index)}-error">${error}</p>` : nothing}
  </div>`;
}
