import { css } from 'lit';

import { token } from '../../styles/tokens.js';
import { proseMirrorStyles } from './prosemirror.styles.js';

const local = css`
  :host {
    --_bg: ${token('color-bg')};
    --_border: ${token('color-border')};
  }
  .base {
    display: flex;
    flex-direction: column;
    gap: ${token('space-2')};
    padding: ${token('space-3')};
    background: var(--hd-reply-editor-bg, var(--_bg));
    border: 1px solid var(--hd-reply-editor-border-color, var(--_border));
    border-radius: ${token('radius-md')};
  }
  button,
  input,
  select {
    font: inherit;
    color: inherit;
  }
  button {
    min-height: 32px;
    min-width: 32px;
    padding: ${token('space-1')} ${token('space-2')};
    background: ${token('color-surface')};
    border: 1px solid ${token('color-border')};
    border-radius: ${token('radius-sm')};
    cursor: pointer;
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  button[aria-pressed='true'] {
    background: ${token('color-accent-soft')};
    border-color: ${token('color-accent')};
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: ${token('space-2')};
  }
  .spacer {
    flex: 1;
  }
  .popover-anchor {
    position: relative;
  }
  [role='menu'],
  .popover {
    position: absolute;
    z-index: 10;
    min-width: 14rem;
    margin: 0;
    padding: ${token('space-1')};
    list-style: none;
    background: ${token('color-surface-raised')};
    border: 1px solid ${token('color-border')};
    border-radius: ${token('radius-md')};
    box-shadow: ${token('shadow-md')};
  }
  [role='menu'] {
    inset-block-start: 100%;
    inset-inline-start: 0;
  }
  .send-group [role='menu'] {
    inset-block-start: auto;
    inset-block-end: 100%;
    inset-inline-start: auto;
    inset-inline-end: 0;
  }
  [role^='menuitem'] {
    display: block;
    width: 100%;
    text-align: start;
    background: transparent;
    border: 0;
  }
  [role^='menuitem']:hover,
  [role^='menuitem']:focus-visible {
    background: ${token('color-accent-soft')};
  }
  .target {
    display: flex;
    align-items: center;
    gap: ${token('space-2')};
    padding: ${token('space-1')} ${token('space-2')};
    border-inline-start: 3px solid ${token('color-accent')};
    background: ${token('color-surface')};
    color: ${token('color-text-muted')};
    font-size: ${token('font-size-sm')};
  }
  .target q {
    flex: 1;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .surface.dragging {
    outline: 2px dashed ${token('color-accent')};
  }
  .ProseMirror p {
    margin: 0;
  }
  .ProseMirror blockquote {
    margin: 0;
    padding-inline-start: ${token('space-3')};
    border-inline-start: 3px solid ${token('color-border')};
  }
  .ProseMirror a {
    color: ${token('color-accent')};
  }
  .ProseMirror[data-empty='true']::before {
    content: attr(data-placeholder);
    position: absolute;
    color: ${token('color-text-muted')};
    pointer-events: none;
  }
  .ProseMirror[aria-disabled='true'] {
    color: ${token('color-text-muted')};
  }
  .notice,
  .error,
  .hint {
    margin: 0;
    font-size: ${token('font-size-sm')};
  }
  .error {
    color: ${token('color-danger')};
  }
  .hint {
    color: ${token('color-text-muted')};
  }
  .notice {
    padding: ${token('space-2')};
    background: ${token('color-surface')};
    border-radius: ${token('radius-sm')};
  }
  .attachments {
    display: flex;
    flex-wrap: wrap;
    gap: ${token('space-2')};
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .attachment {
    display: flex;
    align-items: center;
    gap: ${token('space-2')};
    padding: ${token('space-1')} ${token('space-2')};
    border: 1px solid ${token('color-border')};
    border-radius: ${token('radius-sm')};
    font-size: ${token('font-size-sm')};
  }
  .attachment[data-status='failed'] {
    border-color: ${token('color-danger')};
  }
  .attachment img {
    width: 40px;
    height: 40px;
    object-fit: cover;
    border-radius: ${token('radius-sm')};
  }
  .popover {
    inset-block-start: 100%;
    inset-inline-start: 0;
    width: min(24rem, 90vw);
    padding: ${token('space-2')};
  }
  .popover ul {
    max-height: 14rem;
    overflow: auto;
    margin: ${token('space-2')} 0 0;
    padding: 0;
    list-style: none;
  }
  .popover li button {
    width: 100%;
    text-align: start;
    background: transparent;
    border: 0;
  }
  .popover li button:hover {
    background: ${token('color-accent-soft')};
  }
  input[type='search'],
  input[type='text'],
  input[type='number'],
  input[type='date'],
  select,
  .field textarea {
    width: 100%;
    min-height: 32px;
    padding: ${token('space-1')} ${token('space-2')};
    border: 1px solid ${token('color-border')};
    border-radius: ${token('radius-sm')};
    background: ${token('color-bg')};
  }
  .field {
    display: grid;
    gap: ${token('space-1')};
    margin-block-end: ${token('space-2')};
  }
  .field [aria-invalid='true'] {
    border-color: ${token('color-danger')};
  }
  .send {
    background: ${token('color-accent')};
    color: ${token('color-accent-contrast')};
    border-color: ${token('color-accent')};
    font-weight: ${token('font-weight-bold')};
  }
  .send-group {
    display: inline-flex;
  }
  .send-group .send {
    border-start-end-radius: 0;
    border-end-end-radius: 0;
  }
  .send-group .more {
    border-start-start-radius: 0;
    border-end-start-radius: 0;
    background: ${token('color-accent')};
    color: ${token('color-accent-contrast')};
    border-color: ${token('color-accent')};
  }
  .status-form {
    padding: ${token('space-3')};
    border: 1px solid ${token('color-border')};
    border-radius: ${token('radius-md')};
    background: ${token('color-surface')};
  }
  .status-form h3 {
    margin: 0 0 ${token('space-2')};
    font-size: ${token('font-size-md')};
  }
`;

/** The composer's styles, adopted after the element's own (reply-editor.styles.ts) when the view arrives. */
export const composerStyles = [proseMirrorStyles, local];
