// The desk the keyboard and screen-reader tests drive: a <help-desk> on a seeded MemoryAdapter, at a
// given size, with its conversations listed.
import { fixture, html } from '@open-wc/testing';

import { MemoryAdapter } from '../../src/adapters/memory/index.js';
import type { HelpDesk } from '../../src/elements/help-desk/help-desk.js';
import type { HelpDeskProvider } from '../../src/elements/help-desk-provider/help-desk-provider.js';
import { createFixture } from '../../src/fixtures/index.js';
import type { HelpDeskStore } from '../../src/state/store.js';
import { queryAllByRole, waitFor } from '../helpers/queries.js';

/**
 * Seed 1, 30 conversations: conv-5 is Emma Reyes's (ticket-5, "Refund request #10004"); conv-4 is one
 * of her past conversations; conv-8 has an image.
 */
export async function mountDesk(width = 1280, height = 800) {
  const adapter = new MemoryAdapter({ fixture: createFixture({ seed: 1, conversations: 30 }) });
  const provider = await fixture<HelpDeskProvider>(
    html`<help-desk-provider .adapter=${adapter} style="display:block;width:${width}px;height:${height}px">
      <help-desk></help-desk>
    </help-desk-provider>`,
  );
  const desk = provider.querySelector('help-desk') as HelpDesk;
  await waitFor(() => queryAllByRole(desk, 'option').length > 3, 'the conversations');
  const store = provider.activeStore as HelpDeskStore;
  /** One of the desk's panes, by tag. */
  const part = <K extends keyof HTMLElementTagNameMap>(tag: K) => desk.shadowRoot!.querySelector(tag)!;
  return { adapter, provider, desk, store, part };
}
