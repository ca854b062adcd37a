// The routing step's draft: what the admin is choosing, kept apart from `RoutingRules` so that
// switching "Automatically assign tickets" off and on again keeps the people already chosen.
import { msg } from '@lit/localize';

import type { PropertyDefinition, RoutingRules } from '../../model/index.js';

export type AssignMode = 'none' | 'users-teams' | 'contact-owner';

export interface PropertyRow {
  /** Stable key of the row for ids and `repeat`; not the property name, which can change. */
  key: number;
  name: string;
  value: string;
}

export interface RoutingDraft {
  setProperties: boolean;
  properties: PropertyRow[];
  autoAssign: boolean;
  mode: AssignMode;
  userIds: string[];
  teamIds: string[];
  /** Text typed in "Search users and teams". */
  search: string;
}

let nextKey = 1;
export const newRow = (name = '', value = ''): PropertyRow => ({ key: nextKey++, name, value });

export function draftFromRules(rules?: RoutingRules): RoutingDraft {
  const entries = Object.entries(rules?.ticketProperties ?? {});
  const assignment = rules?.assignment ?? { mode: 'none' };
  return {
    setProperties: entries.length > 0,
    properties: entries.length > 0 ? entries.map(([name, value]) => newRow(name, String(value))) : [newRow()],
    autoAssign: assignment.mode !== 'none',
    mode: assignment.mode,
    userIds: assignment.mode === 'users-teams' ? [...assignment.userIds] : [],
    teamIds: assignment.mode === 'users-teams' ? [...assignment.teamIds] : [],
    search: '',
  };
}

export function rulesFromDraft(draft: RoutingDraft): RoutingRules {
  const ticketProperties: Record<string, string> = {};
  if (draft.setProperties) {
    for (const row of draft.properties) if (row.name) ticketProperties[row.name] = row.value;
  }
  const mode = draft.autoAssign ? draft.mode : 'none';
  const assignment: RoutingRules['assignment'] =
    mode === 'users-teams' ? { mode, userIds: [...draft.userIds], teamIds: [...draft.teamIds] } : { mode };
  return { ticketProperties, assignment };
}

/** Problems that stop "Next", keyed `people` or `property-<row key>-name|value`. */
export function validateRouting(draft: RoutingDraft): Record<string, string> {
  const errors: Record<string, string> = {};
  if (draft.autoAssign && draft.mode === 'users-teams' && draft.userIds.length + draft.teamIds.length === 0) {
    errors['people'] = msg('Choose at least one user or team.');
  }
  if (draft.setProperties) {
    const seen = new Set<string>();
    for (const row of draft.properties) {
      if (!row.name) {
        // An untouched empty row is left out rather than refused.
        if (row.value) errors[`property-${row.key}-name`] = msg('Choose a property.');
        continue;
      }
      if (seen.has(row.name)) errors[`property-${row.key}-name`] = msg('This property is already set above.');
      seen.add(row.name);
      if (row.value.trim() === '') errors[`property-${row.key}-value`] = msg('Enter a value.');
      else if (row.value.length > 2000)
        errors[`property-${row.key}-value`] = msg('Too long: at most 2000 characters.');
    }
    if (!draft.properties.some((r) => r.name))
      errors['properties'] = msg('Add at least one property, or turn this off.');
  }
  return errors;
}

/** The properties tickets can have, from every pipeline, each name once. */
export function ticketProperties(
  pipelines: readonly { properties: PropertyDefinition[] }[],
): PropertyDefinition[] {
  const byName = new Map<string, PropertyDefinition>();
  for (const pipeline of pipelines)
    for (const p of pipeline.properties) if (!byName.has(p.name)) byName.set(p.name, p);
  return [...byName.values()];
}
