// What a thread needs only once it is on a page: its templates, styles and controllers (streams,
// scroll window, owner menu, focus). A chunk of its own (see internal/lazy-view.ts), imported only by
// `<thread-view>` when one is first connected; its fetch runs beside the store's first request.
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';

import type { Message } from '../../model/index.js';
import { announce } from './announcer.js';
import { headerStyles } from './header.styles.js';
import { type DialogImage, renderImageDialog } from './image-dialog.js';
import { messageStyles } from './message.styles.js';
import { MessageIndex } from './message-index.js';
import { type MessageContext, senderName } from './message-template.js';
import { OwnerMenu } from './owner-menu.js';
import { ScrollWindow } from './scroll-window.js';
import { threadFocus } from './thread-focus.js';
import { renderHeader } from './thread-header.js';
import { renderNotice, renderOlderStatus } from './thread-notices.js';
import { renderRows } from './thread-rows.js';
import { threadStreams } from './thread-streams.js';
import { ReplyToEvent, TicketOpenEvent } from './thread-view.events.js';
import type { ThreadView } from './thread-view.js';
import { styles as frameStyles } from './thread-view.styles.js';

export const styles = [frameStyles, headerStyles, messageStyles];

const NO_MESSAGES: readonly Message[] = [];

/** What the thread shows besides the store's data; a change renders again, as `@state` would. */
interface UiState {
  unseen: boolean;
  broken: ReadonlySet<string>;
  expanded: ReadonlySet<string>;
  highlightId: string | null;
  dialogImage: DialogImage | null;
  ownerError: string | null;
  logoBroken: boolean;
}

/** The view of a `<thread-view>`, made at its first update after this chunk arrived. */
export function createThreadView(host: ThreadView): ThreadViewImpl {
  return new ThreadViewImpl(host);
}

export class ThreadViewImpl {
  // Field initializers run after the constructor's parameter property is set: `host` is there.
  private readonly streams = threadStreams(this.host, {
    desk: () => this.host.desk,
    conversationId: () => this.host.conversationId,
  });
  private readonly owner = new OwnerMenu(this.host, (id) => void this.reassign(id));
  private readonly window = new ScrollWindow(this.host, {
    keys: () => this.keys,
    scroller: () => this.log,
    onNearTop: () => queueMicrotask(() => this.loadOlder()),
    onBottomChange: (atBottom) => {
      if (!atBottom) return;
      this.set('unseen', false);
      // Reaching the newest message reads the conversation.
      const id = this.activeId;
      if (id && (this.streams.conversation.value?.unreadCount ?? 0) > 0) {
        queueMicrotask(() => void this.host.desk?.markRead(id));
      }
    },
  });

  private shownId: string | null = null;
  private shownDesk: ThreadView['desk'];
  private opening = false;
  private readonly index = new MessageIndex();
  private readonly requestedTickets = new Set<string>();
  private readonly ui: UiState = {
    unseen: false,
    broken: new Set(),
    expanded: new Set(),
    highlightId: null,
    dialogImage: null,
    ownerError: null,
    logoBroken: false,
  };

  // Made in the host's `willUpdate`: the controllers connect at once and take part in that update.
  constructor(private readonly host: ThreadView) {
    // A render that drops the focused control (a row leaving the window, a Retry going away) leaves
    // focus in the thread.
    threadFocus(host, () => this.log);
  }

  private get log(): HTMLElement | null {
    return this.host.renderRoot.querySelector<HTMLElement>('.log');
  }

  private get activeId(): string | null {
    return this.streams.activeId();
  }

  private get ticketId(): string | null {
    return this.streams.ticketId();
  }

  private get messages(): readonly Message[] {
    return this.streams.thread.value?.messages ?? NO_MESSAGES;
  }

  private get keys(): readonly string[] {
    return this.index.keys(this.messages);
  }

  private set<K extends keyof UiState>(key: K, value: UiState[K]): void {
    if (this.ui[key] === value) return;
    this.ui[key] = value;
    this.host.requestUpdate();
  }

  willUpdate(): void {
    const id = this.activeId;
    const desk = this.host.desk;
    // Another conversation, or the same one from another store (a provider that arrived late).
    if (id !== this.shownId || (desk && desk !== this.shownDesk)) {
      this.shownId = id;
      this.shownDesk = desk;
      this.opening = id !== null;
      this.window.reset();
      Object.assign(this.ui, {
        unseen: false,
        broken: new Set(),
        expanded: new Set(),
        highlightId: null,
        ownerError: null,
        logoBroken: false,
      } satisfies Partial<UiState>);
      this.owner.close(false);
    }
    this.followNewMessages();
  }

  /** New messages at the end: follow them, or offer the "New messages" button; announce incoming ones. */
  private followNewMessages(): void {
    const last = this.index.appended(this.messages);
    if (!last) return;
    if (last.direction === 'outgoing' && last.status === 'pending') this.window.scrollToBottom();
    else if (!this.window.atBottom) this.set('unseen', true);
    if (last.direction === 'incoming') announce(msg(str`New message from ${senderName(last)}`));
  }

  updated(): void {
    const desk = this.host.desk;
    const id = this.activeId;
    if (!desk || !id) return;
    if (this.opening) {
      this.opening = false;
      void desk.loadMessages(id);
      void desk.markRead(id);
    } else if ((this.streams.conversation.value?.unreadCount ?? 0) > 0 && this.window.atBottom) {
      void desk.markRead(id);
    }
    const ticketId = this.ticketId;
    const ticket = this.streams.ticket.value;
    if (ticketId && ticket && !ticket.ticket && !ticket.loading && !this.requestedTickets.has(ticketId)) {
      this.requestedTickets.add(ticketId);
      void desk.loadTicket(ticketId);
    }
  }

