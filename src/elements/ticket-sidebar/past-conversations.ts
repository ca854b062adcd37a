import { msg } from '@lit/localize';
import { html, type TemplateResult } from 'lit';

import type { ChannelDefinition, Conversation } from '../../model/index.js';
import type { PastConversationsView } from '../../state/selectors.js';
import { renderChannelIcon } from './channel-icon.js';
import { renderEmpty, renderFailure, renderLoading } from './states.js';
import { renderTime } from './ticket-section.js';

export interface PastConversationsData {
  contactId: string | null;
  /** The conversation on screen, left out of the list. */
  currentId: string | null;
  view: PastConversationsView;
  /** The contact is not known yet (its ticket is loading). */
  pending: boolean;
  channels: readonly ChannelDefinition[];
  onChoose: (conversation: Conversation) => void;
  onRetry: () => void;
}

const lastAt = (c: Conversation) => c.lastMessage?.at ?? c.createdAt;

/** The contact's other conversations, newest first. */
export function pastConversations(view: PastConversationsView, currentId: string | null): Conversation[] {
  return view.conversations
    .filter((c) => c.id !== currentId)
    .sort((a, b) => (lastAt(a) < lastAt(b) ? 1 : lastAt(a) > lastAt(b) ? -1 : 0));
}

/** The "Past conversations" section: each a button that opens it in the desk. */
export function renderPastConversations(data: PastConversationsData): TemplateResult {
  const { view } = data;
  if (data.pending) return renderLoading(msg('Loading past conversations…'));
  if (!data.contactId) {
    return renderEmpty(
      msg('No past conversations'),
      msg('Past conversations show once the contact is known.'),
    );
  }
  const list = pastConversations(view, data.currentId);
  if (list.length === 0) {
    if (view.error) {
      return renderFailure(msg('Past conversations could not be loaded.'), view.error.message, data.onRetry);
    }
    if (view.loading) return renderLoading(msg('Loading past conversations…'));
    return renderEmpty(
      msg('No past conversations'),
      msg('This is the first conversation with this contact.'),
    );
  }
  return html`<ul class="past" part="past-list" aria-busy=${view.loading ? 'true' : 'false'}>
    ${list.map(
      (c) =>
        html`<li>
          <button type="button" class="past-item" part="past-item" @click=${() => data.onChoose(c)}>
            ${renderChannelIcon(c, data.channels)}
            <span class="past-text">
              <span class="past-preview">${c.lastMessage?.preview || msg('No messages yet')}</span>
              <span class="past-meta">
                <span class="status-badge ${c.status}"
                  >${c.status === 'open' ? msg('Open') : msg('Closed')}</span
                >
                ${renderTime(lastAt(c))}
              </span>
            </span>
          </button>
        </li>`,
    )}
  </ul>`;
}
