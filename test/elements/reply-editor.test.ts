import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';

import { setEngineLoader } from '../../src/elements/reply-editor/engine-loader.js';
import type { MessageSendEvent } from '../../src/elements/reply-editor/reply-editor.events.js';
import { ReplyEditor } from '../../src/elements/reply-editor/reply-editor.js';
import { LazyView } from '../../src/internal/lazy-view.js';
import { expectNoAxeViolations } from '../helpers/axe.js';
import { getByRole, queryByRole, waitFor } from '../helpers/queries.js';
import { chord, makeDesk, mountEditor, RICH, richTextbox } from '../helpers/reply-editor-desk.js';

/** A reply editor whose view (the composer around the text area) arrives only when the test lets it. */
class HeldViewEditor extends ReplyEditor {
  static gate: Promise<void> = Promise.resolve();
  constructor() {
    super();
    this.removeController(this.view);
    (this as { view: ReplyEditor['view'] }).view = new LazyView(this, async () => {
      await HeldViewEditor.gate;
      return import('../../src/elements/reply-editor/reply-editor-view.js');
    });
  }
}
customElements.define('held-view-reply-editor', HeldViewEditor);

function lastMessage(desk: Awaited<ReturnType<typeof makeDesk>>, id = RICH) {
  const messages = desk.store.state.messages.threads[id];
  const local = messages?.pendingOrder.map((c) => messages.pending[c]!) ?? [];
  const confirmed = messages?.ids.map((m) => messages.byId[m]!) ?? [];
  return [...confirmed, ...local].at(-1);
}

