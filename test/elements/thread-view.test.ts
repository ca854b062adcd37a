import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';

import type { ReplyToEvent, TicketOpenEvent } from '../../src/elements/thread-view/thread-view.events.js';
import { expectNoAxeViolations } from '../helpers/axe.js';
import { allByRole, getByRole, nameOf, queryByRole, waitFor } from '../helpers/thread-view-dom.js';
import { messages, mountThread, settle } from '../helpers/thread-view-fixture.js';
import { latest, message } from '../state/fake-adapter.js';

describe('<thread-view>', () => {
  describe('Defaults', () => {
    it('shows a log named "Messages" of articles labelled with sender and time, newest in view', async () => {
      const { el } = await mountThread();
      const log = getByRole(el.shadowRoot!, 'log', 'Messages');
      const articles = allByRole(log, 'article');
      expect(articles.length).to.equal(8);
      expect(nameOf(articles[0]!)).to.match(/^Maria Silva, .*2026/);
      expect(nameOf(articles[3]!)).to.match(/^Ana Souza, /);
      // Opens at the newest message.
      expect(log.scrollHeight - log.scrollTop - log.clientHeight).to.be.below(30);
    });

    it('puts incoming and outgoing messages on their sides and groups consecutive ones of one sender', async () => {
      const { el } = await mountThread();
      const articles = allByRole(el.shadowRoot!, 'article');
      expect(articles[0]!.classList.contains('incoming')).to.be.true;
      expect(articles[3]!.classList.contains('outgoing')).to.be.true;
      // The sender's name shows once per group: messages 1-3 are one group.
      expect(articles[0]!.querySelector('.sender')).to.exist;
      expect(articles[1]!.querySelector('.sender')).to.be.null;
      expect(articles[3]!.querySelector('.sender')?.textContent).to.equal('Ana Souza');
    });

    it('separates days', async () => {
      const list = messages('conv-1', 4);
      list[2] = { ...list[2]!, createdAt: '2026-10-22T12:00:00.000Z' };
      list[3] = { ...list[3]!, createdAt: '2026-10-22T12:01:00.000Z' };
      const { el } = await mountThread({ messages: list });
      const separators = allByRole(el.shadowRoot!, 'separator');
      expect(separators.length).to.equal(2);
      expect(nameOf(separators[1]!)).to.match(/October 22, 2026/);
    });

    it('marks the conversation read when shown', async () => {
      const { adapter, store } = await mountThread({ conversation: { unreadCount: 3 } });
      expect(adapter.count('markRead')).to.be.greaterThan(0);
      expect(store.state.conversations.byId['conv-1']!.unreadCount).to.equal(0);
    });

    it('shows the selected conversation when it has no conversation-id', async () => {
      const { el, store } = await mountThread();
      el.removeAttribute('conversation-id');
      store.selectConversation(null);
      await settle(el);
      expect(el.shadowRoot!.textContent).to.contain('No conversation selected.');
      store.selectConversation('conv-1');
      await settle(el);
      expect(allByRole(el.shadowRoot!, 'article').length).to.equal(8);
    });
  });

  describe('Header', () => {
    it('shows the contact, the channel logo named after the channel, and the ticket', async () => {
      const { el } = await mountThread();
      expect(el.shadowRoot!.querySelector('.contact')?.textContent).to.contain('Maria Silva');
      expect(getByRole(el.shadowRoot!, 'img', 'Parrot Chat')).to.exist;
      expect(getByRole(el.shadowRoot!, 'button', 'Order #1042 arrived damaged')).to.exist;
    });

    it('says "Unknown contact" for a conversation with no contact', async () => {
      const { el } = await mountThread({ conversation: { contactId: null, contactName: '' } });
      expect(el.shadowRoot!.querySelector('.contact')?.textContent?.trim()).to.equal('Unknown contact');
    });

    it('fires ticket-open with the ticket id when the ticket name is activated', async () => {
      const { el } = await mountThread();
      let detail: TicketOpenEvent['detail'] | undefined;
      el.addEventListener('ticket-open', (e) => (detail = e.detail));
      getByRole(el.shadowRoot!, 'button', 'Order #1042 arrived damaged').click();
      expect(detail).to.deep.equal({ ticketId: 'ticket-1', conversationId: 'conv-1' });
    });

    it('reassigns the owner from the "Ticket owner" menu, by keyboard', async () => {
      const { el, store, adapter } = await mountThread();
      const button = await waitFor(() => {
        const b = getByRole(el.shadowRoot!, 'button', 'Ticket owner');
        return !(b as HTMLButtonElement).disabled && b;
      }, 'owner button enabled');
      button.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      const menu = getByRole(el.shadowRoot!, 'menu', 'Ticket owner');
      expect(menu.hidden).to.be.false;
      // Focus starts on the current owner; agents show availability and teams.
      expect(nameOf(el.shadowRoot!.activeElement!)).to.match(/Bruno Lima\s*Away/);
      expect(nameOf(getByRole(menu, 'menuitemradio', /^Ana Souza/))).to.match(/Online · Billing/);
      await sendKeys({ press: 'ArrowUp' });
      expect(nameOf(el.shadowRoot!.activeElement!)).to.match(/^Ana Souza/);
      await sendKeys({ press: 'Enter' });
      await waitFor(() => adapter.count('updateTicket') === 1, 'updateTicket');
      await settle(el);
      expect(latest(store.ticket$('ticket-1')).ticket?.ownerId).to.equal('agent-1');
      expect(menu.hidden).to.be.true;
      expect(el.shadowRoot!.activeElement).to.equal(button);
      expect(el.shadowRoot!.querySelector('#owner-value')?.textContent).to.contain('Ana Souza');
    });

    it('closes the owner menu on Escape and returns focus to its button', async () => {
      const { el } = await mountThread();
      const button = await waitFor(() => {
        const b = getByRole(el.shadowRoot!, 'button', 'Ticket owner') as HTMLButtonElement;
        return !b.disabled && b;
      });
      button.click();
      await el.updateComplete;
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(getByRole(el.shadowRoot!, 'menu', 'Ticket owner').hidden).to.be.true;
      expect(el.shadowRoot!.activeElement).to.equal(button);
    });
  });

  describe('Replying and retrying', () => {
    it('replies to a specific message: the Reply button sets the reply target and fires reply-to', async () => {
      const { el, store } = await mountThread();
      const events: ReplyToEvent['detail'][] = [];
      el.addEventListener('reply-to', (e) => events.push(e.detail));
      const article = allByRole(el.shadowRoot!, 'article')[1]!;
      getByRole(article, 'button', 'Reply').click();
      expect(events).to.deep.equal([{ messageId: 'm2', conversationId: 'conv-1' }]);
      expect(latest(store.replyTarget$('conv-1'))).to.equal('m2');
    });

    it('shows the Reply button when the message has focus within', async () => {
      const { el } = await mountThread();
      const article = allByRole(el.shadowRoot!, 'article')[1]!;
      const reply = getByRole(article, 'button', 'Reply');
      expect(getComputedStyle(reply).opacity).to.equal('0');
      reply.focus();
      expect(getComputedStyle(reply).opacity).to.equal('1');
    });

    it('shows a quote of the original in a reply; activating it brings the original into view and focus', async () => {
      const list = messages('conv-1', 60);
      list[59] = { ...list[59]!, replyToId: 'm13', text: 'About your first message' };
      const { el } = await mountThread({ messages: list, height: 300 });
      const quote = getByRole(el.shadowRoot!, 'button', /^In reply to Maria Silva Message number 13/);
      quote.click();
      await settle(el);
      const original = await waitFor(
        () => queryByRole(el.shadowRoot!, 'article', /Maria Silva/) && el.shadowRoot!.activeElement,
      );
      expect(original.closest('[data-key]')?.getAttribute('data-key')).to.equal('m13');
      const log = getByRole(el.shadowRoot!, 'log', 'Messages');
      const rect = original.getBoundingClientRect();
      const view = log.getBoundingClientRect();
      expect(rect.bottom).to.be.above(view.top);
      expect(rect.top).to.be.below(view.bottom);
    });

    it('shows delivery status of outgoing messages, and a failed send with its error and a Retry button', async () => {
      const { el, store, adapter } = await mountThread();
      adapter.fail('sendMessage', undefined, true);
      await store.send('conv-1', { text: 'Can you confirm the address?' });
      await settle(el);
      const article = allByRole(el.shadowRoot!, 'article').at(-1)!;
      expect(article.textContent).to.contain('Failed');
      expect(article.textContent).to.contain('Backend down');
      getByRole(article, 'button', 'Retry').click();
      await waitFor(() => adapter.sent.length === 2, 'second send');
      await settle(el);
      expect(adapter.sent[0]!.draft.clientId).to.equal(adapter.sent[1]!.draft.clientId);
      const sent = allByRole(el.shadowRoot!, 'article').at(-1)!;
      expect(sent.textContent).to.contain('Sent');
      expect(queryByRole(sent, 'button', 'Retry')).to.be.null;
      const read = allByRole(el.shadowRoot!, 'article')[3]!;
      expect(read.textContent).to.contain('Read');
    });
  });

  describe('Accessibility', () => {
    it('has no axe violations when loaded', async () => {
      const { el } = await mountThread();
      await expectNoAxeViolations(el);
    });

    it('has no axe violations with the owner menu open', async () => {
      const { el } = await mountThread();
      const button = await waitFor(() => {
        const b = getByRole(el.shadowRoot!, 'button', 'Ticket owner') as HTMLButtonElement;
        return !b.disabled && b;
      });
      button.click();
      await el.updateComplete;
      await expectNoAxeViolations(el);
    });

    it('has no axe violations when empty and when loading fails', async () => {
      const empty = await mountThread({ messages: [] });
      expect(empty.el.shadowRoot!.textContent).to.contain('No messages yet.');
      await expectNoAxeViolations(empty.el);
      const { el, adapter, store, release } = await mountThread({ pauseMessages: true });
      expect(el.shadowRoot!.textContent).to.contain('Loading messages…');
      await expectNoAxeViolations(el);
      adapter.fail('listMessages');
      release!();
      await waitFor(() => store.state.messages.threads['conv-1']?.error, 'the error');
      await settle(el);
      expect(getByRole(el.shadowRoot!, 'alert').textContent).to.contain('Messages could not be loaded.');
      await expectNoAxeViolations(el);
      adapter.heal('listMessages');
      getByRole(el.shadowRoot!, 'button', 'Try again').click();
      await waitFor(() => allByRole(el.shadowRoot!, 'article').length === 8, 'messages after retry');
    });
  });

  it('keeps a message given by the test builder usable (sanity)', () => {
    expect(message('x', 'conv-1', 1).text).to.equal('Message x');
  });
});
