import { css } from 'lit';

import { sharedStyles } from '../../styles/shared.styles.js';
import { themeStyles, token } from '../../styles/tokens.js';

export const styles = [
  sharedStyles,
  themeStyles,
  css`
    :host {
      display: block;
      background: var(--hd-help-desk-provider-bg, transparent);
    }
    [part='connection'] {
      margin: 0;
      padding: ${token('space-1')} ${token('space-3')};
      font-size: ${token('font-size-sm')};
      color: ${token('color-warning')};
      background: ${token('color-surface')};
      border-bottom: 1px solid ${token('color-border')};
    }
  `,
];