describe('<reply-editor>', function () {
  // Under the shared 2-core machine, axe and the lazy engine can take a while.
  this.timeout(30_000);

  afterEach(() => setEngineLoader());

  describe('Defaults', () => {
    it('offers a "Reply" textbox, a toolbar of named buttons and "Send"', async () => {
      const desk = await makeDesk();
      const el = await mountEditor(desk);
      const box = await richTextbox(el);
      expect(box.getAttribute('aria-multiline')).to.equal('true');
      for (const name of [
        'Bold',
        'Italic',
        'Underline',
        'Link',
        'Bulleted list',
        'Numbered list',
        'Insert image',
        'Attach file',
        'Insert',
      ]) {
        getByRole(el, 'button', name);
      }
      expect(getByRole<HTMLButtonElement>(el, 'button', 'Send').disabled).to.be.true;
      getByRole(el, 'button', 'More send options');
      await expectNoAxeViolations(el);
    });

    it('names no channel of its own while no conversation is open', async () => {
      const desk = await makeDesk();
      const el = await fixture<ReplyEditor>(html`<reply-editor .store=${desk.store}></reply-editor>`);
      await el.updateComplete;
      getByRole(el, 'button', 'Channel');
      expect(queryByRole(el, 'button', /custom/i)).to.equal(null);
    });

    it('is a plain text area that takes typing until the editor engine arrives, and keeps it', async () => {
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      setEngineLoader(async () => {
        await gate;
        return (await import('../../src/elements/reply-editor/rich-editor.js')).createRichEditor;
      });
      const desk = await makeDesk();
      const el = await mountEditor(desk);
      const area = getByRole<HTMLTextAreaElement>(el, 'textbox', 'Reply');
      expect(area.localName).to.equal('textarea');
      await expectNoAxeViolations(el);
      area.focus();
      await sendKeys({ type: 'Typed early' });
      expect(area.value).to.equal('Typed early');
      release();
      const box = await richTextbox(el);
      expect(box.textContent).to.equal('Typed early');
      expect(queryByRole(el, 'textbox', 'Reply')).to.equal(box);
      // The cursor stays at the end, focus in the editor: typing goes on.
      await sendKeys({ type: '!' });
      expect(box.textContent).to.equal('Typed early!');
    });
  });

  describe('Before its view arrives', () => {
    it('takes typing in the text area, saves it as the draft, and keeps it and the focus when the view arrives', async () => {
      let release!: () => void;
      HeldViewEditor.gate = new Promise<void>((r) => (release = r));
      const desk = await makeDesk();
      const el = document.createElement('held-view-reply-editor') as HeldViewEditor;
      el.store = desk.store;
      el.conversationId = RICH;
      document.body.append(el);
      try {
        const area = await waitFor(
          () => queryByRole<HTMLTextAreaElement>(el, 'textbox', 'Reply'),
          'the text area',
        );
        expect(el.shadowRoot!.querySelector('[aria-busy="true"]')).not.to.equal(null);
        expect(queryByRole(el, 'button', 'Send')).to.equal(null);
        area.focus();
        await sendKeys({ type: 'Typed early' });
        expect(area.value).to.equal('Typed early');
        window.dispatchEvent(new Event('pagehide'));
        expect(desk.store.state.drafts[RICH]?.text).to.equal('Typed early');

        release();
        await el.updateComplete;
        getByRole(el, 'button', 'Send');
        const box = await richTextbox(el);
        expect(box.textContent).to.equal('Typed early');
        await sendKeys({ type: '!' });
        expect(box.textContent).to.equal('Typed early!');
      } finally {
        el.remove();
      }
    });
  });

  describe('Sending', () => {
    it('sends what was typed with Ctrl+Enter, and empties the editor', async () => {
      const desk = await makeDesk();
      const el = await mountEditor(desk);
      const box = await richTextbox(el);
      box.focus();
      await sendKeys({ type: 'Hello there' });
      const sent: MessageSendEvent[] = [];
      el.addEventListener('message-send', (e) => sent.push(e));
      await chord('Control', 'Enter');
      expect(sent).to.have.length(1);
      expect(sent[0]!.detail.text).to.equal('Hello there');
      expect(sent[0]!.detail.richText).to.be.undefined;
      expect(lastMessage(desk)?.text).to.equal('Hello there');
      await el.updateComplete;
      expect(box.textContent).to.equal('');
    });

    it('sends with the Send button', async () => {
      const desk = await makeDesk();
      const el = await mountEditor(desk);
      const box = await richTextbox(el);
      box.focus();
      await sendKeys({ type: 'By button' });
      await el.updateComplete;
      getByRole(el, 'button', 'Send').click();
      await waitFor(() => lastMessage(desk)?.text === 'By button', 'the sent message');
      expect(lastMessage(desk)?.direction).to.equal('outgoing');
    });

    it('does not send when the host cancels message-send, and keeps the text', async () => {
      const desk = await makeDesk();
      const el = await mountEditor(desk);
      const box = await richTextbox(el);
      box.focus();
      await sendKeys({ type: 'Keep me' });
      el.addEventListener('message-send', (e) => e.preventDefault());
      await chord('Control', 'Enter');
      expect(lastMessage(desk)?.text).not.to.equal('Keep me');
      expect(box.textContent).to.equal('Keep me');
    });
  });

  describe('Formatting', () => {
    it('makes text bold with the Bold button and sends it as rich text', async () => {
      const desk = await makeDesk();
      const el = await mountEditor(desk);
      const box = await richTextbox(el);
      box.focus();
      await sendKeys({ type: 'Plain ' });
      const bold = getByRole(el, 'button', 'Bold');
      bold.click();
      await sendKeys({ type: 'strong' });
      await el.updateComplete;
      expect(bold.getAttribute('aria-pressed')).to.equal('true');
      expect(box.querySelector('strong')?.textContent).to.equal('strong');
      let detail: MessageSendEvent['detail'] | undefined;
      el.addEventListener('message-send', (e) => (detail = e.detail));
      await chord('Control', 'Enter');
      expect(detail?.richText).to.equal('<p>Plain <strong>strong</strong></p>');
      expect(detail?.text).to.equal('Plain strong');
    });

    it('makes text bold and italic with the keyboard shortcuts', async () => {
      const desk = await makeDesk();
      const el = await mountEditor(desk);
      const box = await richTextbox(el);
      box.focus();
      await chord('Control', 'b');
      await sendKeys({ type: 'loud' });
      await chord('Control', 'b');
      await chord('Control', 'i');
      await sendKeys({ type: 'soft' });
      expect(box.querySelector('strong')?.textContent).to.equal('loud');
      expect(box.querySelector('em')?.textContent).to.equal('soft');
      await el.updateComplete;
      expect(getByRole(el, 'button', 'Italic').getAttribute('aria-pressed')).to.equal('true');
      await expectNoAxeViolations(el);
    });
  });

  describe('Drafts', () => {
    it('keeps the draft when the editor is removed and mounted again', async () => {
      const desk = await makeDesk();
      const el = await mountEditor(desk);
      const box = await richTextbox(el);
      box.focus();
      await sendKeys({ type: 'Half a thought' });
      el.remove();
      const again = await mountEditor(desk);
      const box2 = await richTextbox(again);
      expect(box2.textContent).to.equal('Half a thought');
    });
  });
});
