import { expect, fixture, html } from '@open-wc/testing';

import { MemoryAdapter } from '../../src/adapters/memory/index.js';
import type { HelpDeskProvider } from '../../src/elements/help-desk-provider/help-desk-provider.js';
import { defineElements } from '../../src/elements/registry.js';
import { ThreadView } from '../../src/elements/thread-view/thread-view.js';
import { createFixture } from '../../src/fixtures/index.js';
import { expectNoAxeViolations } from '../helpers/axe.js';
import { allByRole, countElements, getByRole, waitFor } from '../helpers/thread-view-dom.js';
import { scrollLogTo, settle } from '../helpers/thread-view-fixture.js';

defineElements();
if (!customElements.get('thread-view')) customElements.define('thread-view', ThreadView);

async function mountDesk(options: Parameters<typeof createFixture>[0]) {
  const adapter = new MemoryAdapter({ fixture: createFixture({ seed: 1, ...options }) });
  const provider = await fixture<HelpDeskProvider>(
    html`<help-desk-provider .adapter=${adapter}
      ><thread-view conversation-id="conv-1" style="height: 600px"></thread-view
    ></help-desk-provider>`,
  );
  const el = provider.querySelector('thread-view')!;
  // The thread's view is a chunk fetched on first connect: wait for it, not for a count of tasks.
  await el.updateComplete;
  await waitFor(() => allByRole(el.shadowRoot!, 'article').length > 0, 'messages');
  await settle(el);
  return { provider, el, adapter };
}

describe('<thread-view> on a MemoryAdapter desk', () => {
  it('gets its store from <help-desk-provider> and shows the fixture thread with its header', async () => {
    const { el } = await mountDesk({ conversations: 30 });
    expect(allByRole(el.shadowRoot!, 'article').length).to.equal(8);
    expect(getByRole(el.shadowRoot!, 'button', 'Ticket owner')).to.exist;
    await expectNoAxeViolations(el);
  });

  it('opens a 10,000-message thread at the newest message, with a bounded DOM, and pages older ones in', async () => {
    const { provider, el } = await mountDesk({ conversations: 100, firstConversationMessages: 10_000 });
    expect(allByRole(el.shadowRoot!, 'article').length).to.be.below(80);
    expect(countElements(document)).to.be.below(2000);
    const store = provider.activeStore!;
    expect(store.state.messages.threads['conv-1']!.ids.length).to.equal(100);
    await scrollLogTo(el, 0);
    await waitFor(() => store.state.messages.threads['conv-1']!.ids.length === 200, 'an older page');
    await settle(el);
    expect(countElements(document)).to.be.below(2000);
    await expectNoAxeViolations(el);
  });
});
