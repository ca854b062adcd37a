import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';

import { MemoryAdapter } from '../src/adapters/memory/index.js';
import { ThreadView } from '../src/elements/thread-view/thread-view.js';
import { createFixture } from '../src/fixtures/index.js';
import { WAV_URL } from '../src/fixtures/media.js';
import type { Attachment, Message } from '../src/model/index.js';
import type { DeskParameters } from './decorators.js';

// The lead registers <thread-view> in the registry; until then the story defines it itself.
if (!customElements.get('thread-view')) customElements.define('thread-view', ThreadView);

const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const PHOTO =
  'data:image/svg+xml,' +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 240"><rect width="320" height="240" fill="#cfe3f7"/><circle cx="250" cy="60" r="28" fill="#f7d36b"/><path d="M0 240 L110 110 L180 190 L230 140 L320 240Z" fill="#4f8a5b"/></svg>',
  );

/** The thread's shadow root once its messages are on screen (polled: a story has no test helpers). */
async function loadedThread(canvas: HTMLElement): Promise<ShadowRoot> {
  for (let i = 0; i < 100; i++) {
    const root = canvas.querySelector('thread-view')?.shadowRoot;
    if (root?.querySelector('article')) return root;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('The thread did not load');
}

type Extra = Partial<Message> & { attachments?: Attachment[] };

/**
 * A desk whose first conversation ends with the given messages (the rest of the fixture as usual),
 * in a provider of its own inside the story's; its theme and language follow the toolbar.
 */
function deskWith(extra: Extra[]) {
  const fixture = createFixture({ seed: 1, conversations: 20 });
  const thread = fixture.messages['conv-1']!;
  const last = thread.at(-1)!;
  extra.forEach((patch, i) => {
    const seq = last.seq + i + 1;
    thread.push({
      ...last,
      id: `conv-1-x${i}`,
      clientId: `client-conv-1-x${i}`,
      seq,
      text: '',
      attachments: [],
      replyToId: undefined,
      status: 'delivered',
      direction: 'incoming',
      sender: { kind: 'contact', name: fixture.conversations[0]!.contactName },
      createdAt: new Date(Date.parse(last.createdAt) + (i + 1) * 60_000).toISOString(),
      ...patch,
    });
  });
  return new MemoryAdapter({ fixture });
}

const attachment = (kind: string, patch: Partial<Attachment>): Attachment => ({
  id: `a-${kind}-${patch.name ?? ''}`,
  kind: kind as Attachment['kind'],
  name: `${kind}`,
  mimeType: 'application/octet-stream',
  sizeBytes: 1000,
  ...patch,
});

/**
 * `<thread-view>` shows one conversation: a virtualized `log` of messages with day separators,
 * grouped senders, attachments, quotes of replied-to messages, delivery status and retry; a
 * header with the contact, the channel, the ticket and its owner.
 */
const meta: Meta = {
  title: 'Elements/thread-view',
  component: 'thread-view',
  render: () => html`<thread-view conversation-id="conv-1"></thread-view>`,
  parameters: { layout: 'fullscreen' },
};
export default meta;

type Story = StoryObj;

/** The play function answers the second-newest message: its Reply button makes it the reply target. */
export const AFew: Story = {
  name: 'A few messages',
  play: async ({ canvasElement }) => {
    const root = await loadedThread(canvasElement);
    const articles = root.querySelectorAll('article');
    articles[articles.length - 2]?.querySelector<HTMLButtonElement>('button.reply')?.click();
  },
};

export const Empty: Story = {
  parameters: { desk: { fixture: { firstConversationMessages: 0 } } satisfies DeskParameters },
};

export const NoConversation: Story = {
  name: 'No conversation selected',
  render: () => html`<thread-view></thread-view>`,
};

export const Loading: Story = {
  parameters: { desk: { latencyMs: 24 * 3600_000 } satisfies DeskParameters },
};

export const LoadError: Story = {
  name: 'Error',
  parameters: {
    desk: { faults: { failRate: 1, failMethods: ['listMessages'] } } satisfies DeskParameters,
  },
};

/** 10,000 messages: pages of 100 load as the rep scrolls up; only the rows near the viewport exist. */
export const TenThousand: Story = {
  name: '10,000-message thread',
  parameters: {
    desk: { fixture: { conversations: 50, firstConversationMessages: 10_000 } } satisfies DeskParameters,
  },
};

/** New messages arrive every few seconds; scroll up to see the "New messages" button. */
export const LiveTraffic: Story = {
  parameters: { desk: { simulateTraffic: true } satisfies DeskParameters },
};

/** The play function opens the image in its dialog; Escape closes it. */
export const EveryAttachmentKind: Story = {
  name: 'Every attachment kind',
  play: async ({ canvasElement }) => {
    const root = await loadedThread(canvasElement);
    root.querySelector<HTMLButtonElement>('button.image')?.click();
  },
  render: (_args, context) =>
    html`<help-desk-provider
      .adapter=${deskWith([
        {
          text: 'The box arrived like this',
          attachments: [
            attachment('image', { name: 'damaged-box.svg', url: PHOTO, width: 320, height: 240 }),
          ],
        },
        { attachments: [attachment('sticker', { name: 'smile.png', url: PNG })] },
        {
          attachments: [
            attachment('video', {
              name: 'unboxing.mp4',
              url: 'https://example.com/unboxing.mp4',
              thumbnailUrl: PHOTO,
              durationMs: 12_500,
            }),
          ],
        },
        {
          attachments: [
            attachment('audio', {
              name: 'call-recording.wav',
              url: WAV_URL,
              durationMs: 95_000,
            }),
          ],
        },
        {
          attachments: [
            attachment('voice-note', {
              name: 'voice.ogg',
              url: WAV_URL,
              durationMs: 7_000,
            }),
          ],
        },
        {
          text: 'Here is the invoice',
          direction: 'outgoing',
          sender: { kind: 'agent', id: 'agent-1', name: 'Ana' },
          status: 'read',
          attachments: [
            attachment('file', {
              name: 'invoice-2026-10.pdf',
              url: 'https://example.com/invoice.pdf',
              sizeBytes: 96_400,
            }),
          ],
        },
        {
          attachments: [
            attachment('hologram', {
              name: 'unknown-kind.holo',
              url: 'https://example.com/x.holo',
              sizeBytes: 12,
            }),
          ],
        },
        { attachments: [attachment('image', { name: 'missing-url.png' })] },
      ])}
      theme=${context.globals['theme'] ?? 'light'}
      locale=${context.globals['locale'] ?? 'en'}
    >
      <thread-view conversation-id="conv-1"></thread-view>
    </help-desk-provider>`,
};

export const Dark: Story = { parameters: { desk: { theme: 'dark' } satisfies DeskParameters } };

export const PortugueseBR: Story = {
  name: 'pt-BR',
  parameters: { desk: { locale: 'pt-BR' } satisfies DeskParameters },
};

export const RightToLeft: Story = {
  name: 'Right-to-left page',
  render: () => html`<div dir="rtl"><thread-view conversation-id="conv-1"></thread-view></div>`,
};

/** Every kind of bad input the issue names, rendered safely. */
export const HostileInput: Story = {
  name: 'Hostile input',
  render: (_args, context) =>
    html`<help-desk-provider
      .adapter=${deskWith([
        { text: '<script>alert(1)</script><img src=x onerror=alert(1)> is shown as text' },
        {
          text: 'rich',
          richText:
            '<p><a href="javascript:alert(1)">javascript: link</a>, <a href="data:text/html,x">data: link</a>, <a href="https://example.com">a safe link</a><iframe src="https://example.com"></iframe></p>',
        },
        { text: 'مرحبا، طلبي لم يصل بعد. هل يمكنك المساعدة؟' },
        { text: 'zero\u200Bwidth e\u0301\u0301\u0301 Z̷̢͈a̴͎͝l̸̰̈g̶̱̿o̵̜͐ 👩‍👩‍👧‍👦 🏳️‍🌈 👍🏽 🇧🇷' },
        { text: 'A'.repeat(100_000) },
        { sender: { kind: 'contact', name: '' }, text: 'From a sender with no name' },
        {
          attachments: [
            attachment('file', { name: 'report\u202Efdp.exe', sizeBytes: -5 }),
            attachment('audio', { name: 'x.wav', url: 'javascript:alert(1)' }),
          ],
        },
        {
          direction: 'outgoing',
          sender: { kind: 'agent', id: 'agent-1', name: 'Ana' },
          text: 'This one failed',
          status: 'failed',
          error: 'The channel rejected the message.',
        },
      ])}
      theme=${context.globals['theme'] ?? 'light'}
      locale=${context.globals['locale'] ?? 'en'}
    >
      <thread-view conversation-id="conv-1"></thread-view>
    </help-desk-provider>`,
};
