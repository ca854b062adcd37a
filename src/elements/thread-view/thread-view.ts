import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';

import type { Message } from '../../model/index.js';
import { storeContext } from '../../state/context.js';
import type { HelpDeskStore } from '../../state/store.js';
import { sharedStyles } from '../../styles/shared.styles.js';
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
import { styles } from './thread-view.styles.js';

const NO_MESSAGES: readonly Message[] = [];

/**
 * One conversation's messages, newest at the bottom, with its contact, ticket and owner on top.
 * Only the messages near the viewport are in the DOM, so a 10,000-message thread costs what a short one does.
 *
 * @tag thread-view
 * @csspart header - The bar with the contact, channel, ticket and owner.
 * @csspart channel-logo - The custom channel's logo in the header.
 * @csspart ticket-button - The ticket's name, a button that fires `ticket-open`.
 * @csspart log - The scrolling list of messages.
 * @csspart new-messages - The "New messages" button shown when messages arrive while scrolled up.
 * @csspart image-dialog - The dialog that shows an image at full size.
 * @cssprop --hd-thread-view-incoming-bg - Background of incoming bubbles.
 * @cssprop --hd-thread-view-outgoing-bg - Background of outgoing bubbles.
 * @cssprop --hd-thread-view-outgoing-color - Text colour of outgoing bubbles.
 * @cssprop --hd-thread-view-max-bubble-width - Widest a bubble grows (default 70%).
 * @fires reply-to - The rep chose a message to answer; `detail.messageId`, `detail.conversationId`.
 * @fires ticket-open - The rep activated the ticket's name; `detail.ticketId`.
 *
 * @example
 * ```html
 * <help-desk-provider>
 *   <thread-view conversation-id="conv-1"></thread-view>
 * </help-desk-provider>
 * ```
 */
@localized()
export class ThreadView extends LitElement {
  static override styles = [sharedStyles, styles, headerStyles, messageStyles];

  private readonly streams = threadStreams(this, {
    desk: () => this.desk,
    conversationId: () => this.conversationId,
    activeId: () => this.activeId,
    ticketId: () => this.ticketId,
  });
  private readonly owner = new OwnerMenu(this, (id) => void this.reassign(id));
  private readonly window = new ScrollWindow(this, {
    keys: () => this.keys,
    scroller: () => this.renderRoot.querySelector<HTMLElement>('.log'),
    onNearTop: () => queueMicrotask(() => this.loadOlder()),
    onBottomChange: (atBottom) => {
      if (!atBottom) return;
      if (this.unseen) this.unseen = false;
      // Reaching the newest message reads the conversation.
      const id = this.activeId;
      if (id && (this.streams.conversation.value?.unreadCount ?? 0) > 0) {
        queueMicrotask(() => void this.desk?.markRead(id));
      }
    },
  });

  private shownId: string | null = null;
  private shownDesk: HelpDeskStore | undefined;
  private opening = false;
  private readonly index = new MessageIndex();
  private readonly requestedTickets = new Set<string>();

  @consume({ context: storeContext, subscribe: true }) @state() private providedStore?: HelpDeskStore;
  @state() private unseen = false;
  @state() private broken: ReadonlySet<string> = new Set();
  @state() private expanded: ReadonlySet<string> = new Set();
  @state() private highlightId: string | null = null;
  @state() private dialogImage: DialogImage | null = null;
  @state() private ownerError: string | null = null;
  @state() private logoBroken = false;

  /** The store; given directly, or by the nearest `<help-desk-provider>`. */
  @property({ attribute: false }) store?: HelpDeskStore;

  /** The conversation shown; without it, the conversation selected in the store. */
  @property({ attribute: 'conversation-id' }) conversationId?: string;

  constructor() {
    super();
    // A render that drops the focused control (a row leaving the window, a Retry going away) leaves
    // focus in the thread.
    threadFocus(this, () => this.renderRoot.querySelector<HTMLElement>('.log'));
  }

  private get desk(): HelpDeskStore | undefined {
    return this.store ?? this.providedStore;
  }

  private get activeId(): string | null {
    return this.conversationId || (this.streams.selectedId.value ?? null);
  }

  private get ticketId(): string | null {
    return this.streams.conversation.value?.ticketId ?? null;
  }

  private get messages(): readonly Message[] {
    return this.streams.thread.value?.messages ?? NO_MESSAGES;
  }

  private get keys(): readonly string[] {
    return this.index.keys(this.messages);
  }

