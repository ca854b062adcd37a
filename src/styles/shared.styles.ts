import { css } from 'lit';

import { token } from './tokens.js';

/** Styles every element starts from: an isolated box, the kit's font, a visible focus ring. */
export const sharedStyles = css`
  :host {
    box-sizing: border-box;
    font-family: ${token('font-family')};
    font-size: ${token('font-size-md')};
    line-height: ${token('line-height')};
    color: ${token('color-text')};
  }
  :host([hidden]) {
    display: none !important;
  }
  /* border-box stated, not inherited: \`box-sizing: inherit\` on every element and pseudo-element made
     Chromium's style recalc per element grow the longer a virtualized list was scrolled (20 µs to over
     200 µs per element, frames past 200 ms); see ADR 007. */
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  :focus-visible {
    outline: ${token('focus-ring-width')} solid ${token('color-focus')};
    outline-offset: ${token('focus-ring-offset')};
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
`;
