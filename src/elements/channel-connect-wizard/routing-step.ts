// The routing step's form: ticket properties set on every new ticket, and who tickets go to.
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';

import type { Agent, PropertyDefinition, Team } from '../../model/index.js';
import { renderPeoplePicker } from './people-picker.js';
import type { AssignMode, PropertyRow, RoutingDraft } from './routing-model.js';

export interface RoutingView {
  draft: RoutingDraft;
  properties: readonly PropertyDefinition[];
  agents: readonly Agent[];
  teams: readonly Team[];
  errors: Readonly<Record<string, string>>;
  onChange(patch: Partial<RoutingDraft>): void;
  onRowChange(key: number, patch: Partial<PropertyRow>): void;
  onAddRow(): void;
  onRemoveRow(key: number): void;
}

function errorFor(view: RoutingView, key: string, id: string) {
  const error = view.errors[key];
  return error ? html`<p class="error" id=${id}>${error}</p>` : nothing;
}

function valueControl(view: RoutingView, row: PropertyRow, id: string, described?: string) {
  const definition = view.properties.find((p) => p.name === row.name);
  const onInput = (e: Event) => view.onRowChange(row.key, { value: (e.target as HTMLInputElement).value });
  const invalid = described ? 'true' : 'false';
  const options =
    definition?.type === 'select'
      ? (definition.options ?? [])
      : definition?.type === 'checkbox'
        ? [
            { value: 'true', label: msg('Yes') },
            { value: 'false', label: msg('No') },
          ]
        : undefined;
  if (options) {
    return html`<select
      id=${id}
      .value=${live(row.value)}
      aria-invalid=${invalid}
      aria-describedby=${ifDefined(described)}
      @change=${onInput}
    >
      <option value="" ?selected=${row.value === ''}>${msg('Choose…')}</option>
      ${options.map((o) => html`<option value=${o.value} ?selected=${o.value === row.value}>${o.label}</option>`)}
    </select>`;
  }
  const type = definition?.type === 'number' ? 'number' : definition?.type === 'date' ? 'date' : 'text';
  return html`<input
    id=${id}
    type=${type}
    .value=${live(row.value)}
    aria-invalid=${invalid}
    aria-describedby=${ifDefined(described)}
    @input=${onInput}
  />`;
}

function propertyRow(view: RoutingView, row: PropertyRow, index: number): TemplateResult {
  const base = `property-${row.key}`;
  const nameError = view.errors[`${base}-name`];
  const valueError = view.errors[`${base}-value`];
  const label = view.properties.find((p) => p.name === row.name)?.label ?? String(index + 1);
  return html`<li class="property-row">
    <span class="field">
      <label for="${base}-name">${msg('Property')}</label>
      <select
        id="${base}-name"
        .value=${live(row.name)}
        aria-invalid=${nameError ? 'true' : 'false'}
        aria-describedby=${ifDefined(nameError ? `${base}-name-error` : undefined)}
        @change=${(e: Event) => view.onRowChange(row.key, { name: (e.target as HTMLSelectElement).value, value: '' })}
      >
        <option value="" ?selected=${row.name === ''}>${msg('Choose…')}</option>
        ${view.properties.map((p) => html`<option value=${p.name} ?selected=${p.name === row.name}>${p.label}</option>`)}
      </select>
      ${errorFor(view, `${base}-name`, `${base}-name-error`)}
    </span>
    <span class="field">
      <label for="${base}-value">${msg('Value')}</label>
      ${valueControl(view, row, `${base}-value`, valueError ? `${base}-value-error` : undefined)}
      ${errorFor(view, `${base}-value`, `${base}-value-error`)}
    </span>
    <button
      type="button"
      class="secondary"
      aria-label=${msg(str`Remove property ${label}`)}
      @click=${() => view.onRemoveRow(row.key)}
    >
      ${msg('Remove')}
    </button>
  </li>`;
}

function assignChoice(view: RoutingView, mode: AssignMode, label: string): TemplateResult {
  return html`<label class="check"
    ><input
      type="radio"
      name="assign-mode"
      value=${mode}
      .checked=${live(view.draft.mode === mode)}
      @change=${() => view.onChange({ mode })}
    />
    ${label}</label
  >`;
}

export function renderRoutingForm(view: RoutingView): TemplateResult {
  const { draft } = view;
  return html`<div class="routing" part="routing">
    <div class="field">
      <label class="check"
        ><input
          type="checkbox"
          .checked=${live(draft.setProperties)}
          aria-describedby="properties-help"
          @change=${(e: Event) => view.onChange({ setProperties: (e.target as HTMLInputElement).checked })}
        />
        ${msg('Set ticket properties for this channel')}</label
      >
      <p class="help" id="properties-help">
        ${msg('These properties are set on every new ticket created from this channel.')}
      </p>
    </div>
    ${
      draft.setProperties
        ? html`<ul class="property-rows" aria-label=${msg('Ticket properties')}>
              ${repeat(
                draft.properties,
                (r) => r.key,
                (r, i) => propertyRow(view, r, i),
              )}
            </ul>
            ${errorFor(view, 'properties', 'properties-error')}
            <button type="button" class="secondary" @click=${view.onAddRow}>${msg('Add property')}</button>`
        : nothing
    }
    <div class="field switch-field">
      <label class="check switch"
        ><input
          type="checkbox"
          role="switch"
          aria-checked=${draft.autoAssign ? 'true' : 'false'}
          .checked=${live(draft.autoAssign)}
          @change=${(e: Event) => view.onChange({ autoAssign: (e.target as HTMLInputElement).checked })}
        />
        ${msg('Automatically assign tickets')}</label
      >
    </div>
    ${
      draft.autoAssign
        ? html`<fieldset class="assign">
            <legend>${msg('Assign incoming tickets to')}</legend>
            ${assignChoice(view, 'none', msg('No one'))}
            ${assignChoice(view, 'users-teams', msg('Specific users and teams'))}
            ${assignChoice(view, 'contact-owner', msg('Contact owner'))}
          </fieldset>`
        : nothing
    }
    ${
      draft.autoAssign && draft.mode === 'users-teams'
        ? renderPeoplePicker({
            agents: view.agents,
            teams: view.teams,
            userIds: draft.userIds,
            teamIds: draft.teamIds,
            search: draft.search,
            error: view.errors['people'] ?? '',
            onSearch: (search) => view.onChange({ search }),
            onToggle: (kind, id, on) => {
              const key = kind === 'user' ? 'userIds' : 'teamIds';
              const list = draft[key].filter((x) => x !== id);
              view.onChange({ [key]: on ? [...list, id] : list });
            },
          })
        : nothing
    }
    ${
      draft.autoAssign && draft.mode === 'contact-owner'
        ? html`<p class="note" part="contact-owner-note">
            ${msg(
              'Tickets go to the owner of the contact who wrote in. The contact must have an owner and be tracked; when the owner is offline, the message goes to the owner by e-mail.',
            )}
          </p>`
        : nothing
    }
  </div>`;
}
