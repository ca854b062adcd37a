// What a list needs only once it is on a page: its templates, styles, store streams, keyboard, menus,
// notifications and virtualizer. A chunk of its own (see internal/lazy-view.ts), fetched when the
// first list is connected, in parallel with the store's first page of conversations.
import { msg } from '@lit/localize';
import { virtualize } from '@lit-labs/virtualizer/virtualize.js';
import { html, nothing, type PropertyValues, type ReactiveController, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';

import type { ChannelDefinition, Conversation } from '../../model/index.js';
import type { ConversationList, ConversationListDensity } from './conversation-list.js';
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

export { styles } from './conversation-list.styles.js';

const SEARCH_DEBOUNCE_MS = 250;
/** Row heights of the densities (the CSS's --_row-height); a CSS override is measured. */
const ROW_HEIGHT: Record<ConversationListDensity, number> = { comfortable: 76, compact: 52 };
/** Pixels of rows rendered beyond each edge of the list: enough for a wheel step, few to render. */
const OVERHANG = 160;

/**
 * Everything `<conversation-list>` does besides holding its public properties: the element calls
 * `settle()` in its update, `render()` and `updated()`. Made when the chunk arrives, it starts from the
 * element's current properties (StoreSync applies them all to a store it has not seen yet).
 */
export class InboxView implements ReactiveController {
  private readonly streams;
  private readonly order = new RowOrder();
  private readonly sync;
  private readonly notifier;
  private readonly keyboard;
  private readonly viewsMenu;
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

  constructor(private readonly host: ConversationList) {
    const desk = () => host.desk;
    this.streams = new DeskStreams(host, desk);
    this.sync = new StoreSync(host, desk);
    this.notifier = new IncomingNotifier((id) => host.openConversation(id));
    this.keyboard = new ListKeyboard(host, {
      ids: () => this.order.ids,
      listbox: () => this.listbox,
      open: (index) => this.openIndex(index),
      nearEnd: () => this.loadMore(),
    });
    this.viewsMenu = new ViewsMenuController(host, {
      views: () => this.streams.views.value ?? [],
      currentViewId: () => this.streams.list.value?.query.viewId ?? null,
      apply: (id) => void host.desk?.applyView(id),
      save: (name) => this.saveView(name),
    });
    host.addController(this);
  }

  private get listbox(): HTMLElement | null {
    return this.host.renderRoot.querySelector<HTMLElement>('[part~="list"]');
  }

  hostConnected(): void {
    // Relative times ("5 min ago") age: re-render the visible rows once a minute.
    this.clock = setInterval(() => {
      this.now = Date.now();
      this.host.requestUpdate();
    }, 60_000);
  }

  hostDisconnected(): void {
    clearInterval(this.clock);
    clearTimeout(this.searchTimer);
  }

  // Derived state is settled in the element's update() rather than in willUpdate: controllers
  // (re)subscribe in hostUpdate, which runs between the two, and a value they replay there must be
  // seen by this very render. Everything here is constant work per change, whatever the number of
  // conversations.
  settle(): void {
    const { list, notifications, entities, selection } = this.streams;
    const live = notifications.value === true;
    this.scrollShift += this.order.sync(list.value, live, Math.max(0, this.keyboard.visible.first));
    this.keyboard.follow();
    this.sync.followSelection(selection.value);
    this.notifier.observe(list.value, entities.value, this.host.selected, live);
  }

  updated(changed: PropertyValues): void {
    const listbox = this.listbox;
    if (this.scrollShift !== 0 && listbox) {
      // Keep the rows the rep is looking at in place: scroll by as many rows as they moved.
      const row = listbox.querySelector('[role="option"]');
      listbox.scrollTop += this.scrollShift * (row?.getBoundingClientRect().height ?? 0);
    }
    this.scrollShift = 0;
    this.sync.apply(changed);
  }

  /** A fling has settled: render full rows again (a render re-runs every row's guard). */
  private readonly fullRows = (): void => this.host.requestUpdate();

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
    const desk = this.host.desk;
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
    this.host.desk?.setNotificationsEnabled(this.streams.notifications.value !== true);
  };

  private retry = (): void => {
    void this.host.desk?.loadMoreConversations();
  };

  private loadMore(): void {
    const view = this.streams.list.value;
    if (view && view.hasMore && !view.loading && !view.error) void this.host.desk?.loadMoreConversations();
  }

  private openIndex(index: number): void {
    const id = this.order.ids[index];
    if (id !== undefined) this.host.openConversation(id);
  }

  private async saveView(name: string): Promise<string | null> {
    const desk = this.host.desk;
    if (!desk) return msg('The help desk is not connected.');
    const { text, filters } = effectiveQuery(desk.state.conversations.query, this.streams.views.value ?? []);
    const result = await desk.saveView({ name, filters, ...(text ? { text } : {}) });
    if (!result.ok) return result.error.message;
    void desk.applyView(result.value.id);
    return null;
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
    const loading = !view || view.loading || !this.host.desk;
    return html`<p part="state" class="state" role="status">
      ${loading ? msg('Loading conversations…') : msg('No conversations')}
    </p>`;
  }

  render(): TemplateResult {
    const { host } = this;
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
      selectedId: host.selected,
      activeIndex: this.keyboard.activeIndex,
      needle,
      setSize: view?.total ?? (view?.hasMore ? -1 : ids.length),
      now: this.now,
    };
    return html`<div part="base">
      ${renderToolbar({
        hideSearch: host.hideSearch,
        searchText: view?.query.text ?? '',
        notificationsOn: notifications.value === true,
        views: this.viewsMenu.render(),
        onSearchInput: this.handleSearchInput,
        onSearchKeydown: this.handleSearchKeydown,
        onToggleNotifications: this.toggleNotifications,
      })}
      ${
        host.hideFilters
          ? nothing
          : renderFilters({
              filters,
              accounts: accounts.value ?? [],
              channels,
              agents: agents.value ?? [],
              teams: teams.value ?? [],
              onChange: (patch) => void host.desk?.setFilters(patch),
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
            rowHeight: ROW_HEIGHT[host.density] ?? ROW_HEIGHT.comfortable,
            overhang: OVERHANG,
            range: this.rendered,
            onSettle: this.fullRows,
          }),
        })}
      </div>
    </div>`;
  }
}

/** The element's view, made when the chunk arrives; it adds its controllers to the element at once. */
export const createInboxView = (host: ConversationList): InboxView => new InboxView(host);
