import { css } from 'lit';

import { sharedStyles } from '../../styles/shared.styles.js';
import { token } from '../../styles/tokens.js';

export const styles = [
  sharedStyles,
  css`
    :host {
      --_list-width: 22rem;
      --_sidebar-width: 20rem;
      display: block;
      height: var(--hd-help-desk-height, 100%);
      min-height: 0;
      container-type: inline-size;
      container-name: help-desk;
      background: ${token('color-bg')};
    }
    [part='base'] {
      display: grid;
      grid-template-columns:
        var(--hd-help-desk-list-width, var(--_list-width))
        minmax(0, 1fr)
        var(--hd-help-desk-sidebar-width, var(--_sidebar-width));
      height: 100%;
      min-height: 0;
    }
    .pane {
      display: flex;
      flex-direction: column;
      min-width: 0;
      min-height: 0;
      overflow: hidden;
    }
    [part~='list-pane'] {
      border-inline-end: 1px solid ${token('color-border')};
    }
    [part~='sidebar-pane'] {
      border-inline-start: 1px solid ${token('color-border')};
      overflow: auto;
    }
    .fill {
      flex: 1 1 auto;
      min-height: 0;
    }
    .nav {
      display: none;
    }
    ::slotted([slot='aside']) {
      grid-column: 1 / -1;
    }

    /* Narrow: one pane at a time, with a way back. The container is the desk itself, not the viewport,
       so a desk embedded in a narrow column of a wide page behaves as on a phone. */
    @container help-desk (max-width: 899px) {
      [part='base'] {
        grid-template-columns: minmax(0, 1fr);
      }
      .pane:not(.active) {
        display: none;
      }
      [part~='sidebar-pane'] {
        border: 0;
      }
      .nav {
        display: flex;
        gap: ${token('space-2')};
        justify-content: space-between;
        padding: ${token('space-2')};
        border-bottom: 1px solid ${token('color-border')};
      }
    }
    .nav button {
      min-height: 2.75rem;
      padding: 0 ${token('space-3')};
      font: inherit;
      color: ${token('color-accent')};
      background: none;
      border: 1px solid ${token('color-border')};
      border-radius: ${token('radius-md')};
      cursor: pointer;
    }
  `,
];
