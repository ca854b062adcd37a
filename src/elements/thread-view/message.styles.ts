import { css } from 'lit';

import { token } from '../../styles/tokens.js';

/** Message rows: day separators, bubbles, quotes, attachments, status and actions. */
export const messageStyles = css`
  .row {
    padding-block: 2px;
  }
  .day {
    display: flex;
    justify-content: center;
    padding-block: ${token('space-3')} ${token('space-2')};
    font-size: ${token('font-size-sm')};
    color: ${token('color-text-muted')};
  }
  .message {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    max-width: var(--hd-thread-view-max-bubble-width, 70%);
    margin-block-start: ${token('space-2')};
    outline-offset: 2px;
    border-radius: ${token('radius-md')};
  }
  .message.grouped {
    margin-block-start: 0;
  }
  .message.outgoing {
    margin-inline-start: auto;
    align-items: flex-end;
  }
  .message.highlight {
    background: ${token('color-accent-soft')};
  }
  .meta {
    display: flex;
    align-items: center;
    gap: ${token('space-2')};
    font-size: ${token('font-size-sm')};
    font-weight: ${token('font-weight-bold')};
    margin-block-end: 2px;
  }
  .bubble {
    padding: ${token('space-2')} ${token('space-3')};
    border-radius: ${token('radius-lg')};
    background: var(--hd-thread-view-incoming-bg, var(--_incoming-bg));
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    max-width: 100%;
    unicode-bidi: plaintext;
  }
  .outgoing .bubble {
    background: var(--hd-thread-view-outgoing-bg, var(--_outgoing-bg));
    color: var(--hd-thread-view-outgoing-color, var(--_outgoing-color));
  }
  .system .bubble {
    background: none;
    font-style: italic;
    color: ${token('color-text-muted')};
  }
  .reply-target .bubble {
    box-shadow: 0 0 0 2px ${token('color-accent')};
  }
  .bubble a {
    color: ${token('color-accent')};
  }
  .bubble :is(p, ul, ol, blockquote, pre) {
    margin: 0 0 ${token('space-1')};
    white-space: normal;
  }
  .bubble img {
    max-width: 100%;
    height: auto;
  }
  .quote {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    max-width: 100%;
    text-align: start;
    border: 0;
    border-inline-start: 3px solid ${token('color-accent')};
    background: ${token('color-surface')};
    border-radius: ${token('radius-sm')};
    padding: ${token('space-1')} ${token('space-2')};
    margin-block-end: 2px;
    font-size: ${token('font-size-sm')};
  }
  .quote.missing {
    color: ${token('color-text-muted')};
  }
  .quote-sender {
    font-weight: ${token('font-weight-bold')};
  }
  .quote-text {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    max-width: 100%;
  }
  .more {
    border: 0;
    background: none;
    color: ${token('color-accent')};
    padding: 0;
    text-decoration: underline;
  }
  .attachments {
    display: flex;
    flex-direction: column;
    gap: ${token('space-1')};
    margin-block-start: 2px;
    max-width: 100%;
  }
  .attachment {
    max-width: 100%;
  }
  button.image {
    padding: 0;
    border: 1px solid ${token('color-border')};
    border-radius: ${token('radius-md')};
    overflow: hidden;
    background: ${token('color-surface')};
    line-height: 0;
  }
  button.image img,
  video {
    display: block;
    max-width: min(320px, 100%);
    max-height: 240px;
    width: auto;
    height: auto;
    object-fit: contain;
  }
  /* A box of its own, whatever the file turns out to be (letterboxed in it): sized by the file, a video
     grew when its metadata arrived, after its row was measured, and the thread laid out again. */
  video {
    width: min(320px, 100%);
    aspect-ratio: 16 / 9;
    border-radius: ${token('radius-md')};
    background: #000;
  }
  .sticker {
    width: 128px;
    height: 128px;
    object-fit: contain;
  }
  .caption,
  .duration,
  .size {
    font-size: ${token('font-size-sm')};
    color: ${token('color-text-muted')};
  }
  .audio,
  .file,
  .placeholder {
    display: flex;
    align-items: center;
    gap: ${token('space-2')};
    padding: ${token('space-2')};
    border: 1px solid ${token('color-border')};
    border-radius: ${token('radius-md')};
    background: ${token('color-surface')};
  }
  .audio audio {
    width: 260px;
    max-width: 100%;
    height: 40px;
  }
  .audio.voice audio {
    width: 180px;
    height: 32px;
  }
  .file-text {
    display: flex;
    flex-direction: column;
    min-width: 0;
  }
  .file .name,
  .placeholder .name {
    overflow-wrap: anywhere;
  }
  .download {
    color: ${token('color-accent')};
    padding: ${token('space-1')};
    min-height: 24px;
  }
  .unavailable {
    color: ${token('color-text-muted')};
    font-size: ${token('font-size-sm')};
  }
  .placeholder {
    color: ${token('color-text-muted')};
    min-width: 12rem;
    min-height: 3rem;
  }
  .placeholder.kind-image,
  .placeholder.kind-video {
    width: 240px;
    height: 160px;
    flex-direction: column;
    justify-content: center;
  }
  .placeholder {
    position: relative;
    overflow: hidden;
  }
  .placeholder .poster {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    object-fit: cover;
    opacity: 0.35;
  }
  .placeholder > span {
    position: relative;
  }
  .placeholder.kind-sticker {
    width: 128px;
    height: 128px;
    min-width: 0;
    flex-direction: column;
    justify-content: center;
  }
  .foot {
    display: flex;
    align-items: center;
    flex-wrap: wrap;
    gap: ${token('space-2')};
    font-size: ${token('font-size-sm')};
    color: ${token('color-text-muted')};
  }
  .status-failed {
    color: ${token('color-danger')};
  }
  .retry,
  .reply {
    border: 1px solid ${token('color-border')};
    border-radius: ${token('radius-sm')};
    background: ${token('color-bg')};
    padding: 0 ${token('space-2')};
    font-size: ${token('font-size-sm')};
  }
  .retry {
    color: ${token('color-danger')};
  }
  /* The reply button shows on hover and on focus; it stays in the tab order and the accessibility tree. */
  .reply {
    opacity: 0;
  }
  .message:hover .reply,
  .message:focus-within .reply,
  .reply[aria-pressed='true'] {
    opacity: 1;
  }
`;
