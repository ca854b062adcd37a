import { msg } from '@lit/localize';
import { html, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';

import type {
  Agent,
  ChannelAccount,
  ChannelDefinition,
  ConversationFilters,
  ConversationStatus,
  Team,
  View,
} from '../../model/index.js';
import { clip } from './search-highlight.js';

export interface FiltersBarContext {
  /** The filters in force (a view's, overlaid with the rep's own). */
  filters: ConversationFilters;
  accounts: readonly ChannelAccount[];
  channels: ReadonlyMap<string, ChannelDefinition>;
  agents: readonly Agent[];
  teams: readonly Team[];
  onChange: (patch: Partial<ConversationFilters>) => void;
}

const value = (event: Event) => (event.target as HTMLSelectElement).value;

function accountLabel(account: ChannelAccount, channels: FiltersBarContext['channels']): string {
  const channel = channels.get(account.channelId)?.name;
  const name = clip(account.name, 80);
  return channel && channel !== account.name ? `${name} (${clip(channel, 80)})` : name;
}

/**
 * The filter controls, each a native control with a visible label: "Channel", "Status", "Assignee"
 * and "Unread only". An empty value means "no filter"; the store drops `undefined` keys.
 */
export function renderFilters(ctx: FiltersBarContext): TemplateResult {
  const { filters } = ctx;
  const status = filters.status ?? 'all';
  const setStatus = (next: string) =>
    ctx.onChange({ status: next === 'all' ? undefined : (next as ConversationStatus) });
  return html`<div part="filters" class="filters">
    <label class="filter">
      <span>${msg('Channel')}</span>
      <select
        part="filter"
        .value=${live(filters.channelAccountId ?? '')}
        @change=${(e: Event) => ctx.onChange({ channelAccountId: value(e) || undefined })}
      >
        <option value="" ?selected=${!filters.channelAccountId}>${msg('All channels')}</option>
        ${ctx.accounts.map(
          (account) =>
            html`<option value=${account.id} ?selected=${filters.channelAccountId === account.id}>
              ${accountLabel(account, ctx.channels)}
            </option>`,
        )}
      </select>
    </label>
    <label class="filter">
      <span>${msg('Status')}</span>
      <select part="filter" .value=${live(status)} @change=${(e: Event) => setStatus(value(e))}>
        <option value="all" ?selected=${status === 'all'}>${msg('All')}</option>
        <option value="open" ?selected=${status === 'open'}>${msg('Open')}</option>
        <option value="closed" ?selected=${status === 'closed'}>${msg('Closed')}</option>
      </select>
    </label>
    <label class="filter">
      <span>${msg('Assignee')}</span>
      <select
        part="filter"
        .value=${live(filters.assignee ?? '')}
        @change=${(e: Event) => ctx.onChange({ assignee: value(e) || undefined })}
      >
        <option value="" ?selected=${!filters.assignee}>${msg('Anyone')}</option>
        <option value="me" ?selected=${filters.assignee === 'me'}>${msg('Me')}</option>
        <option value="unassigned" ?selected=${filters.assignee === 'unassigned'}>
          ${msg('Unassigned')}
        </option>
        ${
          ctx.agents.length
            ? html`<optgroup label=${msg('Agents')}>
                ${ctx.agents.map(
                  (agent) =>
                    html`<option value=${agent.id} ?selected=${filters.assignee === agent.id}>
                      ${clip(agent.name, 80)}
                    </option>`,
                )}
              </optgroup>`
            : ''
        }
        ${
          ctx.teams.length
            ? html`<optgroup label=${msg('Teams')}>
                ${ctx.teams.map(
                  (team) =>
                    html`<option value=${team.id} ?selected=${filters.assignee === team.id}>
                      ${clip(team.name, 80)}
                    </option>`,
                )}
              </optgroup>`
            : ''
        }
      </select>
    </label>
    <label class="filter checkbox">
      <input
        type="checkbox"
        part="filter"
        .checked=${live(filters.unreadOnly === true)}
        @change=${(e: Event) =>
          ctx.onChange({ unreadOnly: (e.target as HTMLInputElement).checked || undefined })}
      />
      <span>${msg('Unread only')}</span>
    </label>
  </div>`;
}

/**
 * The search text and filters in force: the rep's own over those of the view in use (the same rule
 * the store and the adapters apply).
 */
export function effectiveQuery(
  query: { text: string; filters: ConversationFilters; viewId: string | null },
  views: readonly View[],
): { text: string; filters: ConversationFilters } {
  const view = query.viewId === null ? undefined : views.find((v) => v.id === query.viewId);
  return { text: query.text || view?.text || '', filters: { ...view?.filters, ...query.filters } };
}
