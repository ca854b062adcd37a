import { css } from 'lit';

import { token } from '../../styles/tokens.js';
import { rowStyles } from './conversation-row.styles.js';

/** Adopted when the view arrives (see conversation-list-view.ts), after the element's own box styles. */
export const styles = [
  rowStyles,
  css`
    :host {
      --_row-height: 76px;
      --_avatar-size: 36px;
      background: var(--hd-conversation-list-bg, ${token('color-bg')});
      border-inline-end: 1px solid ${token('color-border')};
    }
    :host([density='compact']) {
      --_row-height: 52px;
      --_avatar-size: 28px;
    }
    /* Not display: contents: the virtualizer measures its ancestors, and a box without a size would
       make its viewport empty. */
    [part~='base'] {
      display: flex;
      flex-direction: column;
      flex: 1 1 auto;
      min-height: 0;
      height: 100%;
    }
    button,
    input,
    select {
      font: inherit;
      color: inherit;
    }
    button,
    select,
    input:not([type='checkbox']) {
      min-height: 28px;
      border: 1px solid ${token('color-border')};
      border-radius: ${token('radius-sm')};
      background: ${token('color-surface-raised')};
      padding: 0 ${token('space-2')};
    }
    button {
      cursor: pointer;
    }
    .toolbar {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: ${token('space-2')};
      padding: ${token('space-2')} ${token('space-3')};
      border-bottom: 1px solid ${token('color-border')};
    }
    [part~='search'] {
      flex: 1 1 10rem;
      min-width: 0;
    }
    .views {
      position: relative;
      display: flex;
      align-items: center;
      gap: ${token('space-1')};
    }
    .current-view {
      max-width: 10rem;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
      font-size: ${token('font-size-sm')};
      color: ${token('color-text-muted')};
    }
    [part~='views-menu'] {
      position: absolute;
      inset-block-start: 100%;
      inset-inline-start: 0;
      z-index: 2;
      display: flex;
      flex-direction: column;
      min-width: 14rem;
      max-height: 20rem;
      overflow: auto;
      margin-top: ${token('space-1')};
      padding: ${token('space-1')};
      background: ${token('color-surface-raised')};
      border: 1px solid ${token('color-border')};
      border-radius: ${token('radius-md')};
      box-shadow: ${token('shadow-md')};
    }
    [part~='views-menu'][hidden] {
      display: none;
    }
    [part~='views-menu'] button {
      border: 0;
      min-height: 32px;
      text-align: start;
      background: transparent;
    }
    [part~='views-menu'] button:hover,
    [part~='views-menu'] button:focus {
      background: ${token('color-accent-soft')};
    }
    [part~='views-menu'] [aria-checked='true'] {
      font-weight: ${token('font-weight-bold')};
    }
    [role='separator'] {
      margin: ${token('space-1')} 0;
      border-top: 1px solid ${token('color-border')};
    }
    [role='switch'] {
      display: inline-flex;
      align-items: center;
      gap: ${token('space-2')};
      border: 0;
      background: transparent;
      padding: 0 ${token('space-1')};
    }
    [role='switch'] .track {
      position: relative;
      width: 32px;
      height: 18px;
      border-radius: ${token('radius-pill')};
      background: ${token('color-border')};
    }
    [role='switch'] .track::after {
      content: '';
      position: absolute;
      inset-block-start: 2px;
      inset-inline-start: 2px;
      width: 14px;
      height: 14px;
      border-radius: 50%;
      background: ${token('color-bg')};
      transition: transform 0.15s;
    }
    [role='switch'][aria-checked='true'] .track {
      background: ${token('color-accent')};
    }
    [role='switch'][aria-checked='true'] .track::after {
      transform: translateX(14px);
    }
    :host(:dir(rtl)) [role='switch'][aria-checked='true'] .track::after {
      transform: translateX(-14px);
    }
    .filters {
      display: flex;
      flex-wrap: wrap;
      align-items: end;
      gap: ${token('space-2')};
      padding: ${token('space-2')} ${token('space-3')};
      border-bottom: 1px solid ${token('color-border')};
      font-size: ${token('font-size-sm')};
    }
    .filter {
      display: flex;
      flex-direction: column;
      gap: 2px;
      color: ${token('color-text-muted')};
    }
    .filter select {
      max-width: 11rem;
      color: ${token('color-text')};
    }
    .filter.checkbox {
      flex-direction: row;
      align-items: center;
      min-height: 28px;
      gap: ${token('space-1')};
      color: ${token('color-text')};
    }
    .filter.checkbox input {
      width: 20px;
      height: 20px;
      margin: 2px;
      accent-color: ${token('color-accent')};
    }
    [role='listbox'] {
      flex: 1 1 auto;
      min-height: 0;
      overflow: auto;
      outline-offset: -2px;
    }
    [role='listbox']:focus-visible {
      outline: ${token('focus-ring-width')} solid ${token('color-focus')};
    }
    [virtualizer-sizer] {
      visibility: hidden;
    }
    .state {
      flex: none;
      margin: 0;
      padding: ${token('space-4')} ${token('space-3')};
      color: ${token('color-text-muted')};
      text-align: center;
    }
    .state[hidden] {
      display: none;
    }
    .error {
      color: ${token('color-danger')};
    }
    .error:empty {
      display: none;
    }
    .state .error {
      margin: 0 0 ${token('space-2')};
    }
    dialog {
      max-width: min(28rem, 90vw);
      padding: ${token('space-4')};
      color: ${token('color-text')};
      background: ${token('color-surface-raised')};
      border: 1px solid ${token('color-border')};
      border-radius: ${token('radius-lg')};
      box-shadow: ${token('shadow-md')};
    }
    dialog h2 {
      margin: 0 0 ${token('space-2')};
      font-size: ${token('font-size-lg')};
    }
    .field {
      display: flex;
      flex-direction: column;
      gap: ${token('space-1')};
    }
    .actions {
      display: flex;
      justify-content: flex-end;
      gap: ${token('space-2')};
      margin-top: ${token('space-3')};
    }
    .primary {
      color: ${token('color-accent-contrast')};
      background: ${token('color-accent')};
      border-color: ${token('color-accent')};
    }
  `,
];
