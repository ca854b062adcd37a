// Each story of stories/ticket-sidebar.stories.ts, rendered the way Storybook renders it (through the
// withDesk decorator on the MemoryAdapter fixture), shows the state it is named after and passes axe.
import { expect, fixture } from '@open-wc/testing';
import type { TemplateResult } from 'lit';

import { setLocale } from '../../src/localization/localization.js';
import { withDesk } from '../../stories/decorators.js';
import * as stories from '../../stories/ticket-sidebar.stories.js';
import { expectNoAxeViolations } from '../helpers/axe.js';
import { visibleText, waitFor } from '../helpers/queries.js';

type AnyStory = {
  args?: Record<string, unknown>;
  parameters?: Record<string, unknown>;
  play?: (context: { canvasElement: HTMLElement }) => Promise<void>;
};

async function renderStory(story: AnyStory): Promise<HTMLElement> {
  const meta = stories.default as { args?: object; render: (args: object) => TemplateResult };
  const args = { ...meta.args, ...story.args };
  const decorate = withDesk as unknown as (s: () => TemplateResult, c: object) => TemplateResult;
  const template = decorate(() => meta.render(args), {
    parameters: story.parameters ?? {},
    globals: {},
    args,
  });
  const canvas = await fixture<HTMLElement>(template);
  const wrapper = document.createElement('div');
  canvas.replaceWith(wrapper);
  wrapper.append(canvas);
  await story.play?.({ canvasElement: wrapper });
  return wrapper;
}

const sidebarText = (canvas: HTMLElement) => visibleText(canvas.querySelector('ticket-sidebar')!);

const expectations: [keyof typeof stories, string][] = [
  ['Default', 'Past conversations'],
  ['NoTicket', 'No ticket for this conversation'],
  ['UnknownContact', 'Unknown contact'],
  ['Loading', 'Loading ticket…'],
  ['LoadError', 'Try again'],
  ['ConditionalStatus', 'Required to move to Closed'],
  ['OwnerMenu', 'Unassigned'],
  ['SectionsAndCollapsed', 'Contact'],
  ['RightToLeft', 'Ticket owner'],
  ['Dark', 'Ticket owner'],
  ['PortugueseBR', 'Contato'],
];

describe('ticket-sidebar stories', () => {
  after(() => setLocale('en'));

  for (const [name, text] of expectations) {
    it(`${name} shows "${text}" and passes axe`, async () => {
      const canvas = await renderStory(stories[name] as AnyStory);
      await waitFor(() => sidebarText(canvas).includes(text), `"${text}" in ${name}`, 5000);
      if (name === 'ConditionalStatus' || name === 'OwnerMenu') {
        await waitFor(() => !sidebarText(canvas).includes('Loading'), 'loaded');
      }
      expect(sidebarText(canvas)).to.include(text);
      await expectNoAxeViolations(canvas.querySelector('ticket-sidebar')!);
    });
  }
});
