import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html, render } from 'lit';

import { renderAttachment } from '../../src/elements/thread-view/attachment-templates.js';
import { cutText } from '../../src/elements/thread-view/message-text.js';
import type { Attachment, Message } from '../../src/model/index.js';
import { expectNoAxeViolations } from '../helpers/axe.js';
import { allByRole, getByRole, nameOf, queryByRole, waitFor } from '../helpers/thread-view-dom.js';
import { messages, mountThread, scrollLogTo, settle } from '../helpers/thread-view-fixture.js';

const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
// A valid 100 ms WAV, so the audio element has nothing to fail on.
const WAV = (() => {
  const bytes = new Uint8Array(44 + 800);
  const view = new DataView(bytes.buffer);
  const ascii = (o: number, t: string) => [...t].forEach((c, i) => (bytes[o + i] = c.charCodeAt(0)));
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + 800, true);
  ascii(8, 'WAVEfmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, 8000, true);
  view.setUint32(28, 8000, true);
  view.setUint16(32, 1, true);
  view.setUint16(34, 8, true);
  ascii(36, 'data');
  view.setUint32(40, 800, true);
  bytes.fill(128, 44);
  return `data:audio/wav;base64,${btoa(String.fromCharCode(...bytes))}`;
})();

function att(kind: string, extra: Partial<Attachment> = {}): Attachment {
  return {
    id: `a-${kind}`,
    kind: kind as Attachment['kind'],
    name: `${kind}.bin`,
    mimeType: 'application/octet-stream',
    sizeBytes: 2048,
    ...extra,
  };
}

/** One thread whose last messages carry the given attachments (one message each). */
function withAttachments(list: Attachment[], extra: Partial<Message>[] = []): Message[] {
  const base = messages('conv-1', 2);
  list.forEach((a, i) =>
    base.push({ ...messages('conv-1', 1, 3 + i)[0]!, text: '', attachments: [a], ...extra[i] }),
  );
  return base;
}

function articleWith(root: ParentNode, text: string | RegExp): HTMLElement {
  const found = allByRole(root, 'article').filter((a) =>
    typeof text === 'string' ? a.textContent!.includes(text) : text.test(a.textContent!),
  );
  if (found.length !== 1) throw new Error(`Expected one article with ${String(text)}, found ${found.length}`);
  return found[0]!;
}

