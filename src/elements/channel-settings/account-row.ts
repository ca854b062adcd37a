// One connected account as a table row. Its name is the row header; "Status", "Edit" and "Delete"
// keep the short names the flow uses and are described by the account's name, so a screen reader
// hears which account each belongs to.
import { msg } from '@lit/localize';
import { html, type TemplateResult } from 'lit';

import { getLocale } from '../../localization/localization.js';
import type { ChannelAccount, ChannelDefinition } from '../../model/index.js';
import { channelLogo } from '../channel-connect-wizard/choose-step.js';

export interface AccountRowView {
  account: ChannelAccount;
  channel: ChannelDefinition | undefined;
  index: number;
  onToggle(account: ChannelAccount): void;
  onEdit(account: ChannelAccount): void;
  onDelete(account: ChannelAccount): void;
}

function day(iso: string): string {
  const time = Date.parse(iso);
  if (!Number.isFinite(time)) return '';
  return new Intl.DateTimeFormat(getLocale(), { dateStyle: 'medium' }).format(time);
}

export function renderAccountRow(view: AccountRowView): TemplateResult {
  const { account, channel, index } = view;
  const nameId = `account-${index}`;
  const on = account.status === 'active';
  return html`<tr class=${on ? '' : 'off'} part="row">
    <td>
      <span class="channel"
        >${channelLogo(channel, 28)}<span>${channel?.name ?? msg('Unknown channel')}</span></span
      >
    </td>
    <th scope="row" id=${nameId}>${account.name}</th>
    <td>
      <span class="status">
        <button
          type="button"
          role="switch"
          class="switch"
          part="status-switch"
          aria-checked=${on ? 'true' : 'false'}
          aria-label=${msg('Status')}
          aria-describedby=${nameId}
          @click=${() => view.onToggle(account)}
        ></button>
        <span class="status-text">${on ? msg('On') : msg('Off')}</span>
      </span>
    </td>
    <td><time datetime=${account.createdAt}>${day(account.createdAt)}</time></td>
    <td class="row-actions" part="row-actions">
      <button type="button" class="secondary" aria-describedby=${nameId} @click=${() => view.onEdit(account)}>
        ${msg('Edit')}
      </button>
      <button
        type="button"
        class="secondary"
        aria-describedby=${nameId}
        @click=${() => view.onDelete(account)}
      >
        ${msg('Delete')}
      </button>
    </td>
  </tr>`;
}
