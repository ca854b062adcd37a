import { css } from 'lit';

import { token } from '../../styles/tokens.js';

/** The header: contact, channel logo, ticket button and the Ticket owner menu. */
export const headerStyles = css`
  .header {
    display: flex;
    align-items: center;
    gap: ${token('space-3')};
    padding: ${token('space-2')} ${token('space-4')};
    border-block-end: 1px solid ${token('color-border')};
    background: ${token('color-surface-raised')};
    flex-wrap: wrap;
  }
  .who {
    display: flex;
    align-items: center;
    gap: ${token('space-2')};
    min-width: 0;
    flex: 1 1 12rem;
  }
  .contact {
    margin: 0;
    font-weight: ${token('font-weight-bold')};
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .channel-logo {
    width: 20px;
    height: 20px;
    border-radius: ${token('radius-sm')};
    flex: none;
  }
  .channel-logo.fallback,
  .avatar {
    display: inline-grid;
    place-items: center;
    font-size: 0.7rem;
    font-weight: ${token('font-weight-bold')};
    background: ${token('color-accent-soft')};
    color: ${token('color-text')};
  }
  .avatar {
    width: 24px;
    height: 24px;
    border-radius: 50%;
    flex: none;
  }
  .avatar.large {
    width: 32px;
    height: 32px;
    font-size: 0.8rem;
  }
  .ticket {
    display: flex;
    align-items: center;
    gap: ${token('space-2')};
    flex-wrap: wrap;
  }
  .ticket-button,
  .owner-button,
  .new-messages,
  .notice button,
  .loading-older button,
  .dialog-close {
    border: 1px solid ${token('color-border')};
    border-radius: ${token('radius-md')};
    background: ${token('color-bg')};
    padding: ${token('space-1')} ${token('space-3')};
  }
  .ticket-button {
    color: ${token('color-accent')};
    font-weight: ${token('font-weight-bold')};
    max-width: 20rem;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .owner {
    position: relative;
    display: flex;
    align-items: center;
    gap: ${token('space-2')};
  }
  .owner-value {
    font-size: ${token('font-size-sm')};
  }
  .owner-error {
    color: ${token('color-danger')};
    font-size: ${token('font-size-sm')};
    margin-inline-start: ${token('space-2')};
  }
  .owner-menu {
    position: absolute;
    inset-inline-end: 0;
    inset-block-start: calc(100% + 4px);
    z-index: 2;
    min-width: 16rem;
    max-height: 20rem;
    overflow: auto;
    padding: ${token('space-1')};
    background: ${token('color-surface-raised')};
    border: 1px solid ${token('color-border')};
    border-radius: ${token('radius-md')};
    box-shadow: ${token('shadow-md')};
  }
  .owner-menu[hidden] {
    display: none;
  }
  .owner-item {
    display: grid;
    grid-template-columns: auto 1fr;
    column-gap: ${token('space-2')};
    align-items: center;
    width: 100%;
    text-align: start;
    border: 0;
    background: none;
    padding: ${token('space-1')} ${token('space-2')};
    border-radius: ${token('radius-sm')};
  }
  .owner-item:hover,
  .owner-item:focus {
    background: ${token('color-accent-soft')};
  }
  .owner-item[aria-checked='true'] .owner-name {
    font-weight: ${token('font-weight-bold')};
  }
  .owner-item[aria-checked='true'] .owner-name::after {
    content: ' ✓';
  }
  .owner-item .owner-detail {
    grid-column: 2;
    font-size: ${token('font-size-sm')};
    color: ${token('color-text-muted')};
  }
  .dot {
    width: 8px;
    height: 8px;
    border-radius: 50%;
    background: ${token('color-text-muted')};
  }
  .dot.online {
    background: ${token('color-success')};
  }
  .dot.away {
    background: ${token('color-warning')};
  }
`;