  private loadOlder(): void {
    const thread = this.streams.thread.value;
    // Checked again here: the request was queued, and the thread may have changed since.
    if (this.activeId && thread?.hasOlder && !thread.loading && !thread.error && this.window.nearTop()) {
      void this.host.desk?.loadOlderMessages(this.activeId);
    }
  }

  private loadFirstAgain(): void {
    if (this.activeId) void this.host.desk?.loadMessages(this.activeId);
  }

  private loadOlderAgain(): void {
    if (this.activeId) void this.host.desk?.loadOlderMessages(this.activeId);
  }

  private handleReply(message: Message): void {
    const conversationId = this.activeId;
    if (!conversationId) return;
    this.host.desk?.setReplyTarget(conversationId, message.id);
    this.host.dispatchEvent(new ReplyToEvent({ messageId: message.id, conversationId }));
  }

  private async handleQuote(id: string): Promise<void> {
    if (!this.window.scrollToKey(id)) return;
    this.set('highlightId', id);
    await this.host.updateComplete;
    const row = this.host.renderRoot.querySelector(`[data-key="${CSS.escape(id)}"] article`);
    (row as HTMLElement | null)?.focus({ preventScroll: true });
  }

  private async handleOpenImage(image: DialogImage): Promise<void> {
    this.set('dialogImage', image);
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLDialogElement>('dialog.image-dialog')?.showModal();
  }

  private async reassign(ownerId: string | null): Promise<void> {
    const ticketId = this.ticketId;
    const desk = this.host.desk;
    if (!ticketId || !desk) return;
    this.set('ownerError', null);
    const result = await desk.updateTicket(ticketId, { ownerId });
    if (!result.ok) {
      const error = msg('The owner could not be changed.');
      this.set('ownerError', error);
      announce(error);
    }
  }

  private toggle(set: ReadonlySet<string>, key: string, on = !set.has(key)): ReadonlySet<string> {
    const next = new Set(set);
    if (on) next.add(key);
    else next.delete(key);
    return next;
  }

  // The button goes away once the newest message is in view: ThreadFocus leaves the rep in the log.
  private readonly handleNewMessages = (): void => this.scrollToBottom();

  /** Scrolls to the newest message and follows new ones again. */
  scrollToBottom(): void {
    this.set('unseen', false);
    this.window.scrollToBottom();
  }

  private context(): MessageContext {
    const thread = this.streams.thread.value;
    const ui = this.ui;
    return {
      setSize: thread?.hasOlder ? -1 : this.messages.length,
      replyTargetId: this.streams.replyTarget.value ?? null,
      highlightId: ui.highlightId,
      expanded: ui.expanded,
      broken: ui.broken,
      lookup: (id) => this.index.get(id),
      onReply: (m) => this.handleReply(m),
      onRetry: (m) => void (this.activeId && this.host.desk?.retry(this.activeId, m.clientId)),
      onQuote: (id) => void this.handleQuote(id),
      onToggleExpand: (id) => this.set('expanded', this.toggle(ui.expanded, id)),
      onBroken: (key) => this.set('broken', this.toggle(ui.broken, key, true)),
      onOpenImage: (image) => void this.handleOpenImage(image),
    };
  }

  private renderHeader(): TemplateResult | typeof nothing {
    if (!this.activeId) return nothing;
    const conversation = this.streams.conversation.value ?? null;
    const ticketView = this.streams.ticket.value;
    const ticketId = this.ticketId;
    return renderHeader({
      conversation,
      fallbackName: this.messages.find((m) => m.direction === 'incoming')?.sender?.name ?? '',
      channel: this.streams.channels.value?.find((c) => c.id === conversation?.channelId),
      channelLogoBroken: this.ui.logoBroken,
      ticket: ticketView?.ticket ?? null,
      ticketId,
      onLogoError: () => this.set('logoBroken', true),
      onTicketOpen: (id) =>
        this.host.dispatchEvent(new TicketOpenEvent({ ticketId: id, conversationId: this.activeId ?? null })),
      ownerMenu: ticketId
        ? this.owner.render({
            ownerId: ticketView?.ticket?.ownerId ?? null,
            agents: this.streams.agents.value ?? [],
            teams: this.streams.teams.value ?? [],
            saving: ticketView?.saving ?? false,
            error: this.ui.ownerError,
            disabled: !ticketView?.ticket,
          })
        : nothing,
    });
  }

  render(): TemplateResult {
    const messages = this.messages;
    const thread = this.streams.thread.value;
    return html`${this.renderHeader()}
      <div class="body">
        ${renderOlderStatus(messages.length, thread, () => this.loadOlderAgain())}
        <div
          class="log"
          part="log"
          role="log"
          aria-label=${msg('Messages')}
          aria-live="off"
          aria-relevant="additions"
          tabindex="0"
        >
          ${renderNotice(this.activeId, messages.length, thread, () => this.loadFirstAgain())}
          <div data-spacer="top" aria-hidden="true"></div>
          <div class="rows" data-rows>
            ${renderRows(messages, this.window.start, this.window.end, this.context(), this.window.slotBase)}
          </div>
          <div data-spacer="bottom" aria-hidden="true"></div>
        </div>
        ${
          this.ui.unseen
            ? html`<button
                type="button"
                class="new-messages"
                part="new-messages"
                @click=${this.handleNewMessages}
              >
                ${msg('New messages')} <span aria-hidden="true">↓</span>
              </button>`
            : nothing
        }
      </div>
      ${renderImageDialog(this.ui.dialogImage, () => this.set('dialogImage', null))}`;
  }
}
