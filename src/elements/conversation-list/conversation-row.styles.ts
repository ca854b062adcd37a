import { css } from 'lit';

import { token } from '../../styles/tokens.js';

/** The rows of the listbox: fixed height per density, one line per field, ellipsis on overflow. */
export const rowStyles = css`
  .row {
    display: grid;
    grid-template-columns: var(--_avatar-size) minmax(0, 1fr);
    grid-template-rows: repeat(3, minmax(0, auto));
    column-gap: ${token('space-3')};
    align-content: center;
    width: 100%;
    height: var(--hd-conversation-list-row-height, var(--_row-height));
    padding: 0 ${token('space-3')};
    overflow: hidden;
    /* A row's size never depends on its content: a text change re-lays out that row only. */
    contain: strict;
    cursor: pointer;
    border-bottom: 1px solid ${token('color-border')};
    background: var(--hd-conversation-list-row-bg, transparent);
  }
  .row:hover {
    background: ${token('color-surface')};
  }
  .row.selected {
    background: var(--hd-conversation-list-selected-bg, ${token('color-accent-soft')});
    box-shadow: inset 3px 0 0 ${token('color-accent')};
  }
  :host(:dir(rtl)) .row.selected {
    box-shadow: inset -3px 0 0 ${token('color-accent')};
  }
  [role='listbox']:focus-visible .row.active,
  [role='listbox']:focus .row.active {
    outline: ${token('focus-ring-width')} solid ${token('color-focus')};
    outline-offset: -3px;
  }
  .avatar {
    grid-row: 1 / span 3;
    align-self: center;
    display: grid;
    place-items: center;
    width: var(--_avatar-size);
    height: var(--_avatar-size);
    border-radius: 50%;
    overflow: hidden;
    object-fit: cover;
    font-size: ${token('font-size-sm')};
    font-weight: ${token('font-weight-bold')};
    color: ${token('color-accent-contrast')};
    background: ${token('color-accent')};
  }
  .line {
    grid-column: 2;
    display: flex;
    align-items: center;
    gap: ${token('space-2')};
    min-width: 0;
    line-height: 1.3;
    white-space: nowrap;
  }
  .name,
  .preview,
  .assignee,
  .ticket {
    overflow: hidden;
    text-overflow: ellipsis;
    unicode-bidi: isolate;
  }
  .name {
    flex: 1 1 auto;
    font-weight: ${token('font-weight-bold')};
  }
  .preview {
    flex: 1 1 auto;
    color: ${token('color-text-muted')};
  }
  .row.unread .preview {
    color: ${token('color-text')};
  }
  .channel-logo {
    flex: none;
    width: 16px;
    height: 16px;
    border-radius: ${token('radius-sm')};
  }
  .channel-name,
  .time,
  .meta {
    flex: none;
    font-size: ${token('font-size-sm')};
    color: ${token('color-text-muted')};
  }
  .meta {
    flex: 1 1 auto;
  }
  /* Compact rows show two lines; status and assignee stay in the option's accessible name. */
  :host([density='compact']) .meta {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  .unread-count {
    flex: none;
    min-width: 20px;
    padding: 0 6px;
    border-radius: ${token('radius-pill')};
    text-align: center;
    font-size: ${token('font-size-sm')};
    font-weight: ${token('font-weight-bold')};
    color: ${token('color-accent-contrast')};
    background: ${token('color-accent')};
  }
  .status-open {
    color: ${token('color-success')};
  }
  mark {
    color: inherit;
    background: var(--hd-conversation-list-match-bg, ${token('color-accent-soft')});
    text-decoration: underline;
    text-underline-offset: 2px;
  }
`;
