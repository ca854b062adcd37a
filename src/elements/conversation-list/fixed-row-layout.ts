// A layout for @lit-labs/virtualizer whose rows all have one height (the list's rows have a fixed
// height per density). The default flow layout measures every row it renders (layout reads and
// getComputedStyle per row), estimates the rows it has not seen and corrects itself over several
// passes a frame; on 100,000 rows flung through at several screens a frame that made each frame a
// long task. Here a row's position is `index * rowHeight`: one pass, no estimate, no correction.
// Rows are still measured (cheaply, after layout) so a CSS override of the row height is honoured.
// A fling that jumps past every rendered row renders the viewport only, and the element is told
// (`range.jumping`) so it can render brief rows; full rows and the rows beyond the viewport's edges
// follow once the scroll has been still for a moment (as the thread view does).
import type { VirtualizeDirectiveConfig } from '@lit-labs/virtualizer/virtualize.js';

/** The messages a layout sends its virtualizer (the shapes of @lit-labs/virtualizer's Layout.d.ts). */
type Sink = (message: Record<string, unknown>) => void;
interface PinOptions {
  index: number;
  block?: ScrollLogicalPosition;
}
interface Box {
  width: number;
  height: number;
}
interface Point {
  left: number;
  top: number;
}

export interface FixedRowLayoutConfig {
  /** The row height to use until a row has been measured (px). */
  rowHeight?: number;
  /** Pixels rendered beyond each edge of the viewport. */
  overhang?: number;
  /** How long the scroll must be still after a jump before the overhang is rendered (ms). */
  settleMs?: number;
  /**
   * Told the first rendered index before the rows render, so rows can be keyed by their slot in
   * the rendered range (see conversation-list.ts), and whether a fling is jumping past the rows.
   */
  range?: { first: number; jumping?: boolean };
  /** Called when a jump has settled and full rows are wanted again. */
  onSettle?: () => void;
}

export class FixedRowLayout {
  readonly direction = 'vertical';
  readonly listenForChildLoadEvents = false;
  totalScrollSize: Box = { width: 0, height: 0 };
  offsetWithinScroller: Point = { left: 0, top: 0 };

