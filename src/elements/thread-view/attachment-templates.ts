import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';

import { formatDuration, formatFileSize } from '../../internal/format.js';
import { safeLinkUrl, safeMediaUrl } from '../../internal/safe-url.js';
import type { Attachment } from '../../model/index.js';
import { cleanFileName } from './file-name.js';

/** What an attachment needs from the thread. */
export interface AttachmentContext {
  /** Keys of attachments whose media failed to load. */
  broken: ReadonlySet<string>;
  onBroken(key: string): void;
  onOpenImage(image: { url: string; name: string; width?: number; height?: number }): void;
}

/** A positive whole pixel size, or undefined for anything else a channel may send. */
function dimension(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value > 0
    ? Math.min(Math.round(value), 4096)
    : undefined;
}

function kindLabel(kind: string): string {
  switch (kind) {
    case 'image':
      return msg('Image');
    case 'sticker':
      return msg('Sticker');
    case 'video':
      return msg('Video');
    case 'audio':
      return msg('Audio');
    case 'voice-note':
      return msg('Voice note');
    default:
      return msg('File');
  }
}

// Plain glyphs found in the usual system fonts (emoji fonts are often missing on Linux desktops).
const icons: Record<string, string> = {
  image: '▣',
  sticker: '☺',
  video: '▶',
  audio: '♪',
  'voice-note': '●',
  file: '▤',
};

/** Shown instead of media that is missing or failed to load; the same box as the media, so nothing jumps. */
function placeholder(kind: string, name: string, poster?: string): TemplateResult {
  const label = kindLabel(kind);
  return html`<div
    class="attachment placeholder kind-${kind}"
    role="img"
    aria-label=${msg(str`${label} unavailable: ${name}`)}
  >
    ${poster ? html`<img class="poster" src=${poster} alt="" />` : nothing}
    <span class="icon" aria-hidden="true">${icons[kind] ?? icons['file']}</span>
    <span class="name" aria-hidden="true">${name}</span>
  </div>`;
}

function image(a: Attachment, key: string, name: string, ctx: AttachmentContext): TemplateResult {
  const thumb = safeMediaUrl(a.thumbnailUrl ?? a.url, { allowSvgData: true });
  const full = safeMediaUrl(a.url, { allowSvgData: true }) ?? thumb;
  if (!thumb || !full || ctx.broken.has(key)) return placeholder('image', name);
  const width = dimension(a.width);
  const height = dimension(a.height);
  return html`<button
    type="button"
    class="attachment image"
    aria-haspopup="dialog"
    aria-label=${msg(str`Open image ${name}`)}
    @click=${() => ctx.onOpenImage({ url: full, name, width, height })}
  >
    <img
      src=${thumb}
      alt=""
      width=${width ?? 240}
      height=${height ?? 180}
      @error=${() => ctx.onBroken(key)}
    />
  </button>`;
}

function sticker(a: Attachment, key: string, name: string, ctx: AttachmentContext): TemplateResult {
  const src = safeMediaUrl(a.url ?? a.thumbnailUrl, { allowSvgData: true });
  if (!src || ctx.broken.has(key)) return placeholder('sticker', name);
  return html`<img
    class="attachment sticker"
    src=${src}
    alt=${msg(str`Sticker: ${name}`)}
    width="128"
    height="128"
    @error=${() => ctx.onBroken(key)}
  />`;
}

function video(a: Attachment, key: string, name: string, ctx: AttachmentContext): TemplateResult {
  const src = safeMediaUrl(a.url);
  const poster = safeMediaUrl(a.thumbnailUrl, { allowSvgData: true });
  // A video that cannot play still shows its poster, behind the placeholder's label.
  if (!src || ctx.broken.has(key)) return placeholder('video', name, poster);
  const duration = formatDuration(typeof a.durationMs === 'number' ? a.durationMs / 1000 : undefined);
  return html`<div class="attachment video" role="group" aria-label=${msg(str`Video: ${name}`)}>
    <video
      controls
      preload="metadata"
      src=${src}
      poster=${poster ?? nothing}
      width=${dimension(a.width) ?? 320}
      height=${dimension(a.height) ?? 180}
      @error=${() => ctx.onBroken(key)}
    ></video>
    <span class="caption"><span class="name">${name}</span>${duration ? html` · ${duration}` : nothing}</span>
  </div>`;
}

function audio(a: Attachment, key: string, name: string, ctx: AttachmentContext): TemplateResult {
  const voice = a.kind === 'voice-note';
  const kind = voice ? 'voice-note' : 'audio';
  const src = safeMediaUrl(a.url);
  if (!src || ctx.broken.has(key)) return placeholder(kind, name);
  const duration = formatDuration(typeof a.durationMs === 'number' ? a.durationMs / 1000 : undefined);
  const label = voice ? msg('Voice note') : msg(str`Audio: ${name}`);
  return html`<div class="attachment audio ${voice ? 'voice' : ''}" role="group" aria-label=${label}>
    <span class="icon" aria-hidden="true">${icons[kind]}</span>
    <audio controls preload="metadata" src=${src} @error=${() => ctx.onBroken(key)}></audio>
    ${duration ? html`<span class="duration">${duration}</span>` : nothing}
  </div>`;
}

function file(a: Attachment, name: string): TemplateResult {
  const href = safeLinkUrl(a.url);
  const size = formatFileSize(a.sizeBytes);
  return html`<div class="attachment file" role="group" aria-label=${msg(str`File: ${name}`)}>
    <span class="icon" aria-hidden="true">${icons['file']}</span>
    <span class="file-text">
      <span class="name">${name}</span>
      ${size ? html`<span class="size">${size}</span>` : nothing}
    </span>
    ${
      href
        ? html`<a
            class="download"
            href=${href}
            download=${name}
            target="_blank"
            rel="noopener noreferrer"
            aria-label=${msg(str`Download ${name}`)}
            >${msg('Download')}</a
          >`
        : html`<span class="unavailable">${msg('Unavailable')}</span>`
    }
  </div>`;
}

/** One attachment by kind; an unknown kind is shown as a file. `key` is unique within the thread. */
export function renderAttachment(a: Attachment, key: string, ctx: AttachmentContext): TemplateResult {
  const name = cleanFileName(a?.name);
  switch (a?.kind) {
    case 'image':
      return image(a, key, name, ctx);
    case 'sticker':
      return sticker(a, key, name, ctx);
    case 'video':
      return video(a, key, name, ctx);
    case 'audio':
    case 'voice-note':
      return audio(a, key, name, ctx);
    default:
      return file(a ?? ({} as Attachment), name);
  }
}
