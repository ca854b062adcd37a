import { css } from 'lit';

import { token } from '../../styles/tokens.js';
import { formStyles } from '../channel-connect-wizard/form.styles.js';

/** Adopted when the view arrives (see settings-view.ts); the element itself has only its box. */
export const styles = [
  formStyles,
  css`
    :host {
      --_bg: ${token('color-bg')};
      --_row-hover-bg: ${token('color-surface')};
      display: block;
    }
    .base {
      background: var(--hd-channel-settings-bg, var(--_bg));
      padding: ${token('space-4')};
    }
    .toolbar {
      display: flex;
      flex-wrap: wrap;
      gap: ${token('space-3')};
      align-items: center;
      justify-content: space-between;
      margin-bottom: ${token('space-3')};
    }
    h2 {
      margin: 0;
      font-size: ${token('font-size-lg')};
    }
    .menu-wrap {
      position: relative;
    }
    [role='menu'] {
      position: absolute;
      inset-inline-end: 0;
      z-index: 2;
      min-width: 14rem;
      margin: ${token('space-1')} 0 0;
      padding: ${token('space-1')};
      list-style: none;
      background: ${token('color-surface-raised')};
      border: 1px solid ${token('color-border')};
      border-radius: ${token('radius-md')};
      box-shadow: ${token('shadow-md')};
    }
    [role='menuitem'] {
      width: 100%;
      text-align: start;
      border: 0;
      background: transparent;
    }
    [role='menuitem']:hover,
    [role='menuitem']:focus {
      background: ${token('color-accent-soft')};
    }
    .message {
      margin-block: ${token('space-2')};
    }
    table {
      width: 100%;
      border-collapse: collapse;
    }
    th,
    td {
      text-align: start;
      padding: ${token('space-2')};
      border-bottom: 1px solid ${token('color-border')};
      vertical-align: middle;
      overflow-wrap: anywhere;
    }
    thead th {
      font-size: ${token('font-size-sm')};
      color: ${token('color-text-muted')};
    }
    tbody th {
      font-weight: ${token('font-weight-bold')};
    }
    tbody tr:hover {
      background: var(--hd-channel-settings-row-hover-bg, var(--_row-hover-bg));
    }
    tr.off th,
    tr.off .channel {
      color: ${token('color-text-muted')};
    }
    .channel,
    .status {
      display: inline-flex;
      gap: ${token('space-2')};
      align-items: center;
    }
    .logo {
      width: 28px;
      height: 28px;
      border-radius: ${token('radius-sm')};
    }
    .switch {
      position: relative;
      width: 2.75rem;
      min-width: 2.75rem;
      height: 1.5rem;
      min-height: 1.5rem;
      padding: 0;
      border: 0;
      border-radius: ${token('radius-pill')};
      background: ${token('color-text-muted')};
    }
    .switch::after {
      content: '';
      position: absolute;
      inset-block-start: 0.1875rem;
      inset-inline-start: 0.1875rem;
      width: 1.125rem;
      height: 1.125rem;
      border-radius: 50%;
      background: ${token('color-bg')};
      transition: inset-inline-start 0.15s;
    }
    .switch[aria-checked='true'] {
      background: ${token('color-accent')};
    }
    .switch[aria-checked='true']::after {
      inset-inline-start: 1.4375rem;
    }
    .row-actions {
      white-space: nowrap;
      text-align: end;
    }
    /* Row actions show on hover and on focus; always on devices that cannot hover. */
    .row-actions button {
      opacity: 0;
    }
    tr:hover .row-actions button,
    tr:focus-within .row-actions button {
      opacity: 1;
    }
    @media (hover: none) {
      .row-actions button {
        opacity: 1;
      }
    }
  `,
];
