import { css } from 'lit';

import { token } from '../../styles/tokens.js';

/** The "Ticket owner" menu button and its menu, and the avatars it shares with the contact section. */
export const ownerMenuStyles = css`
  .owner {
    position: relative;
  }
  #owner-button {
    display: flex;
    align-items: center;
    gap: ${token('space-2')};
    width: 100%;
    text-align: start;
  }
  #owner-value {
    flex: 1;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .caret {
    border: 5px solid transparent;
    border-top-color: currentColor;
    margin-top: 5px;
  }
  [role='menu'] {
    position: absolute;
    z-index: 10;
    inset-inline-end: 0;
    min-width: min(16rem, 90vw);
    top: calc(100% + 4px);
    max-height: 18rem;
    overflow: auto;
    padding: ${token('space-1')} 0;
    background: ${token('color-surface-raised')};
    border: 1px solid ${token('color-border')};
    border-radius: ${token('radius-sm')};
    box-shadow: ${token('shadow-md')};
  }
  [role='menu'][hidden] {
    display: none;
  }
  .group-label {
    padding: ${token('space-1')} ${token('space-3')};
    font-size: ${token('font-size-sm')};
    color: ${token('color-text-muted')};
  }
  .owner-item {
    display: flex;
    align-items: center;
    gap: ${token('space-2')};
    min-height: 32px;
    padding: ${token('space-1')} ${token('space-3')};
    cursor: pointer;
  }
  .owner-item:hover,
  .owner-item:focus {
    background: ${token('color-accent-soft')};
  }
  .owner-item[aria-checked='true'] .owner-name {
    font-weight: ${token('font-weight-bold')};
  }
  .owner-name {
    flex: 1;
  }
  .availability {
    display: inline-flex;
    align-items: center;
    gap: ${token('space-1')};
    font-size: ${token('font-size-sm')};
    color: ${token('color-text-muted')};
  }
  .dot {
    width: 8px;
    height: 8px;
    border-radius: 50%;
    background: ${token('color-text-muted')};
  }
  .online .dot {
    background: ${token('color-success')};
  }
  .away .dot {
    background: ${token('color-warning')};
  }
  .avatar {
    display: inline-grid;
    place-items: center;
    flex: none;
    border-radius: 50%;
    background: ${token('color-accent-soft')};
    color: ${token('color-text')};
    font-size: ${token('font-size-sm')};
    object-fit: cover;
  }
  .avatar.small {
    width: 24px;
    height: 24px;
    font-size: 0.6875rem;
  }
  .avatar.large {
    width: 40px;
    height: 40px;
  }
`;