  protected override willUpdate(): void {
    const id = this.activeId;
    // Another conversation, or the same one from another store (a provider that arrived late).
    if (id !== this.shownId || (this.desk && this.desk !== this.shownDesk)) {
      this.shownId = id;
      this.shownDesk = this.desk;
      this.opening = id !== null;
      this.window.reset();
      this.unseen = false;
      this.index.reset();
      this.broken = new Set();
      this.expanded = new Set();
      this.highlightId = null;
      this.ownerError = null;
      this.logoBroken = false;
      this.owner.close(false);
    }
    this.followNewMessages();
  }

  /** New messages at the end: follow them, or offer the "New messages" button; announce incoming ones. */
  private followNewMessages(): void {
    const last = this.index.appended(this.messages);
    if (!last) return;
    if (last.direction === 'outgoing' && last.status === 'pending') this.window.scrollToBottom();
    else if (!this.window.atBottom) this.unseen = true;
    if (last.direction === 'incoming') announce(msg(str`New message from ${senderName(last)}`));
  }

  protected override updated(): void {
    const desk = this.desk;
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
      void this.desk?.loadOlderMessages(this.activeId);
    }
  }

  private loadFirstAgain(): void {
    if (this.activeId) void this.desk?.loadMessages(this.activeId);
  }

  private loadOlderAgain(): void {
    if (this.activeId) void this.desk?.loadOlderMessages(this.activeId);
  }

  private handleReply(message: Message): void {
    const conversationId = this.activeId;
    if (!conversationId) return;
    this.desk?.setReplyTarget(conversationId, message.id);
    this.dispatchEvent(new ReplyToEvent({ messageId: message.id, conversationId }));
  }

  private async handleQuote(id: string): Promise<void> {
    if (!this.window.scrollToKey(id)) return;
    this.highlightId = id;
    await this.updateComplete;
    const row = this.renderRoot.querySelector(`[data-key="${CSS.escape(id)}"] article`);
    (row as HTMLElement | null)?.focus({ preventScroll: true });
  }

  private async handleOpenImage(image: DialogImage): Promise<void> {
    this.dialogImage = image;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLDialogElement>('dialog.image-dialog')?.showModal();
  }

  private async reassign(ownerId: string | null): Promise<void> {
    const ticketId = this.ticketId;
    if (!ticketId || !this.desk) return;
    this.ownerError = null;
    const result = await this.desk.updateTicket(ticketId, { ownerId });
    if (!result.ok) {
      this.ownerError = msg('The owner could not be changed.');
      announce(this.ownerError);
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

  /** Focuses the messages (the log), where a keyboard user reads the conversation. */
  override focus(options?: FocusOptions): void {
    this.renderRoot.querySelector<HTMLElement>('.log')?.focus(options);
  }

  /** Scrolls to the newest message and follows new ones again. */
  scrollToBottom(): void {
    this.unseen = false;
    this.window.scrollToBottom();
  }

  private context(): MessageContext {
    const thread = this.streams.thread.value;
    return {
      setSize: thread?.hasOlder ? -1 : this.messages.length,
      replyTargetId: this.streams.replyTarget.value ?? null,
      highlightId: this.highlightId,
      expanded: this.expanded,
      broken: this.broken,
      lookup: (id) => this.index.get(id),
      onReply: (m) => this.handleReply(m),
      onRetry: (m) => void (this.activeId && this.desk?.retry(this.activeId, m.clientId)),
      onQuote: (id) => void this.handleQuote(id),
      onToggleExpand: (id) => (this.expanded = this.toggle(this.expanded, id)),
      onBroken: (key) => (this.broken = this.toggle(this.broken, key, true)),
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
      channelLogoBroken: this.logoBroken,
      ticket: ticketView?.ticket ?? null,
      ticketId,
      onLogoError: () => (this.logoBroken = true),
      onTicketOpen: (id) =>
        this.dispatchEvent(new TicketOpenEvent({ ticketId: id, conversationId: this.activeId ?? null })),
      ownerMenu: ticketId
        ? this.owner.render({
            ownerId: ticketView?.ticket?.ownerId ?? null,
            agents: this.streams.agents.value ?? [],
            teams: this.streams.teams.value ?? [],
            saving: ticketView?.saving ?? false,
            error: this.ownerError,
            disabled: !ticketView?.ticket,
          })
        : nothing,
    });
  }

  protected override render(): TemplateResult {
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
            ${renderRows(messages, this.window.start, this.window.end, this.context())}
          </div>
          <div data-spacer="bottom" aria-hidden="true"></div>
        </div>
        ${
          this.unseen
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
      ${renderImageDialog(this.dialogImage, () => (this.dialogImage = null))}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'thread-view': ThreadView;
  }
}
