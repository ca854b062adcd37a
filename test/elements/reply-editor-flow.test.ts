import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';

import { HelpDeskError } from '../../src/adapters/errors.js';
import type { MessageSendEvent } from '../../src/elements/reply-editor/reply-editor.events.js';
import type { Attachment } from '../../src/model/index.js';
import { expectNoAxeViolations } from '../helpers/axe.js';
import { getByRole, queryByRole, visibleText, waitFor } from '../helpers/queries.js';
import { makeDesk, mountEditor, PLAIN, RICH, richTextbox } from '../helpers/reply-editor-desk.js';

const MB = 1024 * 1024;
const png = (name: string, bytes = 2048) => new File([new Uint8Array(bytes)], name, { type: 'image/png' });

function choose(el: HTMLElement, files: File[]): void {
  const input = el.shadowRoot!.querySelector<HTMLInputElement>('input[type="file"]')!;
  const transfer = new DataTransfer();
  files.forEach((f) => transfer.items.add(f));
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

function drop(target: HTMLElement, files: File[]): void {
  const transfer = new DataTransfer();
  files.forEach((f) => transfer.items.add(f));
  target.dispatchEvent(
    new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true, composed: true }),
  );
  target.dispatchEvent(
    new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true, composed: true }),
  );
}

describe('<reply-editor> attachments, targets, statuses and failures', function () {
  // Under the shared 2-core machine, axe and the lazy engine can take a while.
  this.timeout(30_000);

  describe('Attachments', () => {
    it('attaches by the button and by drop, with thumbnails, and sends them', async () => {
      const desk = await makeDesk();
      const el = await mountEditor(desk, RICH);
      const box = await richTextbox(el);
      getByRole(el, 'button', 'Attach file').click();
      choose(el, [png('screenshot.png')]);
      drop(box, [new File(['hello'], 'notes.txt', { type: 'text/plain' })]);
      await waitFor(
        () =>
          queryByRole(el, 'button', 'Remove notes.txt') && queryByRole(el, 'button', 'Remove screenshot.png'),
        'both uploaded',
      );
      const thumb = el.shadowRoot!.querySelector('.attachments img') as HTMLImageElement;
      expect(thumb.src).to.match(/^blob:/);
      await expectNoAxeViolations(el);
      let detail: MessageSendEvent['detail'] | undefined;
      el.addEventListener('message-send', (e) => (detail = e.detail));
      getByRole(el, 'button', 'Send').click();
      expect(detail?.attachments.map((a) => a.name)).to.deep.equal(['screenshot.png', 'notes.txt']);
      await el.updateComplete;
      expect(queryByRole(el, 'list', 'Attachments')).to.be.null;
    });

    it('refuses files outside the channel limits before upload, naming the limit', async () => {
      const desk = await makeDesk();
      let uploads = 0;
      const upload = desk.store.uploadAttachment.bind(desk.store);
      desk.store.uploadAttachment = (file, options) => {
        uploads++;
        return upload(file, options);
      };
      const el = await mountEditor(desk, PLAIN);
      await richTextbox(el);
      choose(el, [
        png('big.png', 6 * MB),
        new File(['%PDF'], 'terms.pdf', { type: 'application/pdf' }),
        png('empty.png', 0),
        new File(['x'], 'anim.webp', { type: 'image/webp' }),
      ]);
      await el.updateComplete;
      const text = visibleText(el);
      expect(text).to.contain('"big.png" was not attached: it is larger than the 5 MB limit per file.');
      expect(text).to.contain('"terms.pdf" was not attached: this channel takes only image.');
      expect(text).to.contain('"empty.png" was not attached: the file is empty (0 bytes).');
      expect(text).to.contain(
        'the file type image/webp is not allowed (allowed: image/png, image/jpeg, image/gif)',
      );
      expect(uploads).to.equal(0);
      await expectNoAxeViolations(el);
      choose(el, [png('one.png'), png('two.png')]);
      await el.updateComplete;
      expect(visibleText(el)).to.contain(
        '"two.png" was not attached: this channel allows at most 1 attachments per message.',
      );
      expect(uploads).to.equal(1);
    });

    it('cleans a file name with path separators, control characters or 500 characters', async () => {
      const desk = await makeDesk();
      const el = await mountEditor(desk, RICH);
      await richTextbox(el);
      choose(el, [png(`..\\..//evil\u202Egnp.exe\u0007${'a'.repeat(500)}.png`)]);
      await el.updateComplete;
      const item = await waitFor(() => el.shadowRoot!.querySelector('.attachment'), 'the item');
      const name = item.querySelector('span')!.textContent!;
      expect([...name].some((c) => c.charCodeAt(0) < 32 || '/\\\u202E'.includes(c))).to.be.false;
      expect(name.length).to.be.at.most(120);
      expect(name.endsWith('.png')).to.be.true;
      expect(visibleText(el)).to.contain('it is attached as');
    });

    it('shows upload progress, and cancels an upload', async () => {
      const desk = await makeDesk({ latencyMs: 5000 });
      const el = await mountEditor(desk, RICH);
      const box = await richTextbox(el);
      box.focus();
      await sendKeys({ type: 'with a file' });
      choose(el, [png('slow.png')]);
      await el.updateComplete;
      const progress = getByRole<HTMLProgressElement>(el, 'progressbar', 'Uploading slow.png');
      expect(progress.max).to.equal(1);
      expect(getByRole<HTMLButtonElement>(el, 'button', 'Send').disabled).to.be.true;
      await expectNoAxeViolations(el);
      getByRole(el, 'button', 'Cancel upload of slow.png').click();
      await el.updateComplete;
      expect(queryByRole(el, 'progressbar', 'Uploading slow.png')).to.be.null;
      expect(el.shadowRoot!.querySelector('.attachment')).to.be.null;
      expect(getByRole<HTMLButtonElement>(el, 'button', 'Send').disabled).to.be.false;
    });

    it('offers Retry and Remove for a failed upload', async () => {
      const desk = await makeDesk();
      const upload = desk.store.uploadAttachment.bind(desk.store);
      let fail = true;
      desk.store.uploadAttachment = async (file, options) => {
        if (!fail) return upload(file, options);
        fail = false;
        return { ok: false, error: new HelpDeskError('unavailable', 'The network is down.') };
      };
      const el = await mountEditor(desk, RICH);
      await richTextbox(el);
      choose(el, [png('flaky.png')]);
      const retry = await waitFor(() => queryByRole(el, 'button', 'Retry upload of flaky.png'), 'Retry');
      getByRole(el, 'button', 'Remove flaky.png');
      expect(visibleText(el)).to.contain('The network is down.');
      await expectNoAxeViolations(el);
      retry.click();
      await waitFor(
        () =>
          queryByRole(el, 'button', 'Remove flaky.png') &&
          !queryByRole(el, 'button', 'Retry upload of flaky.png'),
        'uploaded',
      );
    });
  });

  describe('Reply target', () => {
    it('quotes the message being answered, and clears back to the newest message', async () => {
      const desk = await makeDesk();
      await desk.store.loadMessages(RICH);
      const messages = desk.store.state.messages.threads[RICH]!;
      const older = messages.byId[messages.ids[0]!]!;
      const el = await mountEditor(desk, RICH);
      const box = await richTextbox(el);
      desk.store.setReplyTarget(RICH, older.id);
      await el.updateComplete;
      const bar = getByRole(el, 'group', 'Reply target');
      expect(visibleText(bar)).to.contain(older.text.slice(0, 40).trim());
      await expectNoAxeViolations(el);
      box.focus();
      await sendKeys({ type: 'To the old one' });
      const sent: MessageSendEvent[] = [];
      el.addEventListener('message-send', (e) => sent.push(e));
      getByRole(el, 'button', 'Send').click();
      expect(sent[0]!.detail.replyToId).to.equal(older.id);

      desk.store.setReplyTarget(RICH, older.id);
      await el.updateComplete;
      getByRole(el, 'button', 'Clear reply target').click();
      await el.updateComplete;
      expect(queryByRole(el, 'group', 'Reply target')).to.be.null;
      expect(desk.store.state.ui.replyTargets[RICH]).to.be.undefined;
      box.focus();
      await sendKeys({ type: 'To the newest' });
      await waitFor(() => !(getByRole(el, 'button', 'Send') as HTMLButtonElement).disabled, 'Send');
      const now = desk.store.state.messages.threads[RICH]!;
      const newest = now.ids.at(-1)!;
      expect(newest).not.to.equal(older.id);
      getByRole(el, 'button', 'Send').click();
      expect(sent[1]!.detail.replyToId).to.equal(newest);
    });
  });

  describe('Send with status', () => {
    it('asks for the properties a conditional status requires, validates them, then sends and moves the ticket', async () => {
      const desk = await makeDesk();
      const el = await mountEditor(desk, RICH);
      const box = await richTextbox(el);
      await waitFor(() => desk.store.state.tickets.entries['ticket-1']?.ticket, 'ticket');
      box.focus();
      await sendKeys({ type: 'We will wait for you' });
      await el.updateComplete;
      getByRole(el, 'button', 'More send options').click();
      await el.updateComplete;
      await expectNoAxeViolations(el);
      getByRole(el, 'menuitem', 'Send and set status to Closed').click();
      const form = await waitFor(() => queryByRole(el, 'form', 'Set status to Closed'), 'the form');
      const resolution = getByRole<HTMLSelectElement>(form, 'combobox', 'Resolution');
      const reason = getByRole<HTMLTextAreaElement>(form, 'textbox', 'Close reason');
      expect(document.activeElement === el && el.shadowRoot!.activeElement).to.equal(resolution);
      resolution.value = '';
      reason.value = '';
      getByRole(form, 'button', 'Send and set status').click();
      await el.updateComplete;
      expect(visibleText(form)).to.contain('Resolution is required for this status.');
      expect(visibleText(form)).to.contain('Close reason is required for this status.');
      expect(resolution.getAttribute('aria-invalid')).to.equal('true');
      await expectNoAxeViolations(el);
      expect(box.textContent).to.equal('We will wait for you');
      expect(desk.store.state.tickets.entries['ticket-1']!.confirmed!.stageId).not.to.equal('closed');

      resolution.value = 'solved';
      reason.focus();
      await sendKeys({ type: 'Answered the question' });
      getByRole(form, 'button', 'Send and set status').click();
      await waitFor(
        () => desk.store.state.tickets.entries['ticket-1']?.confirmed?.stageId === 'closed',
        'moved',
      );
      const props = desk.store.state.tickets.entries['ticket-1']!.confirmed!.properties;
      expect(props['resolution']).to.equal('solved');
      expect(props['closeReason']).to.equal('Answered the question');
      const thread = desk.store.thread$(RICH);
      let texts: string[] = [];
      thread.subscribe((t) => (texts = t.messages.map((m) => m.text))).unsubscribe();
      expect(texts.at(-1)).to.equal('We will wait for you');
      expect(queryByRole(el, 'form', 'Set status to Closed')).to.be.null;
    });

    it('still sends the reply when the ticket update is refused, and shows the error', async () => {
      const desk = await makeDesk();
      desk.adapter.updateTicket = () =>
        Promise.reject(new HelpDeskError('conflict', 'Someone else closed it.'));
      const el = await mountEditor(desk, RICH);
      const box = await richTextbox(el);
      await waitFor(() => desk.store.state.tickets.entries['ticket-1']?.ticket, 'ticket');
      box.focus();
      await sendKeys({ type: 'On it' });
      await el.updateComplete;
      getByRole(el, 'button', 'More send options').click();
      await el.updateComplete;
      getByRole(el, 'menuitem', 'Send and set status to Waiting on us').click();
      await waitFor(() => visibleText(el).includes('Someone else closed it.'), 'the error');
      expect(visibleText(el)).to.contain('The reply was sent, but the status was not changed');
      const thread = desk.store.state.messages.threads[RICH]!;
      expect(thread.ids.map((id) => thread.byId[id]!.text)).to.include('On it');
    });
  });

  describe('Failures and drafts', () => {
    it('keeps a reply that failed to send, as failed with Retry, and retries it', async () => {
      const desk = await makeDesk();
      const real = desk.adapter.sendMessage.bind(desk.adapter);
      let down = true;
      desk.adapter.sendMessage = (id, draft) =>
        down ? Promise.reject(new HelpDeskError('unavailable', 'The network is down.')) : real(id, draft);
      const el = await mountEditor(desk, RICH);
      const box = await richTextbox(el);
      box.focus();
      await sendKeys({ type: 'Lost in transit' });
      getByRole(el, 'button', 'Send').click();
      const retry = await waitFor(() => queryByRole(el, 'button', 'Retry'), 'Retry');
      expect(visibleText(el)).to.contain('Your reply was not sent: The network is down.');
      const thread = desk.store.state.messages.threads[RICH]!;
      const failed = Object.values(thread.pending).find((m) => m.text === 'Lost in transit');
      expect(failed?.status).to.equal('failed');
      await expectNoAxeViolations(el);
      down = false;
      retry.click();
      await waitFor(() => {
        const t = desk.store.state.messages.threads[RICH]!;
        return t.ids.some((id) => t.byId[id]!.clientId === failed!.clientId);
      }, 'delivered with the same clientId');
    });

    it('finds the draft, its attachments and channel again after a reload', async () => {
      const first = await makeDesk();
      const el = await mountEditor(first, RICH);
      const box = await richTextbox(el);
      box.focus();
      await sendKeys({ type: 'Draft ' });
      getByRole(el, 'button', 'Bold').click();
      await sendKeys({ type: 'kept' });
      choose(el, [png('kept.png')]);
      await waitFor(() => queryByRole(el, 'button', 'Remove kept.png'), 'uploaded');
      window.dispatchEvent(new Event('pagehide'));
      el.remove();
      first.store.dispose();

      const second = await makeDesk({ storage: first.storage });
      const again = await mountEditor(second, RICH);
      const box2 = await richTextbox(again);
      expect(box2.textContent).to.equal('Draft kept');
      expect(box2.querySelector('strong')?.textContent).to.equal('kept');
      getByRole(again, 'button', 'Remove kept.png');
      const saved: Attachment[] = second.store.state.drafts[RICH]!.attachments;
      expect(saved.map((a) => a.name)).to.deep.equal(['kept.png']);
    });

    it('keeps each conversation its own draft when switching', async () => {
      const desk = await makeDesk();
      const el = await mountEditor(desk, RICH);
      let box = await richTextbox(el);
      box.focus();
      await sendKeys({ type: 'For one' });
      el.conversationId = 'conv-2';
      await el.updateComplete;
      box = await richTextbox(el);
      expect(box.textContent).to.equal('');
      box.focus();
      await sendKeys({ type: 'For two' });
      el.conversationId = RICH;
      await el.updateComplete;
      expect((await richTextbox(el)).textContent).to.equal('For one');
      el.conversationId = 'conv-2';
      await el.updateComplete;
      expect((await richTextbox(el)).textContent).to.equal('For two');
    });
  });
});
