import { consume } from '@lit/context';
import { localized, msg } from '@lit/localize';
import { virtualize } from '@lit-labs/virtualizer/virtualize.js';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';

import type { ChannelDefinition, Conversation } from '../../model/index.js';
import { storeContext } from '../../state/context.js';
import type { HelpDeskStore } from '../../state/store.js';
import { ConversationSelectEvent } from './conversation-list.events.js';
import { styles } from './conversation-list.styles.js';
import { renderGuardedRow, type RowContext } from './conversation-row.js';
import { DeskStreams } from './desk-streams.js';
import { effectiveQuery, renderFilters } from './filters-bar.js';
import { fixedRows } from './fixed-row-layout.js';
import { ListKeyboard } from './list-keyboard.js';
import { IncomingNotifier } from './notifications.js';
import { RowOrder } from './row-order.js';
import { clip } from './search-highlight.js';
import { StoreSync } from './store-sync.js';
import { renderToolbar } from './toolbar.js';
import { ViewsMenuController } from './views-menu.js';

export type ConversationListDensity = 'compact' | 'comfortable';

const SEARCH_DEBOUNCE_MS = 250;
/** Row heights of the densities (the CSS's --_row-height); a CSS override is measured. */
const ROW_HEIGHT: Record<ConversationListDensity, number> = { comfortable: 76, compact: 52 };
/** Pixels of rows rendered beyond each edge of the list: enough for a wheel step, few to render. */
const OVERHANG = 160;

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
  static override styles = styles;

  private readonly streams = new DeskStreams(this, () => this.desk);
  private readonly order = new RowOrder();
  private readonly sync = new StoreSync(this, () => this.desk);
  private readonly notifier = new IncomingNotifier((id) => this.openConversation(id));
  private readonly keyboard = new ListKeyboard(this, {
    ids: () => this.order.ids,
    listbox: () => this.listbox,
    open: (index) => this.openIndex(index),
    nearEnd: () => this.loadMore(),
  });
  private readonly viewsMenu = new ViewsMenuController(this, {
    views: () => this.streams.views.value ?? [],
    currentViewId: () => this.streams.list.value?.query.viewId ?? null,
    apply: (id) => void this.desk?.applyView(id),
    save: (name) => this.saveView(name),
  });
  /**
   * The first rendered index (the layout sets it before the rows render). Rows are keyed by their
   * slot in the rendered range, not by conversation: scrolling then updates the text of the rows in
   * place instead of removing and creating every row, which made flinging the list a long task.
   */
  private readonly rendered = { first: 0, jumping: false };
  private readonly keyOf = (_id: string, index: number): number => index - this.rendered.first;
  /** Rows the first visible row moved by in this update; the scroll follows it in updated(). */
  private scrollShift = 0;
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  private clock: ReturnType<typeof setInterval> | undefined;
  private now = Date.now();
  private lookups = {
    channelsIn: undefined as unknown,
    agentsIn: undefined as unknown,
    teamsIn: undefined as unknown,
    channels: new Map<string, ChannelDefinition>(),
    assignees: new Map<string, string>(),
  };

  @query('[part~="list"]') private listbox?: HTMLElement;

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

  private get desk(): HelpDeskStore | undefined {
    return this.store ?? this.providedStore;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Relative times ("5 min ago") age: re-render the visible rows once a minute.
    this.clock = setInterval(() => {
      this.now = Date.now();
      this.requestUpdate();
    }, 60_000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.clock);
    clearTimeout(this.searchTimer);
  }

  // Derived state is settled here rather than in willUpdate: controllers (re)subscribe in hostUpdate,
  // which runs between the two, and a value they replay there must be seen by this very render.
  // Everything here is constant work per change, whatever the number of conversations.
  protected override update(changed: PropertyValues<this>): void {
    const { list, notifications, entities, selection } = this.streams;
    const live = notifications.value === true;
    this.scrollShift += this.order.sync(list.value, live, Math.max(0, this.keyboard.visible.first));
    this.keyboard.follow();
    this.sync.followSelection(selection.value);
    this.notifier.observe(list.value, entities.value, this.selected, live);
    super.update(changed);
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (this.scrollShift !== 0 && this.listbox) {
      // Keep the rows the rep is looking at in place: scroll by as many rows as they moved.
      const row = this.listbox.querySelector('[role="option"]');
      this.listbox.scrollTop += this.scrollShift * (row?.getBoundingClientRect().height ?? 0);
    }
    this.scrollShift = 0;
    this.sync.apply(changed);
  }

  /** A fling has settled: render full rows again (a render re-runs every row's guard). */
  private readonly fullRows = (): void => this.requestUpdate();

  private handleSearchInput = (event: Event): void => {
    const text = (event.target as HTMLInputElement).value;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => this.search(text), SEARCH_DEBOUNCE_MS);
  };

  private handleSearchKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Enter') return;
    clearTimeout(this.searchTimer);
    this.search((event.target as HTMLInputElement).value);
  };

  private search(text: string): void {
    const desk = this.desk;
    if (desk && desk.state.conversations.query.text !== text) void desk.setSearch(text);
  }

  private handleListClick = (event: MouseEvent): void => {
    const row = (event.target as Element).closest<HTMLElement>('[role="option"]');
    if (!row) return;
    const index = Number(row.dataset.index);
    this.keyboard.setActive(index, false);
    this.openIndex(index);
  };

  private handleRange = (event: Event): void => {
    this.keyboard.handleRange(event);
    const { last } = event as Event & { last: number };
    if (last >= this.order.ids.length - 10) this.loadMore();
  };

  private toggleNotifications = (): void => {
    this.desk?.setNotificationsEnabled(this.streams.notifications.value !== true);
  };

  private retry = (): void => {
    void this.desk?.loadMoreConversations();
  };

  private loadMore(): void {
    const view = this.streams.list.value;
    if (view && view.hasMore && !view.loading && !view.error) void this.desk?.loadMoreConversations();
  }

  private openIndex(index: number): void {
    const id = this.order.ids[index];
    if (id !== undefined) this.openConversation(id);
  }

  private async saveView(name: string): Promise<string | null> {
    const desk = this.desk;
    if (!desk) return msg('The help desk is not connected.');
    const { text, filters } = effectiveQuery(desk.state.conversations.query, this.streams.views.value ?? []);
    const result = await desk.saveView({ name, filters, ...(text ? { text } : {}) });
    if (!result.ok) return result.error.message;
    void desk.applyView(result.value.id);
    return null;
  }

  /** Opens a conversation as the rep asked: fires `conversation-select`, then selects unless prevented. */
  openConversation(conversationId: string): void {
    const event = new ConversationSelectEvent({ conversationId });
    if (this.dispatchEvent(event)) this.desk?.selectConversation(conversationId);
  }

  /** Channel and assignee names by id, rebuilt only when their lists change (rarely, and small). */
  private names(): { channels: Map<string, ChannelDefinition>; assignees: Map<string, string> } {
    const l = this.lookups;
    const { channels, agents, teams } = this.streams;
    if (channels.value !== l.channelsIn) {
      l.channelsIn = channels.value;
      l.channels = new Map((channels.value ?? []).map((c) => [c.id, c]));
    }
    if (agents.value !== l.agentsIn || teams.value !== l.teamsIn) {
      l.agentsIn = agents.value;
      l.teamsIn = teams.value;
      l.assignees = new Map([...(teams.value ?? []), ...(agents.value ?? [])].map((p) => [p.id, p.name]));
    }
    return l;
  }

  private renderState(count: number): TemplateResult | typeof nothing {
    const view = this.streams.list.value;
    if (view?.error) {
      return html`<div part="state" class="state" role="alert">
        <p class="error">${msg("Couldn't load conversations.")} ${clip(view.error.message, 200)}</p>
        <button type="button" @click=${this.retry}>${msg('Try again')}</button>
      </div>`;
    }
    if (count > 0) return nothing;
    const loading = !view || view.loading || !this.desk;
    return html`<p part="state" class="state" role="status">
      ${loading ? msg('Loading conversations…') : msg('No conversations')}
    </p>`;
  }

  protected override render(): TemplateResult {
    const { list, views, entities, notifications, accounts, agents, teams } = this.streams;
    const view = list.value;
    const ids = this.order.ids;
    const { text: needle, filters } = view
      ? effectiveQuery(view.query, views.value ?? [])
      : { text: '', filters: {} };
    const { channels, assignees } = this.names();
    const ctx: RowContext = {
      byId: entities.value ?? ({} as Record<string, Conversation>),
      channels,
      assignees,
      selectedId: this.selected,
      activeIndex: this.keyboard.activeIndex,
      needle,
      setSize: view?.total ?? (view?.hasMore ? -1 : ids.length),
      now: this.now,
    };
    return html`<div part="base">
      ${renderToolbar({
        hideSearch: this.hideSearch,
        searchText: view?.query.text ?? '',
        notificationsOn: notifications.value === true,
        views: this.viewsMenu.render(),
        onSearchInput: this.handleSearchInput,
        onSearchKeydown: this.handleSearchKeydown,
        onToggleNotifications: this.toggleNotifications,
      })}
      ${
        this.hideFilters
          ? nothing
          : renderFilters({
              filters,
              accounts: accounts.value ?? [],
              channels,
              agents: agents.value ?? [],
              teams: teams.value ?? [],
              onChange: (patch) => void this.desk?.setFilters(patch),
            })
      }
      ${this.renderState(ids.length)}
      <div
        part="list"
        role="listbox"
        aria-label=${msg('Conversations')}
        tabindex="0"
        aria-busy=${view?.loading ? 'true' : 'false'}
        aria-activedescendant=${ifDefined(this.keyboard.activeDescendant)}
        @keydown=${this.keyboard.handleKeydown}
        @focus=${this.keyboard.handleFocus}
        @click=${this.handleListClick}
        @rangeChanged=${this.handleRange}
        @visibilityChanged=${this.keyboard.handleVisibility}
      >
        <div virtualizer-sizer aria-hidden="true"></div>
        ${virtualize({
          items: ids as string[],
          keyFunction: this.keyOf,
          renderItem: (id: string, index: number) => renderGuardedRow(id, index, ctx, this.rendered.jumping),
          scroller: true,
          layout: fixedRows({
            rowHeight: ROW_HEIGHT[this.density] ?? ROW_HEIGHT.comfortable,
            overhang: OVERHANG,
            range: this.rendered,
            onSettle: this.fullRows,
          }),
        })}
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'conversation-list': ConversationList;
  }
}
