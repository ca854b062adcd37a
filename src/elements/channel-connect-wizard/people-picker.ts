// "Specific users and teams": a search box over two groups of checkboxes, with the chosen ones
// listed above as removable chips. Names come from the backend and are rendered as text.
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';

import type { Agent, Team } from '../../model/index.js';

export interface PeoplePickerView {
  agents: readonly Agent[];
  teams: readonly Team[];
  userIds: readonly string[];
  teamIds: readonly string[];
  search: string;
  error: string;
  onSearch(text: string): void;
  onToggle(kind: 'user' | 'team', id: string, on: boolean): void;
}

const matches = (name: string, search: string) =>
  name.toLocaleLowerCase().includes(search.trim().toLocaleLowerCase());

function option(kind: 'user' | 'team', id: string, name: string, checked: boolean, view: PeoplePickerView) {
  return html`<li>
    <label class="check"
      ><input
        type="checkbox"
        .checked=${live(checked)}
        @change=${(e: Event) => view.onToggle(kind, id, (e.target as HTMLInputElement).checked)}
      />
      ${name}</label
    >
  </li>`;
}

export function renderPeoplePicker(view: PeoplePickerView): TemplateResult {
  const agents = view.agents.filter((a) => matches(a.name, view.search));
  const teams = view.teams.filter((t) => matches(t.name, view.search));
  const chosen = [
    ...view.userIds.map((id) => ({
      kind: 'user' as const,
      id,
      name: view.agents.find((a) => a.id === id)?.name ?? id,
    })),
    ...view.teamIds.map((id) => ({
      kind: 'team' as const,
      id,
      name: view.teams.find((t) => t.id === id)?.name ?? id,
    })),
  ];
  return html`<div class="people" part="people-picker">
    ${
      chosen.length
        ? html`<ul class="chips" aria-label=${msg('Chosen users and teams')}>
            ${chosen.map(
              (c) =>
                html`<li class="chip">
                  <span>${c.name}</span
                  ><button
                    type="button"
                    aria-label=${msg(str`Remove ${c.name}`)}
                    @click=${() => view.onToggle(c.kind, c.id, false)}
                  >
                    ×
                  </button>
                </li>`,
            )}
          </ul>`
        : nothing
    }
    <label for="people-search">${msg('Search users and teams')}</label>
    <input
      id="people-search"
      type="search"
      autocomplete="off"
      .value=${live(view.search)}
      aria-describedby=${ifDefined(view.error ? 'people-error' : undefined)}
      aria-invalid=${view.error ? 'true' : 'false'}
      @input=${(e: Event) => view.onSearch((e.target as HTMLInputElement).value)}
    />
    ${view.error ? html`<p class="error" id="people-error">${view.error}</p>` : nothing}
    <div class="people-lists">
      <fieldset>
        <legend>${msg('Users')}</legend>
        ${
          agents.length
            ? html`<ul class="options">
                ${agents.map((a) => option('user', a.id, a.name, view.userIds.includes(a.id), view))}
              </ul>`
            : html`<p class="muted">${msg('No users match.')}</p>`
        }
      </fieldset>
      <fieldset>
        <legend>${msg('Teams')}</legend>
        ${
          teams.length
            ? html`<ul class="options">
                ${teams.map((t) => option('team', t.id, t.name, view.teamIds.includes(t.id), view))}
              </ul>`
            : html`<p class="muted">${msg('No teams match.')}</p>`
        }
      </fieldset>
    </div>
  </div>`;
}
