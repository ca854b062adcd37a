import { expect, fixture, html } from '@open-wc/testing';

import { MemoryAdapter } from '../../src/adapters/memory/index.js';
import type { HelpDesk } from '../../src/elements/help-desk/help-desk.js';
import type { HelpDeskProvider } from '../../src/elements/help-desk-provider/help-desk-provider.js';
import { defineElements } from '../../src/elements/registry.js';
import { createFixture } from '../../src/fixtures/index.js';
import { expectNoAxeViolations } from '../helpers/axe.js';
import { findByRole, getByRole, queryAllByRole } from '../helpers/queries.js';

defineElements();

async function mountDesk(width: number, content = html``) {
  const adapter = new MemoryAdapter({ fixture: createFixture({ seed: 7, conversations: 30 }) });
  const provider = await fixture<HelpDeskProvider>(
    html`<help-desk-provider .adapter=${adapter} style="display:block;width:${width}px;height:700px">
      <help-desk>${content}</help-desk>
    </help-desk-provider>`,
  );
  const desk = provider.querySelector('help-desk') as HelpDesk;
  await desk.updateComplete;
  const list = await findByRole(desk, 'listbox', { name: 'Conversations' });
  await findByRole(list, 'option', { name: /./ }).catch(() => undefined);
  return { provider, desk, adapter };
}

async function openFirstConversation(desk: HelpDesk) {
  const [first] = queryAllByRole(desk, 'option');
  expect(first, 'a conversation row').to.exist;
  first.click();
  await findByRole(desk, 'log', { name: 'Messages' });
}

describe('<help-desk>', () => {
  describe('Defaults', () => {
    it('shows the list, the thread with the reply editor, and the ticket sidebar side by side', async () => {
      const { desk } = await mountDesk(1280);
      await openFirstConversation(desk);
      expect(getByRole(desk, 'listbox', { name: 'Conversations' })).to.exist;
      expect(getByRole(desk, 'log', { name: 'Messages' })).to.exist;
      expect(await findByRole(desk, 'textbox', { name: 'Reply' })).to.exist;
      expect(await findByRole(desk, 'heading', { name: 'Ticket' })).to.exist;
      // Wide: no back buttons.
      expect(queryAllByRole(desk, 'button', { name: 'Back to conversations' })).to.have.length(0);
    });
  });

  describe('Narrow (under 900 px)', () => {
    it('shows one pane at a time: opening a conversation shows its thread, Back returns to the list', async () => {
      const { desk } = await mountDesk(600);
      expect(queryAllByRole(desk, 'log', { name: 'Messages' })).to.have.length(0);
      await openFirstConversation(desk);
      expect(queryAllByRole(desk, 'listbox', { name: 'Conversations' })).to.have.length(0);
      const back = getByRole(desk, 'button', { name: 'Back to conversations' });
      back.click();
      await desk.updateComplete;
      expect(getByRole(desk, 'listbox', { name: 'Conversations' })).to.exist;
      expect(queryAllByRole(desk, 'log', { name: 'Messages' })).to.have.length(0);
    });

    it('opens the ticket details pane and comes back to the conversation', async () => {
      const { desk } = await mountDesk(600);
      await openFirstConversation(desk);
      getByRole(desk, 'button', { name: 'Ticket details' }).click();
      await desk.updateComplete;
      expect(await findByRole(desk, 'heading', { name: 'Ticket' })).to.exist;
      const back = getByRole(desk, 'button', { name: 'Back to conversation' });
      expect(desk.shadowRoot!.activeElement, 'focus moves to the way back').to.equal(back);
      back.click();
      await desk.updateComplete;
      expect(getByRole(desk, 'log', { name: 'Messages' })).to.exist;
    });
  });

  describe('Slots', () => {
    it('lets the host replace a pane and add content above the thread', async () => {
      const { desk } = await mountDesk(
        1280,
        html`<p slot="thread-header">Enterprise plan</p>
          <aside slot="sidebar" aria-label="CRM">Host sidebar</aside>`,
      );
      expect(queryAllByRole(desk, 'heading', { name: 'Ticket' })).to.have.length(0);
      expect(desk.querySelector('[slot="sidebar"]')!.assignedSlot).to.exist;
      expect(desk.querySelector('[slot="thread-header"]')!.assignedSlot).to.exist;
    });
  });

  describe('Accessibility', () => {
    it('passes axe with a conversation open', async () => {
      const { provider, desk } = await mountDesk(1280);
      await openFirstConversation(desk);
      await expectNoAxeViolations(provider);
    });
  });
});
