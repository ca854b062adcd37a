import { css } from 'lit';

import { token } from '../../styles/tokens.js';

/** The element's frame (its box is in host.styles.ts): log, notices, the New messages button, the image dialog. */
export const styles = css`
  :host {
    --_incoming-bg: ${token('color-surface')};
    --_outgoing-bg: ${token('color-accent-soft')};
    --_outgoing-color: ${token('color-text')};
  }
  button {
    font: inherit;
    color: inherit;
    min-height: 24px;
    min-width: 24px;
    cursor: pointer;
  }
  .body {
    position: relative;
    flex: 1 1 auto;
    min-height: 0;
    display: flex;
    flex-direction: column;
  }
  .log {
    position: relative;
    flex: 1 1 auto;
    min-height: 0;
    overflow-y: auto;
    overflow-x: hidden;
    padding-inline: ${token('space-4')};
    contain: content;
  }
  .rows {
    display: flow-root;
  }
  .notice {
    margin: ${token('space-6')} auto;
    text-align: center;
    color: ${token('color-text-muted')};
  }
  .notice.error,
  .loading-older.error {
    color: ${token('color-danger')};
  }
  .loading-older {
    position: absolute;
    inset-block-start: ${token('space-2')};
    inset-inline: 0;
    margin: 0 auto;
    width: fit-content;
    z-index: 1;
    padding: ${token('space-1')} ${token('space-3')};
    border-radius: ${token('radius-pill')};
    background: ${token('color-surface-raised')};
    box-shadow: ${token('shadow-sm')};
    font-size: ${token('font-size-sm')};
  }
  .new-messages {
    position: absolute;
    inset-block-end: ${token('space-3')};
    inset-inline: 0;
    margin: 0 auto;
    width: fit-content;
    background: ${token('color-accent')};
    color: ${token('color-accent-contrast')};
    border-color: transparent;
    box-shadow: ${token('shadow-md')};
  }
  .image-dialog {
    max-width: min(90vw, 1200px);
    max-height: 90vh;
    padding: ${token('space-3')};
    border: 1px solid ${token('color-border')};
    border-radius: ${token('radius-lg')};
    background: ${token('color-surface-raised')};
    color: ${token('color-text')};
  }
  .image-dialog::backdrop {
    background: rgb(0 0 0 / 0.6);
  }
  .dialog-bar {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: ${token('space-3')};
    margin-block-end: ${token('space-2')};
  }
  .dialog-title {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .dialog-image {
    display: block;
    max-width: 100%;
    max-height: calc(90vh - 5rem);
    width: auto;
    height: auto;
    margin: 0 auto;
  }
`;
