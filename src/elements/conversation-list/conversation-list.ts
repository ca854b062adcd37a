import { consume } from '@lit/context';
import { localized } from '@lit/localize';
import { css, type CSSResultOrNative, LitElement, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';

import { lazyHostStyles, LazyView } from '../../internal/lazy-view.js';
import { storeContext } from '../../state/context.js';
import type { HelpDeskStore } from '../../state/store.js';
import { ConversationSelectEvent } from './conversation-list.events.js';
import type { InboxView } from './conversation-list-view.js';

export type ConversationListDensity = 'compact' | 'comfortable';

/**
 * The rep's inbox: search, filters, saved views and a virtualized list of conversations, newest
 * activity first. DOM size does not grow with the number of conversations. While a fling jumps past
 * every rendered row, rows show the contact's name only, until the scroll is still (docs/adr/009).
 *
 * @tag conversation-list
 * @csspart base - The wrapper of everything.
 * @csspart toolbar - The line with the search box, the "Views" menu and the "Notifications" switch.
 * @csspart search - The search box.
 * @csspart views-button - The "Views" menu button.
 * @csspart views-menu - The menu of saved views.
 * @csspart save-dialog - The dialog that asks the name of a view to save.
 * @csspart notifications - The "Notifications" switch.
 * @csspart filters - The line of filter controls.
 * @csspart filter - Each filter control.
 * @csspart list - The listbox (the scrolling element).
 * @csspart row - One conversation; `row-selected` as well on the open one.
 * @csspart avatar - A contact's picture or initials.
 * @csspart name - A contact's name.
 * @csspart channel-logo - The logo of a custom channel.
 * @csspart time - When the last message came.
 * @csspart preview - The last message.
 * @csspart unread - The unread count.
 * @csspart status - Open or closed.
 * @csspart assignee - Who the conversation is assigned to.
 * @csspart ticket - The ticket name.
 * @csspart match - A search match inside a row.
 * @csspart state - The loading, empty or error message.
 * @cssprop --hd-conversation-list-bg - Background of the list.
 * @cssprop --hd-conversation-list-row-height - Height of a row (default 76px, 52px when compact).
 * @cssprop --hd-conversation-list-row-bg - Background of a row.
 * @cssprop --hd-conversation-list-selected-bg - Background of the open conversation's row.
 * @cssprop --hd-conversation-list-match-bg - Background of search matches.
 * @fires conversation-select - The rep opened a conversation (click, Enter, a desktop notification).
 *   `detail.conversationId`; cancelable: unless prevented, the store selects it.
 *
 * @example
 * ```html
 * <help-desk-provider>
 *   <conversation-list status="open" density="compact"></conversation-list>
 * </help-desk-provider>
 * ```
 */
@localized()
export class ConversationList extends LitElement {
  // Only the box, which the page's layout needs before the view (and its styles) arrive.
  static override styles = [
    lazyHostStyles,
    css`
      :host {
        display: flex;
        flex-direction: column;
        min-height: 240px;
        height: 100%;
      }
    `,
  ];

  /**
   * @internal Everything else (templates, styles, streams, keyboard, virtualizer): a chunk loaded when
   * the first list is connected. Its view is made as it arrives, from the properties as they are then.
   */
  readonly lazy = new LazyView<{ styles: CSSResultOrNative[]; inbox: InboxView }>(this, () =>
    import('./conversation-list-view.js').then((view) => ({
      styles: view.styles,
      inbox: view.createInboxView(this),
    })),
  );

  @consume({ context: storeContext, subscribe: true }) @state() private providedStore?: HelpDeskStore;

  /** The store; given directly, or by the nearest `<help-desk-provider>`. */
  @property({ attribute: false }) store?: HelpDeskStore;

  /** The id of the open conversation; follows the store, and setting it opens that conversation. */
  @property({ reflect: true }) selected: string | null = null;

  /** A saved view to apply (its id). */
  @property() view?: string;

  /** A channel account to filter by (its id); empty for all channels. */
  @property() channel?: string;

  /** A status to filter by: `open`, `closed` or `all`. */
  @property() status?: 'open' | 'closed' | 'all';

  /** An assignee to filter by: `me`, `unassigned`, or an agent or team id. */
  @property() assignee?: string;

  /** Hides the search box. */
  @property({ type: Boolean, attribute: 'hide-search' }) hideSearch = false;

  /** Hides the filter controls (the "Views" menu stays). */
  @property({ type: Boolean, attribute: 'hide-filters' }) hideFilters = false;

  /** Row height: `comfortable` (three lines) or `compact` (two). */
  @property({ reflect: true }) density: ConversationListDensity = 'comfortable';

  /** @internal The store in use: the one given directly, else the provider's. */
  get desk(): HelpDeskStore | undefined {
    return this.store ?? this.providedStore;
  }

  /** Resolves once the view has arrived and rendered too. */
  protected override async getUpdateComplete(): Promise<boolean> {
    await this.lazy.ready();
    return super.getUpdateComplete();
  }

  protected override update(changed: PropertyValues<this>): void {
    this.lazy.value?.inbox.settle();
    super.update(changed);
  }

  protected override updated(changed: PropertyValues<this>): void {
    this.lazy.value?.inbox.updated(changed);
  }

  /** Opens a conversation as the rep asked: fires `conversation-select`, then selects unless prevented. */
  openConversation(conversationId: string): void {
    const event = new ConversationSelectEvent({ conversationId });
    if (this.dispatchEvent(event)) this.desk?.selectConversation(conversationId);
  }

  protected override render(): TemplateResult {
    return this.lazy.render(({ inbox }) => inbox.render());
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'conversation-list': ConversationList;
  }
}
