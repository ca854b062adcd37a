import type { Conversation } from '../../model/index.js';
import type { ConversationListView } from '../../state/selectors.js';
import { contactLabel } from './conversation-row.js';
import { clip } from './search-highlight.js';

/**
 * How many rows from the top to look at for new activity. The store moves a conversation with a newer
 * message to the top of the list, so new messages are always found there: the work per change is
 * constant, whatever the size of the list.
 */
const SCAN = 8;

/**
 * Spots incoming messages as the store's list changes and, when the rep has notifications on and the
 * host page has permission, shows a desktop notification (text only) for a conversation that is not
 * open. Page loads and new queries only move the baseline: they are not news.
 */
export class IncomingNotifier {
  private newest = -Infinity;
  private query: unknown;
  private ids: readonly string[] | undefined;
  private byId: unknown;
  private wasLoading = true;

  constructor(private readonly onActivate: (conversationId: string) => void) {}

  observe(
    view: ConversationListView | undefined,
    byId: Readonly<Record<string, Conversation>> | undefined,
    selectedId: string | null,
    enabled: boolean,
  ): void {
    if (!view || !byId || (view.ids === this.ids && byId === this.byId)) return;
    const baseline = view.query !== this.query || view.loading || this.wasLoading;
    this.query = view.query;
    this.ids = view.ids;
    this.byId = byId;
    this.wasLoading = view.loading;
    let newest = this.newest;
    const count = Math.min(view.ids.length, SCAN);
    for (let i = 0; i < count; i++) {
      const conversation = byId[view.ids[i]!];
      const last = conversation?.lastMessage;
      if (!conversation || !last) continue;
      const at = Date.parse(last.at);
      if (!(at > this.newest)) continue;
      newest = Math.max(newest, at);
      if (!baseline && enabled && last.direction === 'incoming' && conversation.id !== selectedId) {
        this.notify(conversation);
      }
    }
    this.newest = newest;
  }

  private notify(conversation: Conversation): void {
    const Desktop = globalThis.Notification;
    if (typeof Desktop !== 'function' || Desktop.permission !== 'granted') return;
    try {
      // Text only: no icon or image from the channel reaches the system's notification centre.
      const notification = new Desktop(clip(contactLabel(conversation), 80), {
        body: clip(conversation.lastMessage?.preview ?? '', 200),
        tag: conversation.id,
      });
      notification.onclick = () => {
        window.focus();
        notification.close();
        this.onActivate(conversation.id);
      };
    } catch {
      // Some browsers only allow notifications from a service worker; the unread count still shows.
    }
  }
}