  private rowHeight = 76;
  private measured = false;
  private overhang = 300;
  private list: readonly unknown[] = [];
  private viewport: Box = { width: 0, height: 0 };
  private scroll = 0;
  private scrollError = 0;
  private pending = true;
  private pinned: PinOptions | null = null;
  private range = { first: -1, last: -1, firstVisible: -1, lastVisible: -1 };
  private shared: { first: number; jumping?: boolean } | undefined;
  private onSettle: (() => void) | undefined;
  /** Set while a fling jumps past the rendered rows: only the viewport is rendered. */
  private jumping = false;
  private settleMs = 120;
  private settleTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly sink: Sink,
    config?: FixedRowLayoutConfig,
  ) {
    if (config) this.config = config;
  }

  set config(config: FixedRowLayoutConfig) {
    this.shared = config.range ?? this.shared;
    this.settleMs = config.settleMs ?? this.settleMs;
    this.onSettle = config.onSettle ?? this.onSettle;
    if (config.overhang !== undefined && config.overhang !== this.overhang) {
      this.overhang = config.overhang;
      this.pending = true;
    }
    // Once a row is measured, the measure wins over the estimate (the CSS may override it).
    if (config.rowHeight && !this.measured && config.rowHeight !== this.rowHeight) {
      this.rowHeight = config.rowHeight;
      this.pending = true;
    }
  }

  get items(): readonly unknown[] {
    return this.list;
  }

  set items(items: readonly unknown[]) {
    if (items === this.list) return;
    this.list = items;
    this.pending = true;
  }

  get viewportSize(): Box {
    return this.viewport;
  }

  set viewportSize(size: Box) {
    if (size.width === this.viewport.width && size.height === this.viewport.height) return;
    this.viewport = { width: size.width, height: size.height };
    this.pending = true;
  }

  get viewportScroll(): Point {
    return { left: 0, top: this.scroll };
  }

  set viewportScroll(coords: Point) {
    if (Math.abs(coords.top - this.scroll) < 1) return;
    this.scroll = coords.top;
    if (this.jumpsPastRendered()) this.jump();
    const wanted = this.wantedRange();
    if (this.pinned || wanted.first < this.range.first || wanted.last > this.range.last) {
      this.pending = true;
    } else {
      this.updateVisible(true);
    }
  }

  /** Rows are measured after layout (the virtualizer's ResizeObserver): a cheap read there. */
  readonly measureChildren = (element: Element): Box => ({
    width: 0,
    height: element.getBoundingClientRect().height,
  });

  updateItemSizes(sizes: Record<number, Box>): void {
    for (const key in sizes) {
      const height = sizes[key]!.height;
      if (height > 0) {
        this.measured = true;
        if (Math.abs(height - this.rowHeight) > 0.01) {
          // Keep the first visible row where it is when rows change height (density).
          const next = (this.scroll / this.rowHeight) * height;
          this.scrollError += this.scroll - next;
          this.scroll = next;
          this.rowHeight = height;
          this.pending = true;
        }
        return;
      }
    }
  }

  get pin(): PinOptions | null {
    if (!this.pinned) return null;
    const index = Math.max(0, Math.min(this.pinned.index, this.list.length - 1));
    return { index, ...(this.pinned.block ? { block: this.pinned.block } : {}) };
  }

  set pin(options: PinOptions | null) {
    this.pinned = options;
    this.pending = true;
    void Promise.resolve().then(() => this.reflowIfNeeded());
  }

  unpin(): void {
    if (!this.pinned) return;
    this.sink({ type: 'unpinned' });
    this.pinned = null;
  }

  getScrollIntoViewCoordinates(options: PinOptions): { top: number } {
    return { top: this.scrollFor(options) + this.offsetWithinScroller.top };
  }

  reflowIfNeeded(force = false): void {
    if (!force && !this.pending) return;
    this.pending = false;
    const pin = this.pin;
    if (pin) {
      const target = this.scrollFor(pin);
      this.scrollError += this.scroll - target;
      this.scroll = target;
    }
    const { first, last } = this.wantedRange();
    this.range.first = first;
    this.range.last = last;
    if (this.shared) {
      this.shared.first = first;
      this.shared.jumping = this.jumping;
    }
    this.updateVisible(false);
    const childPositions = new Map<number, Point>();
    for (let i = first; i >= 0 && i <= last; i++) childPositions.set(i, { top: i * this.rowHeight, left: 0 });
    const message: Record<string, unknown> = {
      type: 'stateChanged',
      scrollSize: { height: Math.max(1, this.list.length * this.rowHeight), width: null },
      range: { ...this.range },
      childPositions,
    };
    if (this.scrollError) {
      message.scrollError = { top: this.scrollError, left: 0 };
      this.scrollError = 0;
    }
    this.sink(message);
  }

  /** Whether no rendered row is in the viewport any more (a fling, a drag of the scrollbar). */
  private jumpsPastRendered(): boolean {
    const { first, last } = this.range;
    if (first < 0) return false;
    const h = this.rowHeight;
    const top = Math.floor(this.scroll / h);
    const bottom = Math.ceil((this.scroll + this.viewport.height) / h) - 1;
    return bottom < first || top > last;
  }

  /** Renders the viewport only until the scroll has been still for `settleMs`, then the overhang too. */
  private jump(): void {
    this.jumping = true;
    clearTimeout(this.settleTimer);
    this.settleTimer = setTimeout(() => {
      this.jumping = false;
      this.pending = true;
      this.reflowIfNeeded();
      this.onSettle?.();
    }, this.settleMs);
  }

  /** The rows to render: the viewport and `overhang` pixels either side (none while jumping). */
  private wantedRange(): { first: number; last: number } {
    const count = this.list.length;
    if (count === 0 || this.viewport.height === 0) return { first: -1, last: -1 };
    const h = this.rowHeight;
    const overhang = this.jumping ? 0 : this.overhang;
    const first = Math.max(0, Math.min(count - 1, Math.floor((this.scroll - overhang) / h)));
    const end = Math.ceil((this.scroll + this.viewport.height + overhang) / h) - 1;
    return { first, last: Math.max(first, Math.min(count - 1, end)) };
  }

  private updateVisible(emit: boolean): void {
    const { first, last } = this.range;
    const h = this.rowHeight;
    const clamp = (i: number) => (first < 0 ? -1 : Math.max(first, Math.min(last, i)));
    const firstVisible = clamp(Math.floor(this.scroll / h));
    const lastVisible = clamp(Math.ceil((this.scroll + this.viewport.height) / h) - 1);
    if (firstVisible === this.range.firstVisible && lastVisible === this.range.lastVisible) return;
    this.range.firstVisible = firstVisible;
    this.range.lastVisible = lastVisible;
    if (emit) this.sink({ type: 'visibilityChanged', firstVisible, lastVisible });
  }

  /** Where to scroll to show the row at `index` as `block` asks ('nearest': only if not in view). */
  private scrollFor({ index, block = 'start' }: PinOptions): number {
    const h = this.rowHeight;
    const view = this.viewport.height;
    const top = index * h;
    let target = top;
    if (block === 'center') target = top - view / 2 + h / 2;
    else if (block === 'end') target = top + h - view;
    else if (block === 'nearest') {
      if (top >= this.scroll && top + h <= this.scroll + view) target = this.scroll;
      else if (top > this.scroll) target = top + h - view;
    }
    return Math.max(0, Math.min(target, this.list.length * h - view));
  }
}

/** The `layout` option of `virtualize()` for rows of one height. */
export function fixedRows(config: FixedRowLayoutConfig): VirtualizeDirectiveConfig<unknown>['layout'] {
  // The virtualizer's Layout types are not exported; FixedRowLayout has their shape.
  return { type: FixedRowLayout, ...config } as unknown as VirtualizeDirectiveConfig<unknown>['layout'];
}
