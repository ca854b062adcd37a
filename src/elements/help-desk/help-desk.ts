import { consume } from '@lit/context';
import { localized, msg } from '@lit/localize';
import { html, LitElement, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';

import { storeContext } from '../../state/context.js';
import type { HelpDeskStore } from '../../state/store.js';
import { StreamController } from '../../state/stream-controller.js';
import { styles } from './help-desk.styles.js';

/** The pane a narrow desk shows (a wide desk shows all three). */
export type HelpDeskPane = 'list' | 'thread' | 'sidebar';

/**
 * The whole desk laid out: the conversation list, the open thread with the reply editor under it, and the
 * ticket sidebar. Under 900 px wide (the desk's own width, not the window's) it shows one pane at a time
 * with a back button.
 *
 * @tag help-desk
 * @slot list - Replaces the conversation list.
 * @slot thread - Replaces the thread.
 * @slot editor - Replaces the reply editor under the thread.
 * @slot sidebar - Replaces the ticket sidebar.
 * @slot thread-header - Added above the thread (a banner, the host's own toolbar).
 * @slot aside - An extra pane of the host's, below the three on a wide desk.
 * @csspart base - The grid of panes.
 * @csspart pane - Each pane; also `list-pane`, `thread-pane`, `sidebar-pane`.
 * @csspart nav - The back and ticket buttons of a narrow desk.
 * @cssprop --hd-help-desk-height - Height of the desk (default 100% of its container).
 * @cssprop --hd-help-desk-list-width - Width of the list pane on a wide desk (default 22rem).
 * @cssprop --hd-help-desk-sidebar-width - Width of the sidebar on a wide desk (default 20rem).
 *
 * @example
 * ```html
 * <help-desk-provider style="height: 100vh">
 *   <help-desk></help-desk>
 * </help-desk-provider>
 * ```
 */
@localized()
export class HelpDesk extends LitElement {
  static override styles = styles;

  private readonly selected = new StreamController(
    this,
    () => [this.desk],
    () => this.desk?.selectedConversationId$,
  );
  private lastSelectedId: string | null | undefined;

  @query('.active .nav button') private activeNavButton?: HTMLButtonElement | null;
  @query('[part~="sidebar-pane"]') private sidebarPane?: HTMLElement | null;

  @consume({ context: storeContext, subscribe: true }) @state() private providedStore?: HelpDeskStore;
  /** The pane a narrow desk shows; follows the user (opening a conversation shows its thread). */
  @state() private pane: HelpDeskPane = 'list';

  /** The store; given directly, or by the nearest `<help-desk-provider>`. Passed on to the panes. */
  @property({ attribute: false }) store?: HelpDeskStore;

  private get desk(): HelpDeskStore | undefined {
    return this.store ?? this.providedStore;
  }

  protected override willUpdate(): void {
    // Opening a conversation, from the list, the sidebar's past conversations or the host, shows its thread.
    const id = this.selected.value;
    if (id !== this.lastSelectedId) {
      if (id && this.lastSelectedId !== undefined && this.pane !== 'thread') {
        // Focus follows only when the rep opened it from inside the desk (the list, the sidebar); a
        // host or a notification opening a conversation does not take focus from the page.
        if (this.matches(':focus-within')) this.show('thread');
        else this.pane = 'thread';
      } else if (id && this.lastSelectedId !== undefined && this.sidebarPane?.matches(':focus-within')) {
        // A past conversation opened from the sidebar beside the thread: the rep goes on to read it.
        void this.updateComplete.then(() => this.slotted('thread')?.focus());
      }
      this.lastSelectedId = id ?? null;
    }
  }

  private readonly handleTicketOpen = (): void => this.show('sidebar');

  /** The rep chose a message to answer: "Reply" means "write", so take them to the reply box. */
  private readonly handleReplyTo = (): void => {
    void this.updateComplete.then(() => this.slotted('editor')?.focus());
  };

  /** The host's own element in a slot when it gave one, else the desk's (the slot's fallback content). */
  private slotted(name: 'list' | 'thread' | 'editor'): HTMLElement | undefined {
    const slot = this.renderRoot.querySelector<HTMLSlotElement>(`slot[name="${name}"]`);
    return slot?.assignedElements({ flatten: true })[0] as HTMLElement | undefined;
  }

  private show(pane: HelpDeskPane): void {
    this.pane = pane;
    // On a narrow desk the pane that had focus disappears: take focus to the new pane's way back, or
    // to the conversation list (which has none).
    void this.updateComplete.then(() => {
      const button = this.activeNavButton;
      if (button && button.offsetParent !== null) button.focus();
      else if (pane === 'list') this.focusList();
    });
  }

  /** Focuses the conversations: the listbox of the desk's own list, or the host's slotted element. */
  private focusList(): void {
    const list = this.slotted('list');
    if (!list || list.offsetParent === null) return;
    list.focus();
    // <conversation-list> takes no focus itself: its listbox does (the active row stays the one opened).
    if (!list.matches(':focus-within'))
      list.shadowRoot?.querySelector<HTMLElement>('[role="listbox"]')?.focus();
  }

  override render(): TemplateResult {
    const paneClass = (pane: HelpDeskPane) => `pane${this.pane === pane ? ' active' : ''}`;
    return html`<div part="base">
      <section part="pane list-pane" class=${paneClass('list')} aria-label=${msg('Conversations')}>
        <slot name="list"><conversation-list class="fill" .store=${this.store}></conversation-list></slot>
      </section>
      <section
        part="pane thread-pane"
        class=${paneClass('thread')}
        aria-label=${msg('Conversation')}
        @ticket-open=${this.handleTicketOpen}
        @reply-to=${this.handleReplyTo}
      >
        <div part="nav" class="nav">
          <button type="button" @click=${() => this.show('list')}>${msg('Back to conversations')}</button>
          <button type="button" @click=${() => this.show('sidebar')}>${msg('Ticket details')}</button>
        </div>
        <slot name="thread-header"></slot>
        <slot name="thread"><thread-view class="fill" .store=${this.store}></thread-view></slot>
        <slot name="editor"><reply-editor .store=${this.store}></reply-editor></slot>
      </section>
      <section part="pane sidebar-pane" class=${paneClass('sidebar')} aria-label=${msg('Ticket details')}>
        <div part="nav" class="nav">
          <button type="button" @click=${() => this.show('thread')}>${msg('Back to conversation')}</button>
        </div>
        <slot name="sidebar"
          ><ticket-sidebar .store=${this.store} @ticket-open=${this.handleTicketOpen}></ticket-sidebar
        ></slot>
      </section>
      <slot name="aside"></slot>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'help-desk': HelpDesk;
  }
}
