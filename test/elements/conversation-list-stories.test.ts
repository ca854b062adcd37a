import { expect, fixture } from '@open-wc/testing';
import type { TemplateResult } from 'lit';

import * as stories from '../../stories/conversation-list.stories.js';
import { withDesk } from '../../stories/decorators.js';
import { expectNoAxeViolations } from '../helpers/axe.js';
import { waitFor } from '../helpers/conversation-list-queries.js';

type StoryLike = {
  name?: string;
  args?: Record<string, unknown>;
  parameters?: Record<string, unknown>;
  render?: (a: Record<string, unknown>) => TemplateResult;
  play?: (c: { canvasElement: HTMLElement }) => Promise<void>;
};

const meta = stories.default as unknown as StoryLike;
const entries = Object.entries(stories).filter(([key]) => key !== 'default') as [string, StoryLike][];

// Every story of stories/conversation-list.stories.ts, rendered through the same withDesk decorator
// Storybook uses: it renders, its play function passes, the DOM stays small, and axe finds nothing.
describe('conversation-list stories', function () {
  this.timeout(60_000);
  for (const [key, story] of entries) {
    it(`${story.name ?? key}: renders, plays, and has no axe violations`, async () => {
      const args = { ...meta.args, ...story.args };
      const render = story.render ?? meta.render!;
      const context = { parameters: { ...story.parameters }, globals: { theme: 'light', locale: 'en' } };
      const decorated = (withDesk as unknown as (s: () => unknown, c: unknown) => TemplateResult)(
        () => render(args),
        context,
      );
      const canvas = await fixture<HTMLElement>(decorated);
      const host = canvas.parentElement!;
      const list = await waitFor(() => host.querySelector('conversation-list')!);
      await waitFor(() => list.shadowRoot!.querySelector('[role="option"], [role="status"], [role="alert"]'));
      if (story.play) await story.play({ canvasElement: host });
      await list.updateComplete;
      expect(list.shadowRoot!.querySelectorAll('*').length).to.be.lessThan(2000);
      await expectNoAxeViolations(host);
    });
  }
});
