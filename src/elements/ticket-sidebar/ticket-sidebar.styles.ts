import { css } from 'lit';

import { token } from '../../styles/tokens.js';
import { ownerMenuStyles } from './owner-menu.styles.js';

/** Adopted when the view arrives (see ticket-sidebar-view.ts), after the element's own `lazyHostStyles`. */
export const styles = [
  ownerMenuStyles,
  css`
    :host {
      --_bg: ${token('color-surface')};
      --_padding: ${token('space-3')};
      --_gap: ${token('space-2')};
      display: block;
      min-width: 0;
      background: var(--hd-ticket-sidebar-bg, var(--_bg));
      color: ${token('color-text')};
    }
    .base {
      display: flex;
      flex-direction: column;
      gap: var(--hd-ticket-sidebar-gap, var(--_gap));
      padding: var(--_gap);
    }
    .section {
      background: ${token('color-surface-raised')};
      border: 1px solid ${token('color-border')};
      border-radius: ${token('radius-md')};
    }
    .heading {
      margin: 0;
      font-size: ${token('font-size-md')};
      font-weight: ${token('font-weight-bold')};
    }
    button,
    select,
    input,
    textarea {
      font: inherit;
      color: inherit;
    }
    .toggle {
      display: flex;
      align-items: center;
      gap: ${token('space-2')};
      width: 100%;
      min-height: 44px;
      padding: ${token('space-2')} var(--hd-ticket-sidebar-padding, var(--_padding));
      background: none;
      border: 0;
      border-radius: ${token('radius-md')};
      font-weight: inherit;
      text-align: start;
      cursor: pointer;
    }
    .chevron {
      width: 0.5em;
      height: 0.5em;
      border-right: 2px solid currentColor;
      border-bottom: 2px solid currentColor;
      transform: rotate(45deg);
      transition: transform 120ms;
    }
    .toggle[aria-expanded='false'] .chevron {
      transform: rotate(-45deg);
    }
    :host(:dir(rtl)) .toggle[aria-expanded='false'] .chevron {
      transform: rotate(135deg);
    }
    .body {
      padding: 0 var(--hd-ticket-sidebar-padding, var(--_padding))
        var(--hd-ticket-sidebar-padding, var(--_padding));
    }
    .body {
      container-type: inline-size;
    }
    .body[hidden] {
      display: none;
    }
    dl {
      margin: 0;
      display: grid;
      gap: ${token('space-2')};
    }
    .row {
      display: grid;
      grid-template-columns: minmax(6rem, 40%) 1fr;
      gap: ${token('space-2')};
      align-items: center;
    }
    .row:has(textarea) {
      align-items: start;
    }
    .row > dd.full {
      grid-column: 1 / -1;
    }
    dt {
      color: ${token('color-text-muted')};
      font-size: ${token('font-size-sm')};
    }
    dd {
      margin: 0;
      min-width: 0;
      overflow-wrap: anywhere;
    }
    select,
    input:not([type='checkbox']),
    textarea {
      width: 100%;
      min-height: 32px;
      padding: ${token('space-1')} ${token('space-2')};
      background: ${token('color-bg')};
      border: 1px solid ${token('color-border')};
      border-radius: ${token('radius-sm')};
    }
    input[type='checkbox'] {
      width: 24px;
      height: 24px;
      margin: 0;
      accent-color: ${token('color-accent')};
    }
    [aria-invalid='true'] {
      border-color: ${token('color-danger')};
    }
    button {
      min-height: 32px;
      min-width: 24px;
      padding: ${token('space-1')} ${token('space-3')};
      background: ${token('color-bg')};
      border: 1px solid ${token('color-border')};
      border-radius: ${token('radius-sm')};
      cursor: pointer;
    }
    button.primary {
      background: ${token('color-accent')};
      border-color: ${token('color-accent')};
      color: ${token('color-accent-contrast')};
    }
    button:disabled {
      opacity: 0.6;
      cursor: default;
    }
    .ticket-name {
      display: block;
      width: 100%;
      margin-bottom: ${token('space-2')};
      padding: ${token('space-1')} 0;
      background: none;
      border: 0;
      color: ${token('color-accent')};
      font-size: ${token('font-size-lg')};
      font-weight: ${token('font-weight-bold')};
      text-align: start;
      text-decoration: underline;
      text-underline-offset: 3px;
      overflow-wrap: anywhere;
    }
    .subheading {
      margin: ${token('space-4')} 0 ${token('space-2')};
      font-size: ${token('font-size-sm')};
      font-weight: ${token('font-weight-bold')};
      text-transform: uppercase;
      letter-spacing: 0.04em;
      color: ${token('color-text-muted')};
    }
    .message,
    .field-error {
      margin: ${token('space-1')} 0 0;
      font-size: ${token('font-size-sm')};
      color: ${token('color-danger')};
    }
    .required-form {
      margin-top: ${token('space-2')};
      padding: ${token('space-2')};
      border: 1px solid ${token('color-warning')};
      border-radius: ${token('radius-sm')};
      background: ${token('color-bg')};
    }
    fieldset {
      margin: 0;
      padding: 0;
      border: 0;
      display: grid;
      gap: ${token('space-2')};
    }
    legend {
      padding: 0;
      margin-bottom: ${token('space-2')};
      font-weight: ${token('font-weight-bold')};
    }
    .field {
      display: grid;
      gap: ${token('space-1')};
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: ${token('space-2')};
      margin-top: ${token('space-2')};
    }
    .contact-card {
      display: flex;
      align-items: center;
      gap: ${token('space-2')};
      margin-bottom: ${token('space-2')};
    }
    .contact-name {
      margin: 0;
      font-weight: ${token('font-weight-bold')};
      overflow-wrap: anywhere;
    }
    a {
      color: ${token('color-accent')};
      overflow-wrap: anywhere;
    }
    .past {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: ${token('space-1')};
    }
    .past-item {
      display: flex;
      align-items: flex-start;
      gap: ${token('space-2')};
      width: 100%;
      padding: ${token('space-2')};
      text-align: start;
      background: none;
      border: 1px solid transparent;
    }
    .past-item:hover {
      background: ${token('color-accent-soft')};
    }
    .channel-icon {
      flex: none;
      border-radius: ${token('radius-sm')};
    }
    .past-text {
      display: grid;
      gap: 2px;
      min-width: 0;
    }
    .past-preview {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .past-meta {
      display: flex;
      gap: ${token('space-2')};
      font-size: ${token('font-size-sm')};
      color: ${token('color-text-muted')};
    }
    .status-badge.open {
      color: ${token('color-success')};
    }
    .state {
      padding: ${token('space-2')} 0;
    }
    .state-title {
      margin: 0;
      font-weight: ${token('font-weight-bold')};
    }
    .hint {
      margin: ${token('space-1')} 0 ${token('space-2')};
      font-size: ${token('font-size-sm')};
      color: ${token('color-text-muted')};
    }
    .error .state-title {
      color: ${token('color-danger')};
    }
    .loading {
      display: flex;
      align-items: center;
      gap: ${token('space-2')};
      color: ${token('color-text-muted')};
    }
    .spinner {
      width: 1em;
      height: 1em;
      border: 2px solid ${token('color-border')};
      border-top-color: ${token('color-accent')};
      border-radius: 50%;
      animation: spin 0.8s linear infinite;
    }
    @keyframes spin {
      to {
        transform: rotate(360deg);
      }
    }
    /* A narrow sidebar puts each label above its value rather than squeezing both into one line. */
    @container (max-width: 260px) {
      .row {
        grid-template-columns: 1fr;
        gap: 2px;
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .spinner {
        animation: none;
      }
      .chevron {
        transition: none;
      }
    }
  `,
];
