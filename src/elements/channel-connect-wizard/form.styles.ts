import { css } from 'lit';

import { token } from '../../styles/tokens.js';

/** Fields, buttons, dialogs and notes, shared by the wizard and the settings table. */
export const formStyles = css`
  button {
    font: inherit;
    min-height: 2.25rem;
    min-width: 2.25rem;
    padding: ${token('space-1')} ${token('space-4')};
    border-radius: ${token('radius-md')};
    border: 1px solid ${token('color-border')};
    background: ${token('color-surface-raised')};
    color: ${token('color-text')};
    cursor: pointer;
  }
  button.primary {
    background: ${token('color-accent')};
    border-color: ${token('color-accent')};
    color: ${token('color-accent-contrast')};
  }
  button.danger {
    background: ${token('color-danger')};
    border-color: ${token('color-danger')};
    color: ${token('color-bg')};
  }
  button:disabled,
  button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: not-allowed;
  }
  input:not([type='checkbox'], [type='radio']),
  select {
    font: inherit;
    width: 100%;
    min-height: 2.25rem;
    padding: ${token('space-1')} ${token('space-2')};
    border: 1px solid ${token('color-border')};
    border-radius: ${token('radius-sm')};
    background: ${token('color-bg')};
    color: ${token('color-text')};
  }
  input[type='checkbox'],
  input[type='radio'] {
    width: 1.25rem;
    height: 1.25rem;
    margin: 0;
    accent-color: ${token('color-accent')};
  }
  [aria-invalid='true'] {
    border-color: ${token('color-danger')} !important;
  }
  .field {
    display: grid;
    gap: ${token('space-1')};
    margin-block: ${token('space-3')};
  }
  .field > label {
    font-weight: ${token('font-weight-bold')};
  }
  .required,
  .help,
  .muted {
    color: ${token('color-text-muted')};
    font-size: ${token('font-size-sm')};
    font-weight: normal;
  }
  p {
    margin: 0;
  }
  .error,
  .step-error {
    color: ${token('color-danger')};
    font-size: ${token('font-size-sm')};
    overflow-wrap: anywhere;
  }
  .step-error {
    margin-block: ${token('space-2')};
    padding: ${token('space-2')} ${token('space-3')};
    border: 1px solid ${token('color-danger')};
    border-radius: ${token('radius-md')};
  }
  .success {
    color: ${token('color-success')};
  }
  .note {
    margin-block: ${token('space-3')};
    padding: ${token('space-2')} ${token('space-3')};
    border-radius: ${token('radius-md')};
    background: ${token('color-surface')};
  }
  .check {
    display: inline-flex;
    gap: ${token('space-2')};
    align-items: center;
    min-height: 2.25rem;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: ${token('space-2')};
    justify-content: flex-end;
    margin-top: ${token('space-5')};
  }
  dialog {
    max-width: min(32rem, calc(100vw - 2rem));
    border: 1px solid ${token('color-border')};
    border-radius: ${token('radius-lg')};
    background: ${token('color-surface-raised')};
    color: ${token('color-text')};
    box-shadow: ${token('shadow-md')};
    padding: ${token('space-5')};
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }
  dialog h2 {
    margin: 0 0 ${token('space-2')};
    font-size: ${token('font-size-lg')};
  }
  input[role='switch'] {
    appearance: none;
    width: 2.5rem;
    height: 1.5rem;
    border-radius: ${token('radius-pill')};
    background: ${token('color-text-muted')};
    position: relative;
    cursor: pointer;
  }
  input[role='switch']::after {
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
  input[role='switch']:checked {
    background: ${token('color-accent')};
  }
  input[role='switch']:checked::after {
    inset-inline-start: 1.1875rem;
  }
`;
