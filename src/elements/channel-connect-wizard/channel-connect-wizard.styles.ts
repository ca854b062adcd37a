import { css } from 'lit';

import { token } from '../../styles/tokens.js';
import { formStyles } from './form.styles.js';

/** Adopted when the view arrives (see wizard-view.ts); the element itself has only its box. */
export const styles = [
  formStyles,
  css`
    :host {
      --_width: 44rem;
      --_bg: ${token('color-bg')};
      display: block;
    }
    .base {
      max-width: var(--hd-channel-connect-wizard-width, var(--_width));
      background: var(--hd-channel-connect-wizard-bg, var(--_bg));
      color: ${token('color-text')};
      padding: ${token('space-5')};
    }
    dialog.wizard {
      max-width: min(var(--hd-channel-connect-wizard-width, var(--_width)), calc(100vw - 2rem));
      width: 100%;
      padding: 0;
      background: var(--hd-channel-connect-wizard-bg, var(--_bg));
    }
    h2 {
      margin: ${token('space-4')} 0 ${token('space-2')};
      font-size: ${token('font-size-lg')};
      overflow-wrap: anywhere;
    }
    .steps {
      display: flex;
      flex-wrap: wrap;
      gap: ${token('space-3')};
      list-style: none;
      margin: 0;
      padding: 0;
      font-size: ${token('font-size-sm')};
      color: ${token('color-text-muted')};
    }
    .steps li {
      display: flex;
      gap: ${token('space-1')};
      align-items: center;
    }
    .steps li.current {
      color: ${token('color-text')};
      font-weight: ${token('font-weight-bold')};
    }
    .step-number {
      display: inline-grid;
      place-items: center;
      width: 1.5rem;
      height: 1.5rem;
      border-radius: 50%;
      border: 1px solid currentColor;
    }
    .current .step-number {
      background: ${token('color-accent')};
      border-color: ${token('color-accent')};
      color: ${token('color-accent-contrast')};
    }
    fieldset {
      border: 0;
      margin: 0;
      padding: 0;
    }
    fieldset.assign,
    .people fieldset {
      display: grid;
      gap: ${token('space-1')};
      margin-block: ${token('space-3')};
    }
    legend {
      font-weight: ${token('font-weight-bold')};
      padding: 0;
      margin-bottom: ${token('space-1')};
    }
    .cards {
      display: grid;
      gap: ${token('space-2')};
      grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr));
      list-style: none;
      margin: ${token('space-3')} 0 0;
      padding: 0;
    }
    .card {
      position: relative;
      display: grid;
      grid-template-columns: auto auto 1fr;
      gap: ${token('space-2')} ${token('space-3')};
      align-items: start;
      padding: ${token('space-3')};
      border: 1px solid ${token('color-border')};
      border-radius: ${token('radius-md')};
      background: ${token('color-surface-raised')};
    }
    .card.selected {
      border-color: ${token('color-accent')};
      box-shadow: 0 0 0 1px ${token('color-accent')};
      background: ${token('color-accent-soft')};
    }
    .card.unavailable .card-name {
      color: ${token('color-text-muted')};
    }
    /* The whole card picks the channel: the label's box covers it, under the card's own button. */
    .card-name::after {
      content: '';
      position: absolute;
      inset: 0;
    }
    .card:not(.unavailable) .card-name {
      cursor: pointer;
    }
    .card-action {
      position: relative;
      grid-column: 3;
      justify-self: start;
    }
    .card-text {
      display: grid;
      gap: ${token('space-1')};
      min-width: 0;
      overflow-wrap: anywhere;
    }
    .card-name {
      font-weight: ${token('font-weight-bold')};
    }
    .card-description,
    .card-note {
      font-size: ${token('font-size-sm')};
      color: ${token('color-text-muted')};
    }
    .card-note {
      color: ${token('color-warning')};
    }
    .logo {
      width: 40px;
      height: 40px;
      border-radius: ${token('radius-md')};
      background: ${token('color-surface')};
    }
    .password {
      display: flex;
      gap: ${token('space-2')};
    }
    .password input {
      flex: 1;
    }
    .property-rows {
      list-style: none;
      padding: 0;
      margin: 0;
      display: grid;
      gap: ${token('space-2')};
    }
    .property-row {
      display: grid;
      grid-template-columns: 1fr 1fr auto;
      gap: ${token('space-2')};
      align-items: end;
    }
    .property-row .field {
      margin: 0;
    }
    .switch-field {
      margin-top: ${token('space-5')};
    }
    .people-lists {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
      gap: ${token('space-3')};
    }
    .options {
      list-style: none;
      padding: 0;
      margin: 0;
      max-height: 14rem;
      overflow: auto;
    }
    .chips {
      display: flex;
      flex-wrap: wrap;
      gap: ${token('space-1')};
      list-style: none;
      padding: 0;
      margin: 0 0 ${token('space-2')};
    }
    .chip {
      display: inline-flex;
      align-items: center;
      gap: ${token('space-1')};
      padding-inline-start: ${token('space-2')};
      border-radius: ${token('radius-pill')};
      background: ${token('color-accent-soft')};
    }
    .chip button {
      border-radius: ${token('radius-pill')};
      padding: 0;
      min-width: 1.5rem;
      min-height: 1.5rem;
      border: 0;
      background: transparent;
    }
    .popup {
      display: grid;
      gap: ${token('space-2')};
      justify-items: start;
      margin-block: ${token('space-3')};
    }
  `,
];
