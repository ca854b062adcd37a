import { expect } from '@open-wc/testing';

import { MemoryAdapter } from '../../src/adapters/memory/index.js';
import type { HelpDeskProvider } from '../../src/elements/help-desk-provider/help-desk-provider.js';
import { defineElements } from '../../src/elements/registry.js';
import { findByRole, queryAllByRole, visibleText, waitFor } from '../helpers/queries.js';
import { mountDesk } from './desk.js';

defineElements();

// Seed 1: conv-5 is Emma Reyes on Lumen Chat (account acc-lumen); conv-1 is another of hers.
const OPEN = 'conv-5';
const OTHER = 'conv-1';
const ACCOUNT = 'acc-lumen';

const ANNOUNCER = '[data-helpdesk-announcer]';

/**
 * Every text the page's polite announcer says, in order: each time its content is set to a non-empty
 * text (the announcer empties it first, so saying the same text again is a new entry).
 */
function recordAnnouncements(): { said: string[]; stop: () => void } {
  const said: string[] = [];
  const observer = new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      const target = mutation.target instanceof Element ? mutation.target : mutation.target.parentElement;
      if (!target?.matches(ANNOUNCER) || mutation.type !== 'childList') continue;
      const text = target.textContent?.trim() ?? '';
      if (text && mutation.addedNodes.length > 0) said.push(text);
    }
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  return { said, stop: () => observer.disconnect() };
}

/** Lets every pending render, store event and the announcer's delayed write happen. */
async function settle(provider: HelpDeskProvider): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 150));
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  await provider.updateComplete;
}

async function receive(adapter: MemoryAdapter, thread: HTMLElement, text: string, from?: string) {
  await adapter.receive({
    channelAccountId: ACCOUNT,
    conversationId: OPEN,
    text,
    ...(from ? { from: { name: from, address: `${from}@example.com` } } : {}),
  });
  await waitFor(
    () => queryAllByRole(thread, 'article').some((a) => visibleText(a).includes(text)),
    `"${text}" in the thread`,
  );
}

describe('Screen reader: new messages in the open thread', function () {
  this.timeout(60_000);

  it('are announced once through the polite announcer, never again on re-render', async () => {
    const { adapter, provider, store, part } = await mountDesk();
    const thread = part('thread-view');
    store.selectConversation(OPEN);
    await findByRole(thread, 'log', 'Messages');
    await waitFor(() => queryAllByRole(thread, 'article').length >= 8, 'the thread');
    await settle(provider);
    const record = recordAnnouncements();
    try {
      const region = document.querySelector(ANNOUNCER);
      // One live region, in the light DOM, polite; the log itself stays quiet so nothing is said twice.
      const log = await findByRole(thread, 'log', 'Messages');
      expect(log.getAttribute('aria-live')).to.equal('off');

      await receive(adapter, thread, 'Is the discount still on?');
      await settle(provider);
      const announcer = document.querySelector(ANNOUNCER)!;
      expect(region === null || region === announcer).to.be.true;
      expect(announcer.getAttribute('aria-live')).to.equal('polite');
      expect(announcer.getRootNode()).to.equal(document);
      expect(record.said).to.deep.equal(['New message from Emma Reyes']);

      // Re-renders of every kind say nothing more.
      provider.style.width = '700px'; // narrow: one pane at a time
      await settle(provider);
      provider.style.width = '1280px';
      await settle(provider);
      provider.theme = 'dark';
      await settle(provider);
      provider.locale = 'pt-BR';
      await waitFor(
        () => visibleText(thread).includes('Mensagens') || log.getAttribute('aria-label') === 'Mensagens',
        'pt-BR',
      );
      await settle(provider);
      log.scrollTop = 0;
      await settle(provider);
      log.scrollTop = log.scrollHeight;
      await settle(provider);
      store.selectConversation(OTHER);
      await waitFor(
        () => !visibleText(thread).includes('Is the discount still on?'),
        'the other conversation',
      );
      await settle(provider);
      store.selectConversation(OPEN);
      await waitFor(
        () => visibleText(thread).includes('Is the discount still on?'),
        'back to the conversation',
      );
      await settle(provider);
      expect(record.said).to.deep.equal(['New message from Emma Reyes']);

      // A message from someone else in the open thread is said once, in the desk's language now.
      await receive(adapter, thread, 'Sou a assistente da Emma.', 'Marta Lopes');
      await settle(provider);
      expect(record.said).to.deep.equal(['New message from Emma Reyes', 'Nova mensagem de Marta Lopes']);

      // An outgoing reply and a message to a conversation not open are not announced.
      await store.send(OPEN, { text: 'Obrigado!', channel: 'custom' });
      await adapter.receive({ channelAccountId: ACCOUNT, conversationId: OTHER, text: 'Elsewhere' });
      await settle(provider);
      expect(record.said).to.deep.equal(['New message from Emma Reyes', 'Nova mensagem de Marta Lopes']);
    } finally {
      record.stop();
      provider.locale = 'en';
      await settle(provider);
    }
  });
});
