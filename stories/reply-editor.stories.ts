import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';

import { ReplyEditor } from '../src/elements/reply-editor/reply-editor.js';
import type { DeskParameters } from './decorators.js';

// The lead wires the tag into registry.ts; until then the story registers it itself.
if (!customElements.get('reply-editor')) customElements.define('reply-editor', ReplyEditor);

interface Args {
  conversationId: string;
  placeholder: string;
  disabled: boolean;
  maxLength: number;
}

/**
 * `<reply-editor>` writes a reply: rich text (ProseMirror, loaded on demand), attachments,
 * insertables, the "Channel" menu and Send or Send with a ticket status. conv-1 is on Lumen Chat
 * (rich text), conv-8 on Parrot SMS (plain text, one image), conv-13 on Pulse Forms (incoming only).
 */
const meta: Meta<Args> = {
  title: 'Elements/reply-editor',
  component: 'reply-editor',
  args: { conversationId: 'conv-1', placeholder: '', disabled: false, maxLength: 0 },
  render: (args) =>
    html`<reply-editor
      conversation-id=${args.conversationId}
      placeholder=${args.placeholder || 'Write a reply…'}
      ?disabled=${args.disabled}
      max-length=${args.maxLength || 100000}
    ></reply-editor>`,
};
export default meta;

type Story = StoryObj<Args>;

async function editorIn(canvas: HTMLElement): Promise<ReplyEditor> {
  const el = canvas.querySelector('reply-editor')!;
  await el.updateComplete;
  return el;
}

function attach(el: ReplyEditor, files: File[]): void {
  const input = el.shadowRoot!.querySelector<HTMLInputElement>('input[type="file"]')!;
  const transfer = new DataTransfer();
  files.forEach((f) => transfer.items.add(f));
  input.files = transfer.files;
  input.dispatchEvent(new Event('change'));
}

// A small valid PNG (1×1), so the thumbnail shows.
const pixel = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='),
  (c) => c.charCodeAt(0),
);
const image = (name: string) => new File([pixel], name, { type: 'image/png' });

export const Default: Story = {};

/** A channel without rich text: no styling buttons; links are written out in the text. */
export const PlainTextChannel: Story = { args: { conversationId: 'conv-8' } };

/** A channel that takes no outgoing messages: the editor says so and Send stays off until Email is picked. */
export const ReadOnlyChannel: Story = { args: { conversationId: 'conv-13' } };

export const WithAttachments: Story = {
  play: async ({ canvasElement }) => {
    const el = await editorIn(canvasElement);
    attach(el, [image('screenshot.png'), new File(['Order 1042'], 'invoice.txt', { type: 'text/plain' })]);
  },
};

/** Uploads take a while here: each shows its progress and can be cancelled. */
export const Uploading: Story = {
  parameters: { desk: { latencyMs: 60_000 } satisfies DeskParameters },
  play: async ({ canvasElement }) => {
    const el = await editorIn(canvasElement);
    attach(el, [image('large-photo.png')]);
  },
};

/** The send fails (the backend is down): the message stays, failed, with Retry. */
export const SendError: Story = {
  name: 'Error',
  parameters: {
    desk: {
      faults: { failRate: 1, failMethods: ['sendMessage', 'uploadAttachment'] },
    } satisfies DeskParameters,
  },
  play: async ({ canvasElement }) => {
    const el = await editorIn(canvasElement);
    attach(el, [image('not-uploaded.png')]);
    const area = el.shadowRoot!.querySelector('textarea');
    if (area) {
      area.value = 'This reply will not go through.';
      area.dispatchEvent(new Event('input'));
      await el.updateComplete;
    }
    await el.send();
  },
};

/** A status that requires properties opens its small form first. */
export const SendWithStatus: Story = {
  play: async ({ canvasElement }) => {
    const el = await editorIn(canvasElement);
    const more = el.shadowRoot!.querySelector<HTMLButtonElement>('#more-button');
    more?.click();
  },
};

export const Disabled: Story = { args: { disabled: true } };

export const Dark: Story = { parameters: { desk: { theme: 'dark' } satisfies DeskParameters } };

export const PortugueseBR: Story = {
  name: 'pt-BR',
  parameters: { desk: { locale: 'pt-BR' } satisfies DeskParameters },
};

export const RightToLeft: Story = {
  render: (args) => html`<div dir="rtl">${meta.render!(args, {} as never)}</div>`,
};
