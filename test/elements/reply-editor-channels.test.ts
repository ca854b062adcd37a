import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';

import type {
  CallRequestEvent,
  ChannelChangeEvent,
  MessageSendEvent,
} from '../../src/elements/reply-editor/reply-editor.events.js';
import { expectNoAxeViolations } from '../helpers/axe.js';
import { getByRole, queryByRole, visibleText, waitFor } from '../helpers/queries.js';
import {
  chord,
  INCOMING_ONLY,
  makeDesk,
  mountEditor,
  PLAIN,
  RICH,
  richTextbox,
} from '../helpers/reply-editor-desk.js';

function paste(target: HTMLElement, data: Record<string, string>): void {
  const transfer = new DataTransfer();
  for (const [type, value] of Object.entries(data)) transfer.setData(type, value);
  target.dispatchEvent(
    new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }),
  );
}

describe('<reply-editor> channels and content', function () {
  // Under the shared 2-core machine, axe and the lazy engine can take a while.
  this.timeout(30_000);

  describe('Plain-text channel', () => {
    it('hides the styling buttons and sends plain text with links written out', async () => {
      const desk = await makeDesk();
      const el = await mountEditor(desk, PLAIN);
      await richTextbox(el);
      for (const name of ['Bold', 'Italic', 'Underline', 'Link', 'Bulleted list', 'Numbered list']) {
        expect(queryByRole(el, 'button', name), name).to.be.null;
      }
      getByRole(el, 'button', 'Insert image');
      await expectNoAxeViolations(el);

      // Insert a knowledge article: its link is written out in the text.
      getByRole(el, 'button', 'Insert').click();
      await el.updateComplete;
      getByRole(el, 'menuitem', 'Knowledge article').click();
      const search = await waitFor(
        () => queryByRole<HTMLInputElement>(el, 'searchbox', 'Search Knowledge article'),
        'search',
      );
      search.focus();
      await sendKeys({ type: 'reset' });
      const result = await waitFor(() => queryByRole(el, 'button', 'Reset your password'), 'result');
      result.click();
      let detail: MessageSendEvent['detail'] | undefined;
      el.addEventListener('message-send', (e) => (detail = e.detail));
      await waitFor(() => !(getByRole(el, 'button', 'Send') as HTMLButtonElement).disabled, 'Send enabled');
      getByRole(el, 'button', 'Send').click();
      expect(detail?.richText).to.be.undefined;
      expect(detail?.text).to.equal(
        'Open Settings, choose Security, then Reset password. Reset your password (https://help.acme.example/reset)',
      );
    });

    it('cleans pasted HTML from Word or a web page down to plain text', async () => {
      const desk = await makeDesk();
      const el = await mountEditor(desk, PLAIN);
      const box = await richTextbox(el);
      box.focus();
      paste(box, {
        'text/html':
          '<p class=MsoNormal><b>Bold</b> <span style="color:red">red</span><script>alert(1)</script><a href="javascript:alert(1)">bad</a></p>',
        'text/plain': 'Bold red bad',
      });
      expect(box.innerHTML).to.equal('<p>Bold redbad</p>');
      expect(box.querySelector('script, b, strong, a, span')).to.be.null;
    });
  });

  describe('Rich channel content', () => {
    it('keeps allowed formatting of pasted HTML and drops scripts and javascript: links', async () => {
      const desk = await makeDesk();
      const el = await mountEditor(desk, RICH);
      const box = await richTextbox(el);
      box.focus();
      paste(box, {
        'text/html':
          '<meta charset="utf-8"><p><b>Bold</b> <a href="https://ok.example/">ok</a> <a href="javascript:alert(1)">bad</a><img src=x onerror=alert(1)><script>alert(1)</script></p><table><tr><td>cell</td></tr></table>',
        'text/plain': 'Bold ok bad cell',
      });
      expect(box.querySelector('strong')?.textContent).to.equal('Bold');
      expect(box.querySelector('a')?.getAttribute('href')).to.equal('https://ok.example/');
      expect(box.querySelectorAll('a')).to.have.length(1);
      expect(box.querySelector('script, img, table')).to.be.null;
      expect(box.textContent).to.contain('cell');
    });

    it('cuts a 1 MB paste to the length limit and says so', async () => {
      const desk = await makeDesk();
      const el = await mountEditor(desk, RICH);
      el.maxLength = 500;
      const box = await richTextbox(el);
      box.focus();
      paste(box, { 'text/plain': 'x'.repeat(1024 * 1024) });
      await el.updateComplete;
      expect(box.textContent).to.have.length(500);
      expect(visibleText(el)).to.contain('The pasted text was cut to fit the 500-character limit.');
    });

    it('adds a link, and refuses a javascript: link with a message', async () => {
      const desk = await makeDesk();
      const el = await mountEditor(desk, RICH);
      const box = await richTextbox(el);
      box.focus();
      await sendKeys({ type: 'See ' });
      getByRole(el, 'button', 'Link').click();
      const url = await waitFor(() => queryByRole<HTMLInputElement>(el, 'textbox', 'Link URL'), 'link form');
      url.focus();
      await sendKeys({ type: 'javascript:alert(1)' });
      getByRole(el, 'button', 'Add link').click();
      await el.updateComplete;
      expect(visibleText(el)).to.contain('That link is not allowed');
      expect(box.querySelector('a')).to.be.null;
      await expectNoAxeViolations(el);
      url.value = '';
      url.focus();
      await sendKeys({ type: 'docs.acme.example/start' });
      getByRole<HTMLInputElement>(el, 'textbox', 'Link text').focus();
      await sendKeys({ type: 'the guide' });
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      const link = box.querySelector('a');
      expect(link?.textContent).to.equal('the guide');
      expect(link?.getAttribute('href')).to.equal('https://docs.acme.example/start');
    });

    it('inserts a snippet from the searchable picker', async () => {
      const desk = await makeDesk();
      const el = await mountEditor(desk, RICH);
      const box = await richTextbox(el);
      getByRole(el, 'button', 'Insert').click();
      await el.updateComplete;
      const item = getByRole(el, 'menuitem', 'Snippet');
      expect((el.shadowRoot!.activeElement as HTMLElement).textContent?.trim()).to.equal('Snippet');
      item.click();
      const search = await waitFor(
        () => queryByRole<HTMLInputElement>(el, 'searchbox', 'Search Snippet'),
        'search',
      );
      await expectNoAxeViolations(el);
      search.focus();
      await sendKeys({ type: 'closing' });
      (await waitFor(() => queryByRole(el, 'button', 'Closing'), 'the Closing snippet')).click();
      await waitFor(() => box.textContent === 'Is there anything else I can help you with?', 'inserted text');
      expect(queryByRole(el, 'dialog', 'Snippet')).to.be.null;
    });
  });

  describe('Channel menu', () => {
    it('explains and disables Send on a channel without outgoing messages; Email lifts it', async () => {
      const desk = await makeDesk();
      const el = await mountEditor(desk, INCOMING_ONLY);
      const box = await richTextbox(el);
      box.focus();
      await sendKeys({ type: 'Hello by mail' });
      await el.updateComplete;
      expect(visibleText(el)).to.contain('Pulse Forms does not allow outgoing messages');
      expect(getByRole<HTMLButtonElement>(el, 'button', 'Send').disabled).to.be.true;
      await expectNoAxeViolations(el);

      const changes: ChannelChangeEvent[] = [];
      el.addEventListener('channel-change', (e) => changes.push(e));
      getByRole(el, 'button', /^Channel: Pulse/).click();
      await el.updateComplete;
      getByRole(el, 'menuitemradio', 'Email').click();
      await el.updateComplete;
      expect(changes.map((e) => e.detail.channel)).to.deep.equal(['email']);
      expect(desk.store.state.drafts[INCOMING_ONLY]?.channel).to.equal('email');
      getByRole(el, 'button', 'Channel: Email');
      expect(visibleText(el)).not.to.contain('does not allow outgoing messages');
      let detail: MessageSendEvent['detail'] | undefined;
      el.addEventListener('message-send', (e) => (detail = e.detail));
      await waitFor(() => !(getByRole(el, 'button', 'Send') as HTMLButtonElement).disabled, 'Send enabled');
      getByRole(el, 'button', 'Send').click();
      expect(detail?.channel).to.equal('email');
    });

    it('asks the host for a call when "Call" is picked, and keeps the choice in the draft', async () => {
      const desk = await makeDesk();
      const el = await mountEditor(desk, RICH);
      const calls: CallRequestEvent[] = [];
      el.addEventListener('call-request', (e) => calls.push(e));
      getByRole(el, 'button', /^Channel/).click();
      await el.updateComplete;
      await expectNoAxeViolations(el);
      getByRole(el, 'menuitemradio', 'Call').click();
      await el.updateComplete;
      expect(calls.map((e) => e.detail.conversationId)).to.deep.equal([RICH]);
      expect(desk.store.state.drafts[RICH]?.channel).to.equal('call');
    });

    it('opens with the keyboard and closes with Escape back on the button', async () => {
      const desk = await makeDesk();
      const el = await mountEditor(desk, RICH);
      const button = getByRole(el, 'button', /^Channel/);
      button.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(button.getAttribute('aria-expanded')).to.equal('true');
      await sendKeys({ press: 'ArrowDown' });
      expect((el.shadowRoot!.activeElement as HTMLElement).textContent?.trim()).to.equal('Email');
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(queryByRole(el, 'menu', 'Channel')).to.be.null;
      expect(el.shadowRoot!.activeElement).to.equal(button);
    });
  });

  describe('Keyboard', () => {
    it('sends with Ctrl+Enter from the plain text area too', async () => {
      const desk = await makeDesk();
      const el = await mountEditor(desk, RICH);
      const area = queryByRole<HTMLElement>(el, 'textbox', 'Reply')!;
      let sent = '';
      el.addEventListener('message-send', (e) => (sent = e.detail.text));
      area.focus();
      await sendKeys({ type: 'Quick' });
      await chord('Control', 'Enter');
      expect(sent).to.equal('Quick');
    });
  });
});