describe('<thread-view> content', () => {
  describe('Attachments', () => {
    it('shows an image thumbnail that opens a dialog with the full image; Escape closes it', async () => {
      const { el } = await mountThread({
        messages: withAttachments([
          att('image', { name: 'damaged-box.png', url: PNG, width: 320, height: 240 }),
        ]),
      });
      const thumb = getByRole(el.shadowRoot!, 'button', 'Open image damaged-box.png');
      thumb.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      const dialog = getByRole(el.shadowRoot!, 'dialog', 'damaged-box.png') as HTMLDialogElement;
      expect(dialog.open).to.be.true;
      expect((getByRole(dialog, 'img', 'damaged-box.png') as HTMLImageElement).src).to.equal(PNG);
      await expectNoAxeViolations(el);
      await sendKeys({ press: 'Escape' });
      await waitFor(() => !dialog.open, 'the dialog to close');
    });

    it('plays audio and compact voice notes, with their duration', async () => {
      const { el } = await mountThread({
        messages: withAttachments([
          att('audio', { name: 'call.wav', url: WAV, durationMs: 65_000 }),
          att('voice-note', { name: 'note.wav', url: WAV, durationMs: 4_000 }),
        ]),
      });
      const audio = getByRole(el.shadowRoot!, 'group', 'Audio: call.wav');
      expect(audio.querySelector('audio[controls][preload="metadata"]')).to.exist;
      expect(audio.textContent).to.contain('1:05');
      const voice = getByRole(el.shadowRoot!, 'group', 'Voice note');
      expect(voice.classList.contains('voice')).to.be.true;
      expect(voice.textContent).to.contain('0:04');
    });

    it('shows a sticker as an image without a bubble', async () => {
      const { el } = await mountThread({
        messages: withAttachments([att('sticker', { name: 'smile.png', url: PNG })]),
      });
      const sticker = getByRole(el.shadowRoot!, 'img', 'Sticker: smile.png');
      expect(sticker.closest('article')!.querySelector('.bubble')).to.be.null;
    });

    it('shows a video player with controls that loads metadata only', () => {
      const host = document.createElement('div');
      const ctx = { broken: new Set<string>(), onBroken: () => undefined, onOpenImage: () => undefined };
      render(
        html`${renderAttachment(att('video', { name: 'clip.mp4', url: 'https://example.com/clip.mp4', thumbnailUrl: PNG }), 'k', ctx)}`,
        host,
      );
      const video = host.querySelector('video')!;
      expect(video.controls).to.be.true;
      expect(video.getAttribute('preload')).to.equal('metadata');
      expect(video.getAttribute('src')).to.equal('https://example.com/clip.mp4');
      expect(video.getAttribute('poster')).to.equal(PNG);
      expect(nameOf(host.querySelector('[role="group"]')!)).to.equal('Video: clip.mp4');
    });

    it('gives a video a box of its own, so its row does not grow when the file loads', async () => {
      const { el } = await mountThread({ messages: messages('conv-1', 2) });
      // The file's own size (a 4:3 clip, here its attributes' ratio) does not size the box.
      const video = document.createElement('video');
      video.width = 640;
      video.height = 480;
      el.shadowRoot!.querySelector('article')!.append(video);
      const box = video.getBoundingClientRect();
      expect([Math.round(box.width), Math.round(box.height)]).to.deep.equal([320, 180]);
    });

    it('shows a file with its name, size and a download link; an unknown kind is shown as a file', async () => {
      const { el } = await mountThread({
        messages: withAttachments([
          att('file', { name: 'invoice.pdf', url: 'https://example.com/invoice.pdf', sizeBytes: 96_400 }),
          att('hologram', { name: 'future.holo', url: 'https://example.com/f.holo', sizeBytes: 10 }),
        ]),
      });
      const file = getByRole(el.shadowRoot!, 'group', 'File: invoice.pdf');
      expect(file.textContent).to.match(/96(\.4)? kB/);
      const link = getByRole(file, 'link', 'Download invoice.pdf') as HTMLAnchorElement;
      expect(link.href).to.equal('https://example.com/invoice.pdf');
      expect(link.rel).to.equal('noopener noreferrer');
      expect(getByRole(el.shadowRoot!, 'link', 'Download future.holo')).to.exist;
    });

    it('shows a placeholder for a missing or broken URL, a negative size, and a hostile file name', async () => {
      const { el } = await mountThread({
        messages: withAttachments([
          att('image', { name: 'gone.png' }),
          // A 404 from the test server: broken at once, with no wait on a name lookup that cannot succeed.
          att('image', { name: 'broken.png', url: `${location.origin}/no-such-image/broken.png` }),
          att('video', { name: 'clip.mp4' }),
          att('file', { name: 'report\u202Efdp.exe', sizeBytes: -5 }),
          att('audio', { name: 'x.wav', url: 'javascript:alert(1)' }),
        ]),
      });
      expect(getByRole(el.shadowRoot!, 'img', 'Image unavailable: gone.png')).to.exist;
      await waitFor(
        () => queryByRole(el.shadowRoot!, 'img', 'Image unavailable: broken.png'),
        'the broken image placeholder',
      );
      expect(getByRole(el.shadowRoot!, 'img', 'Video unavailable: clip.mp4')).to.exist;
      expect(getByRole(el.shadowRoot!, 'img', 'Audio unavailable: x.wav')).to.exist;
      const file = getByRole(el.shadowRoot!, 'group', 'File: reportfdp.exe');
      expect(file.querySelector('.size')).to.be.null;
      expect(queryByRole(file, 'link')).to.be.null;
      expect(file.textContent).to.contain('Unavailable');
      expect(el.shadowRoot!.querySelector('[src^="javascript"], [href^="javascript"]')).to.be.null;
      await expectNoAxeViolations(el);
    });
  });

  describe('Bad input', () => {
    it('shows a 100,000-character message collapsed, expandable, and leaves the thread usable', async () => {
      const list = messages('conv-1', 3);
      list.push({ ...messages('conv-1', 1, 4)[0]!, text: 'x'.repeat(100_000) });
      const { el, store } = await mountThread({ messages: list });
      const article = articleWith(el.shadowRoot!, /xxxx/);
      expect(article.querySelector('.bubble')!.textContent!.length).to.be.below(3100);
      getByRole(article, 'button', 'Show more').click();
      await settle(el);
      expect(articleWith(el.shadowRoot!, /xxxx/).querySelector('.bubble')!.textContent!.length).to.equal(
        100_000,
      );
      getByRole(articleWith(el.shadowRoot!, /xxxx/), 'button', 'Reply').click();
      expect(store.state.ui.replyTargets['conv-1']).to.equal('m4');
      // The messages before it are still reachable.
      await scrollLogTo(el, 0);
      getByRole(articleWith(el.shadowRoot!, 'Message number 1'), 'button', 'Reply').click();
      expect(store.state.ui.replyTargets['conv-1']).to.equal('m1');
    });

    it('shows HTML and script in plain text as text', async () => {
      const list = messages('conv-1', 1);
      list.push({
        ...messages('conv-1', 1, 2)[0]!,
        text: '<script>alert(1)</script><img src=x onerror=alert(1)> <b>hi</b>',
      });
      const { el } = await mountThread({ messages: list });
      const article = articleWith(el.shadowRoot!, '<script>alert(1)</script>');
      expect(article.querySelector('script, img, b')).to.be.null;
    });

    it('strips javascript: and data: links from rich bodies and keeps safe links', async () => {
      const list = messages('conv-1', 1);
      list.push({
        ...messages('conv-1', 1, 2)[0]!,
        text: 'links',
        richText:
          '<p><a href="javascript:alert(1)">evil</a> <a href="data:text/html,<script>alert(1)</script>">data</a> <a href="https://example.com">good</a><img src=x onerror=alert(1)><iframe src="https://example.com"></iframe><span style="color:red" onclick="alert(1)">styled</span></p>',
      });
      const { el } = await mountThread({ messages: list });
      const article = articleWith(el.shadowRoot!, 'evil');
      const links = [...article.querySelectorAll('.bubble a')] as HTMLAnchorElement[];
      expect(links.map((a) => a.getAttribute('href'))).to.deep.equal([null, null, 'https://example.com/']);
      expect(links[2]!.rel).to.equal('noopener noreferrer');
      expect(article.querySelector('iframe, script, [style], [onclick], [onerror]')).to.be.null;
    });

    it('keeps right-to-left, zero-width, combining and emoji text intact, and links URLs in text', async () => {
      const texts = [
        'مرحبا، طلبي لم يصل بعد',
        'zero\u200Bwidth\u200Djoin e\u0301\u0301\u0301 Z̷̢͈a̴͎͝l̸̰̈g̶̱̿o̵̜͐',
        '👩‍👩‍👧‍👦 🏳️‍🌈 👍🏽 🇧🇷',
        'Track at https://example.com/track?id=1 now',
      ];
      const list = messages('conv-1', 1);
      texts.forEach((text, i) => list.push({ ...messages('conv-1', 1, 2 + i)[0]!, text }));
      const { el } = await mountThread({ messages: list });
      for (const text of texts) {
        const article = articleWith(el.shadowRoot!, text);
        expect(article.querySelector('.bubble')!.getAttribute('dir')).to.equal('auto');
      }
      const link = getByRole(el.shadowRoot!, 'link', 'https://example.com/track?id=1') as HTMLAnchorElement;
      expect(link.target).to.equal('_blank');
      expect(link.rel).to.equal('noopener noreferrer');
      await expectNoAxeViolations(el);
    });

    it('never cuts an emoji sequence or combining mark when collapsing long text', () => {
      const family = '👩‍👩‍👧‍👦';
      const text = 'a'.repeat(2995) + family + 'e\u0301'.repeat(10);
      const cut = cutText(text);
      expect(cut.endsWith(family) || cut.endsWith('a')).to.be.true;
      expect(cutText('a'.repeat(2999) + 'e\u0301\u0301')).to.equal('a'.repeat(2999));
    });

    it('names a sender with no name, and a message with no text, attachments or valid date', async () => {
      const list = messages('conv-1', 1);
      list.push({ ...messages('conv-1', 1, 2)[0]!, sender: { kind: 'contact', name: '' }, text: 'who?' });
      list.push({
        ...messages('conv-1', 1, 3)[0]!,
        text: '',
        createdAt: 'not a date',
        attachments: undefined as unknown as [],
      });
      const { el } = await mountThread({ messages: list });
      expect(nameOf(articleWith(el.shadowRoot!, 'who?'))).to.match(/^Unknown contact, /);
      expect(allByRole(el.shadowRoot!, 'article').length).to.equal(3);
    });
  });
});
