import { css } from 'lit';

import { token } from '../../styles/tokens.js';

/**
 * The element's box, in the entries with the class: the page lays the thread out at its final size
 * before the view arrives, so nothing around it moves when the messages appear.
 */
export const hostStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    min-height: 0;
    height: 100%;
    /* Bounded even in a parent of no definite height, so the log scrolls instead of growing. */
    max-height: 100vh;
    background: ${token('color-bg')};
    overflow: hidden;
  }
`;
