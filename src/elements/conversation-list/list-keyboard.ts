import { virtualizerRef } from '@lit-labs/virtualizer/virtualize.js';
import type { ReactiveControllerHost } from 'lit';

import { optionId } from './conversation-row.js';
import { findNear } from './row-order.js';

export interface ListKeyboardOptions {
  ids(): readonly string[];
  listbox(): HTMLElement | null | undefined;
  open(index: number): void;
  /** Called when the active row comes near the last loaded row, to load the next page. */
  nearEnd(): void;
}

type VirtualizerHost = HTMLElement & {
  [virtualizerRef]?: {
    element(index: number): { scrollIntoView(o?: ScrollIntoViewOptions): void } | undefined;
  };
};

/**
 * The listbox keeps focus and points at its active option with `aria-activedescendant` (roving focus
 * would lose focus whenever the virtualizer recycles the focused row). Arrows, Home, End, Page Up and
 * Page Down move the active option and scroll it into view, rendering it first when it was virtualized
 * away; Enter and Space open it. The active option follows its conversation when the rows re-order.
 */
export class ListKeyboard {
  activeIndex = -1;
  private activeId: string | undefined;
  /** The rendered range (rangeChanged) and the visible one (visibilityChanged). */
  private rendered = { first: 0, last: -1 };
  visible = { first: 0, last: -1 };

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: ListKeyboardOptions,
  ) {}

  /** Keeps the active option on its conversation after the rows changed (constant work). */
  follow(): void {
    const ids = this.options.ids();
    if (this.activeIndex < 0) return;
    if (ids[this.activeIndex] !== this.activeId) {
      const moved = findNear(ids, this.activeId, this.activeIndex);
      if (moved >= 0) this.activeIndex = moved;
    }
    if (this.activeIndex >= ids.length) this.activeIndex = ids.length - 1;
    this.activeId = ids[this.activeIndex];
  }

  /** The id of the active option while it is rendered; an id reference never points at nothing. */
  get activeDescendant(): string | undefined {
    const { first, last } = this.rendered;
    const index = this.activeIndex;
    return index >= 0 && index >= first && index <= last ? optionId(index) : undefined;
  }

  handleRange = (event: Event): void => {
    const { first, last } = event as Event & { first: number; last: number };
    const before = this.activeDescendant;
    this.rendered = { first, last };
    // Only aria-activedescendant depends on the range: re-render the host when it changes, not on
    // every scroll step (a host render re-runs every row's guard).
    if (this.activeDescendant !== before) this.host.requestUpdate();
  };

  handleVisibility = (event: Event): void => {
    const { first, last } = event as Event & { first: number; last: number };
    this.visible = { first, last };
  };

  handleFocus = (): void => {
    if (this.activeIndex < 0 && this.options.ids().length > 0) {
      this.setActive(Math.max(0, this.visible.first), false);
    }
  };

  /** Makes the option at `index` active, as a click does. */
  setActive(index: number, scroll = true): void {
    const ids = this.options.ids();
    if (ids.length === 0) return;
    this.activeIndex = Math.max(0, Math.min(ids.length - 1, index));
    this.activeId = ids[this.activeIndex];
    this.host.requestUpdate();
    if (scroll) this.scrollIntoView(this.activeIndex);
    if (this.activeIndex >= ids.length - 5) this.options.nearEnd();
  }

  handleKeydown = (event: KeyboardEvent): void => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const count = this.options.ids().length;
    if (count === 0) return;
    const current = this.activeIndex < 0 ? Math.max(0, this.visible.first) - 1 : this.activeIndex;
    const page = Math.max(1, this.visible.last - this.visible.first);
    const targets: Record<string, number> = {
      ArrowDown: current + 1,
      ArrowUp: this.activeIndex < 0 ? current + 1 : current - 1,
      Home: 0,
      End: count - 1,
      PageDown: current + page,
      PageUp: current - page,
    };
    const target = targets[event.key];
    if (target !== undefined) {
      event.preventDefault();
      this.setActive(target);
    } else if ((event.key === 'Enter' || event.key === ' ') && this.activeIndex >= 0) {
      event.preventDefault();
      this.options.open(this.activeIndex);
    }
  };

  private scrollIntoView(index: number): void {
    const listbox = this.options.listbox() as VirtualizerHost | null | undefined;
    if (!listbox) return;
    const row = listbox.querySelector<HTMLElement>(`#${optionId(index)}`);
    if (row) {
      // Rendered: scroll the listbox only (a native scrollIntoView would scroll the page as well).
      const box = listbox.getBoundingClientRect();
      const rect = row.getBoundingClientRect();
      if (rect.top < box.top) listbox.scrollTop -= box.top - rect.top;
      else if (rect.bottom > box.bottom) listbox.scrollTop += rect.bottom - box.bottom;
      return;
    }
    listbox[virtualizerRef]?.element(index)?.scrollIntoView({ block: 'nearest' });
  }
}
