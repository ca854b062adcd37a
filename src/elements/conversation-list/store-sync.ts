import type { ConversationFilters } from '../../model/index.js';
import type { HelpDeskStore } from '../../state/store.js';

/** The attributes of the element that drive the store. */
export interface SyncedHost {
  selected: string | null;
  view?: string;
  channel?: string;
  status?: 'open' | 'closed' | 'all';
  assignee?: string;
}

/**
 * Keeps the element's attributes and the store in step. `selected` follows the store's selection and
 * selecting through the attribute selects in the store; `view`, `channel`, `status` and `assignee`
 * apply to the store's query when they (or the store) change, and only when they differ from it.
 */
export class StoreSync {
  private appliedDesk: HelpDeskStore | undefined;
  /** The selection the store last reported; undefined before its first value. */
  private storeSelected: string | null | undefined;
  private pushSelected = false;

  constructor(
    private readonly host: SyncedHost,
    private readonly desk: () => HelpDeskStore | undefined,
  ) {}

  /** Before render: the store's selection wins when it changes; the host's wins over a first empty one. */
  followSelection(value: string | null | undefined): void {
    if (value === undefined || value === this.storeSelected) return;
    const first = this.storeSelected === undefined;
    this.storeSelected = value;
    if (first && value === null && this.host.selected !== null) this.pushSelected = true;
    else this.host.selected = value;
  }

  /** After render (store commands emit, and an emission must be able to schedule a new render). */
  apply(changed: ReadonlyMap<PropertyKey, unknown>): void {
    const { host } = this;
    const desk = this.desk();
    if (!desk) return;
    const fresh = desk !== this.appliedDesk;
    if (fresh) {
      this.appliedDesk = desk;
      this.storeSelected = desk.state.ui.selectedConversationId;
      this.pushSelected = host.selected !== null;
    }
    const query = desk.state.conversations.query;
    if (host.view !== undefined && (fresh || changed.has('view')) && query.viewId !== (host.view || null)) {
      void desk.applyView(host.view || null);
    }
    const patch: Partial<ConversationFilters> = {};
    if (host.channel !== undefined && (fresh || changed.has('channel'))) {
      patch.channelAccountId = host.channel || undefined;
    }
    if (host.status !== undefined && (fresh || changed.has('status'))) {
      patch.status = host.status === 'all' ? undefined : host.status;
    }
    if (host.assignee !== undefined && (fresh || changed.has('assignee'))) {
      patch.assignee = host.assignee || undefined;
    }
    const current = desk.state.conversations.query.filters;
    const keys = Object.keys(patch) as (keyof ConversationFilters)[];
    if (keys.some((key) => patch[key] !== current[key])) void desk.setFilters(patch);
    if (changed.has('selected') || this.pushSelected) {
      this.pushSelected = false;
      if (host.selected !== this.storeSelected) desk.selectConversation(host.selected);
    }
  }
}
