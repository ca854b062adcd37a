import { consume } from '@lit/context';
import { localized } from '@lit/localize';
import { LitElement, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';

import { lazyHostStyles, LazyView } from '../../internal/lazy-view.js';
import { storeContext } from '../../state/context.js';
import type { HelpDeskStore } from '../../state/store.js';
import { hostStyles } from './host.styles.js';
import type { ThreadViewImpl } from './thread-view-impl.js';

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
  static override styles = [...lazyHostStyles, hostStyles];

  /**
   * @internal The templates, styles and controllers (streams, scroll window, owner menu): a chunk
   * loaded when a thread is first connected.
   */
  readonly view = new LazyView(this, () => import('./thread-view-impl.js'));
  /** The view's state and controllers, made by the first update that has the view. */
  private impl?: ThreadViewImpl;

  @consume({ context: storeContext, subscribe: true }) @state() private providedStore?: HelpDeskStore;

  /** The store; given directly, or by the nearest `<help-desk-provider>`. */
  @property({ attribute: false }) store?: HelpDeskStore;

  /** The conversation shown; without it, the conversation selected in the store. */
  @property({ attribute: 'conversation-id' }) conversationId?: string;

  /** @internal The store in use: the one given, else the provider's. */
  get desk(): HelpDeskStore | undefined {
    return this.store ?? this.providedStore;
  }

  protected override willUpdate(): void {
    // Built here rather than in render: its controllers connect at once and so take part in this
    // update (the scroll window chooses its rows and the streams resubscribe before the render).
    this.impl ??= this.view.value?.createThreadView(this);
    this.impl?.willUpdate();
    // Until the view arrives, ask for the thread's first page already, so the messages and the view's
    // chunk are fetched side by side rather than one after the other (the view's own request then
    // finds the thread loading or loaded and sends nothing).
    const desk = this.desk;
    const id = this.conversationId ?? desk?.state.ui.selectedConversationId;
    if (!this.impl && desk && id) void desk.loadMessages(id);
  }

  protected override updated(): void {
    this.impl?.updated();
  }

  /** Resolves once the view has arrived and rendered too. */
  protected override async getUpdateComplete(): Promise<boolean> {
    await this.view.ready();
    return super.getUpdateComplete();
  }

  /** Focuses the messages (the log), where a keyboard user reads the conversation. */
  override focus(options?: FocusOptions): void {
    const log = this.renderRoot.querySelector<HTMLElement>('.log');
    if (log) log.focus(options);
    // Asked before the view arrived (a host focusing the thread it just added): once it is rendered.
    else if (!this.view.settled) void this.updateComplete.then(() => this.focus(options));
  }

  /** Scrolls to the newest message and follows new ones again. */
  scrollToBottom(): void {
    // Without the view yet, there is nothing to do: a thread opens at its newest message.
    this.impl?.scrollToBottom();
  }

  protected override render(): TemplateResult {
    // The view is made in willUpdate as soon as its module is in, so it exists whenever `render` gets here.
    return this.view.render(() => this.impl!.render());
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'thread-view': ThreadView;
  }
}
