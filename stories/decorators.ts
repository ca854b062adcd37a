// Every story gets a desk of its own: a store on a fresh MemoryAdapter inside a
// <help-desk-provider> whose theme and language follow the toolbar (or the story's parameters).
import '../src/define.js';

import type { Decorator } from '@storybook/web-components-vite';
import { html } from 'lit';

import type { HelpDeskAdapter } from '../src/adapters/adapter.js';
import { MemoryAdapter } from '../src/adapters/memory/index.js';
import { createFixture, type FixtureOptions } from '../src/fixtures/index.js';
import { type FaultOptions, withFaults } from '../src/testing/index.js';

/** What a story can ask of its desk, as `parameters.desk`. */
export interface DeskParameters {
  fixture?: FixtureOptions;
  latencyMs?: number;
  simulateTraffic?: boolean;
  /** Wraps the adapter with `withFaults` (an error story: `{ failRate: 1, failMethods: [...] }`). */
  faults?: FaultOptions;
  /** Forces a theme or language regardless of the toolbar (the Dark and pt-BR stories). */
  theme?: 'light' | 'dark';
  locale?: 'en' | 'pt-BR';
}

export function makeAdapter(desk: DeskParameters = {}): HelpDeskAdapter {
  const adapter = new MemoryAdapter({
    fixture: createFixture({ seed: 1, conversations: 200, ...desk.fixture }),
    latencyMs: desk.latencyMs ?? 0,
    simulateTraffic: desk.simulateTraffic ?? false,
  });
  return desk.faults ? withFaults(adapter, desk.faults) : adapter;
}

export const withDesk: Decorator = (story, context) => {
  const desk = (context.parameters.desk ?? {}) as DeskParameters;
  const theme = desk.theme ?? context.globals.theme ?? 'light';
  const locale = desk.locale ?? context.globals.locale ?? 'en';
  return html`<help-desk-provider .adapter=${makeAdapter(desk)} theme=${theme} locale=${locale}>
    ${story()}
  </help-desk-provider>`;
};
