import { css } from 'lit';

import { lazyHostStyles } from '../../internal/lazy-view.js';
import { token } from '../../styles/tokens.js';

/**
 * The element's own styles, in the kit's entries: its box and the text surface, which the rep can type
 * in before the composer's view arrives. The surface looks the same as a text area and as the rich
 * editor, so nothing moves when one replaces the other. The rest is in reply-composer.styles.ts.
 */
export const styles = [
  ...lazyHostStyles,
  css`
    :host {
      --_min-height: 6rem;
    }
    .surface {
      position: relative;
      border: 1px solid ${token('color-border')};
      border-radius: ${token('radius-sm')};
      background: ${token('color-bg')};
    }
    textarea {
      font: inherit;
      color: inherit;
    }
    textarea,
    .ProseMirror {
      display: block;
      width: 100%;
      min-height: var(--hd-reply-editor-min-height, var(--_min-height));
      max-height: var(--hd-reply-editor-max-height, 20rem);
      overflow: auto;
      padding: ${token('space-2')};
      border: 0;
      background: transparent;
      resize: vertical;
    }
  `,
];
