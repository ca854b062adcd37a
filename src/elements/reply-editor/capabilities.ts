// What the reply may carry: the custom channel's capabilities, or those of e-mail and call notes
// when the rep switched medium; and the checks that refuse a file before it is uploaded.
import { msg, str } from '@lit/localize';

import { formatFileSize } from '../../internal/format.js';
import type { AttachmentKind, ChannelCapabilities, MessageChannel } from '../../model/index.js';

const MB = 1024 * 1024;

/** E-mail carries everything the editor can write, and generous attachments. */
export const EMAIL_CAPABILITIES: ChannelCapabilities = {
  threadingModel: 'integration-thread',
  richText: [
    'bold',
    'italic',
    'underline',
    'strike',
    'link',
    'blockquote',
    'bullet-list',
    'ordered-list',
    'code',
  ],
  attachmentKinds: ['image', 'audio', 'voice-note', 'sticker', 'video', 'file'],
  maxAttachmentCount: 20,
  maxAttachmentBytes: 25 * MB,
  maxTotalAttachmentBytes: 25 * MB,
  allowedMimeTypes: [],
  maxTextLength: 100_000,
  replyToMessage: true,
  outgoingMessages: true,
};

/** A call note is text only. */
const CALL_CAPABILITIES: ChannelCapabilities = {
  ...EMAIL_CAPABILITIES,
  richText: [],
  attachmentKinds: [],
  maxAttachmentCount: 0,
  replyToMessage: false,
};

export function effectiveCapabilities(
  channel: MessageChannel,
  custom: ChannelCapabilities | undefined,
): ChannelCapabilities {
  if (channel === 'email') return EMAIL_CAPABILITIES;
  if (channel === 'call') return CALL_CAPABILITIES;
  return custom ?? EMAIL_CAPABILITIES;
}

/** A limit as people read it: fixture and channel limits are in binary megabytes (5 MB, not 5.2 MB). */
export function limitSize(bytes: number): string {
  return formatFileSize(bytes >= MB ? (bytes / MB) * 1e6 : bytes);
}

export function kindOfMime(mimeType: string): AttachmentKind {
  if (mimeType.startsWith('image/')) return 'image';
  if (mimeType.startsWith('video/')) return 'video';
  if (mimeType.startsWith('audio/')) return 'audio';
  return 'file';
}

function mimeAllowed(mimeType: string, allowed: readonly string[]): boolean {
  if (allowed.length === 0) return true;
  const type = mimeType.toLowerCase();
  return allowed.some((a) => {
    const rule = a.toLowerCase();
    return rule.endsWith('/*') ? type.startsWith(rule.slice(0, -1)) : type === rule;
  });
}

export const MAX_NAME_LENGTH = 120;

// Control characters, bidi overrides and isolates: they hide a file's real extension.
// eslint-disable-next-line no-control-regex
const hidden = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** A file name safe to show and send: no control or bidi characters, no path, not too long. */
export function cleanFileName(name: string): string {
  let clean = name
    .replace(hidden, '')
    .replace(/[/\\]+/g, '_')
    .trim();
  clean = clean.replace(/^\.+/, '');
  if (clean.length > MAX_NAME_LENGTH) {
    const dot = clean.lastIndexOf('.');
    const ext = dot > 0 && clean.length - dot <= 10 ? clean.slice(dot) : '';
    clean = clean.slice(0, MAX_NAME_LENGTH - ext.length) + ext;
  }
  return clean || 'file';
}

export interface FileCheck {
  /** Why the file is refused, naming the limit; undefined when it may be uploaded. */
  refusal?: string;
  /** Set when the name had to be cleaned (the upload uses the cleaned name). */
  renamed?: string;
}

/** Checks one file against the limits, given what is already attached. */
export function checkFile(
  file: File,
  caps: ChannelCapabilities,
  attached: { count: number; bytes: number },
): FileCheck {
  const name = cleanFileName(file.name);
  const renamed = name !== file.name ? name : undefined;
  const shown = name;
  const kind = kindOfMime(file.type);
  let refusal: string | undefined;
  if (caps.attachmentKinds.length === 0 || caps.maxAttachmentCount === 0) {
    refusal = msg(str`"${shown}" was not attached: this channel does not take attachments.`);
  } else if (file.size === 0) {
    refusal = msg(str`"${shown}" was not attached: the file is empty (0 bytes).`);
  } else if (!caps.attachmentKinds.includes(kind)) {
    refusal = msg(
      str`"${shown}" was not attached: this channel takes only ${caps.attachmentKinds.join(', ')}.`,
    );
  } else if (!mimeAllowed(file.type, caps.allowedMimeTypes)) {
    refusal = msg(
      str`"${shown}" was not attached: the file type ${file.type || '?'} is not allowed (allowed: ${caps.allowedMimeTypes.join(', ')}).`,
    );
  } else if (file.size > caps.maxAttachmentBytes) {
    refusal = msg(
      str`"${shown}" was not attached: it is larger than the ${limitSize(caps.maxAttachmentBytes)} limit per file.`,
    );
  } else if (attached.count + 1 > caps.maxAttachmentCount) {
    refusal = msg(
      str`"${shown}" was not attached: this channel allows at most ${caps.maxAttachmentCount} attachments per message.`,
    );
  } else if (attached.bytes + file.size > caps.maxTotalAttachmentBytes) {
    refusal = msg(
      str`"${shown}" was not attached: the attachments would exceed the ${limitSize(caps.maxTotalAttachmentBytes)} total limit.`,
    );
  }
  return refusal ? { refusal } : renamed ? { renamed } : {};
}

export function renamedNotice(name: string): string {
  return msg(str`The file name had characters that are not allowed; it is attached as "${name}".`);
}
