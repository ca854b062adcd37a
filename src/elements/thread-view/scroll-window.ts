import type { ReactiveController, ReactiveControllerHost } from 'lit';

import { Overscan } from './overscan.js';
import { RowHeights } from './row-heights.js';
import {
  type Anchor,
  distanceToBottom,
  edge,
  findAnchor,
  renderedRows,
  rowByKey,
  rowsOffset,
} from './scroll-dom.js';
import type { ScrollWindowOptions } from './scroll-window.options.js';

/**
 * Renders only the rows near the viewport of a bottom-anchored chat, and keeps what the rep is
 * reading still while rows come and go.
 *
 * Why not `@lit-labs/virtualizer`: its flow layout caches measured sizes by index, so prepending a
 * page of older messages shifts every cached size onto the wrong row and the view jumps; it has no
 * notion of "follow the newest message"; and `pin` lets go at the first user scroll. A chat needs
 * the opposite: sizes by message id, a window anchored to the row in view, and stick-to-bottom.
 *
 * How: the host renders rows `[start, end)` between two spacers whose heights are the measured (or
 * estimated) heights of the rows left out. Before each render the first visible row and its offset
 * are recorded; after it, new rows are measured and the scroll position is corrected so that row is
 * where it was, or the view is put back at the bottom when it was following the newest message.
 *
 * Cost per frame, for a fast fling through 10,000 messages: only rows new to the DOM are measured
 * (one layout); rows already rendered report size changes (images, "Show more") through a
 * ResizeObserver; offsets come from Fenwick trees (`RowHeights`); and while the view jumps past
 * everything rendered, only the viewport is rendered, the overscan following once scrolling stops.
 *
 * The host's template must mark each row with `data-key` (children of a `data-rows` element) and
 * render spacers (elements with the `data-spacer` attribute, `top` or `bottom`) around them.
 */
export type { ScrollWindowOptions };

const AT_BOTTOM_SLACK = 24;

export class ScrollWindow implements ReactiveController {
  /** First rendered row. */
  start = 0;
  /** One past the last rendered row. */
  end = 0;
  /** Whether the view follows the newest row. */
  atBottom = true;

  private readonly rows: RowHeights;
  private anchor: Anchor | null = null;
  private target: { key: string; block: 'start' | 'center' } | null = null;
  private observed: HTMLElement | null = null;
  private width = 0;
  /** Renders asked for in a row to cover the viewport; bounded so bad measurements cannot loop. */
  private corrections = 0;
  private readonly overscan: Overscan;
  private spacerSizes: [number, number] = [-1, -1];
  /**
   * While flying: the key of the row counted as slot 0, chosen at the first render after each jump
   * (see `slotBase`); `rebase` asks for a new one.
   */
  private slotBaseKey: string | undefined;
  private rebase = false;
  /** Whether the rows changed since the last measure (see `measure`). */
  private keysChanged = false;
  /** Watches the scroller (width, height). */
  private readonly resizeObserver: ResizeObserver | undefined;
  /** Watches rendered rows, so rows that change size later (images, "Show more") are measured again. */
  private readonly rowObserver: ResizeObserver | undefined;
  /** Each rendered row and the key it had when measured: a row element may be reused for another key. */
  private watchedRows = new Map<HTMLElement, string>();

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: ScrollWindowOptions,
  ) {
    this.overscan = new Overscan(options.overscan ?? 600, () => host.requestUpdate());
    this.rows = new RowHeights(options.estimate ?? 88);
    host.addController(this);
    if (typeof ResizeObserver !== 'undefined') {
      this.resizeObserver = new ResizeObserver(() => this.handleResize());
      this.rowObserver = new ResizeObserver((entries) => this.handleRowResize(entries));
    }
  }

  hostDisconnected(): void {
    this.resizeObserver?.disconnect();
    this.rowObserver?.disconnect();
    this.watchedRows.clear();
    this.observed?.removeEventListener('scroll', this.handleScroll);
    this.observed = null;
    this.overscan.stop();
  }

  /** Before render: remember the row in view, then choose the rows to render. */
  hostUpdate(): void {
    const scroller = this.options.scroller();
    this.keysChanged = this.rows.setKeys(this.options.keys()) || this.keysChanged;
    const track = scroller && !this.atBottom && !this.target;
    this.anchor = track ? (findAnchor(scroller) ?? this.estimatedAnchor(scroller)) : null;
    this.chooseWindow(scroller);
    this.chooseSlotBase();
  }

  /** After render: measure, size the spacers, and put the view back where the rep expects it. */
  hostUpdated(): void {
    const scroller = this.options.scroller();
    if (!scroller) return;
    this.attach(scroller);
    this.measure(scroller, this.keysChanged);
    this.keysChanged = false;
    this.sizeSpacers(scroller);
    if (this.target) {
      const row = rowByKey(scroller, this.target.key);
      if (row) {
        const gap = this.target.block === 'center' ? (scroller.clientHeight - row.offsetHeight) / 2 : 0;
        scroller.scrollTop = Math.max(0, row.offsetTop - Math.max(0, gap));
      }
      this.target = null;
      this.setAtBottom(distanceToBottom(scroller) <= AT_BOTTOM_SLACK);
    } else if (this.atBottom) {
      scroller.scrollTop = scroller.scrollHeight;
    } else if (this.anchor) {
      const row = rowByKey(scroller, this.anchor.key);
      if (row) scroller.scrollTop += edge(scroller, row) - this.anchor.top;
    }
    this.anchor = null;
    // Measured rows may leave part of the viewport uncovered: render again (it converges, as
    // measured heights no longer change).
    if (!this.covers(scroller) && this.corrections < 4) {
      this.corrections += 1;
      this.host.requestUpdate();
    } else {
      this.corrections = 0;
    }
    if (this.nearTop()) this.options.onNearTop?.();
  }

  /** Whether the oldest row is rendered and the view is within a screen of the top. */
  nearTop(): boolean {
    const scroller = this.observed;
    return (
      !!scroller && this.rows.length > 0 && this.start === 0 && scroller.scrollTop < scroller.clientHeight
    );
  }

  /** Follows the newest row again (the "New messages" button, opening a conversation). */
  scrollToBottom(): void {
    this.target = null;
    this.setAtBottom(true);
    this.host.requestUpdate();
  }

  /** Brings a row into view (a quote's original), rendering it first if it is far away. */
  scrollToKey(key: string, block: 'start' | 'center' = 'center'): boolean {
    if (!this.options.keys().includes(key)) return false;
    this.target = { key, block };
    this.atBottom = false;
    this.host.requestUpdate();
    return true;
  }

  /** Forgets sizes and position: another conversation is shown. */
  reset(): void {
    this.forgetSizes();
    this.anchor = null;
    this.target = null;
    this.overscan.reset();
    this.start = this.end = 0;
    this.setAtBottom(true);
  }

  /**
   * While the view is flying by (it jumped past every rendered row, and has not been still for a
   * moment since): the index of the row counted as slot 0, so the host may key rows by slot and
   * reuse their elements for other rows (thread-rows.ts); measuring goes by key, not by element.
   * Null when rows are to be keyed by message.
   *
   * The base is a row, not a position in the window: it stays put from one jump to the next, so a
   * render between them (the window widened by a row, a page of older messages, the "Loading"
   * notice) leaves each row in its element instead of shifting every row's content by a slot.
   */
  get slotBase(): number | null {
    if (!this.overscan.flying || this.slotBaseKey === undefined) return null;
    return this.rows.indexOf(this.slotBaseKey) ?? null;
  }

  private chooseSlotBase(): void {
    if (!this.overscan.flying) {
      this.slotBaseKey = undefined;
    } else if (
      this.rebase ||
      this.slotBaseKey === undefined ||
      this.rows.indexOf(this.slotBaseKey) === undefined
    ) {
      this.slotBaseKey = this.options.keys()[this.start];
      this.rebase = false;
    }
  }

  /** Height of the rows before `start`, for the top spacer. */
  get topSpace(): number {
    return this.rows.offsetOf(this.start);
  }

  /** Height of the rows after `end`, for the bottom spacer. */
  get bottomSpace(): number {
    return this.rows.offsetOf(this.rows.length) - this.rows.offsetOf(this.end);
  }

  private readonly handleScroll = (): void => {
    const scroller = this.observed;
    if (!scroller) return;
    this.setAtBottom(distanceToBottom(scroller) <= AT_BOTTOM_SLACK);
    const [first, last] = this.visibleRange(scroller, 0);
    if (last <= this.start || first >= this.end) {
      // Nothing rendered is in view: render the viewport now, the overscan when scrolling settles.
      this.overscan.jumped();
      this.rebase = true;
      this.host.requestUpdate();
    } else if (!this.covers(scroller)) {
      this.host.requestUpdate();
    } else if (this.nearTop()) {
      this.options.onNearTop?.();
    }
  };

  private handleResize(): void {
    const scroller = this.observed;
    if (!scroller) return;
    if (scroller.clientWidth !== this.width) {
      // Text wraps differently at another width: every size is stale.
      this.width = scroller.clientWidth;
      this.forgetSizes();
    }
    this.host.requestUpdate();
  }

  /** Drops every size; rendered rows are measured again at the next render. */
  private forgetSizes(): void {
    this.rows.clear();
    this.rowObserver?.disconnect();
    this.watchedRows.clear();
  }

  /** Rendered rows changed size after they were measured (an image loaded, text expanded). */
  private handleRowResize(entries: ResizeObserverEntry[]): void {
    let changed = false;
    for (const entry of entries) {
      const row = entry.target as HTMLElement;
      const key = row.dataset['key'];
      if (key !== undefined && row.isConnected && this.rows.set(key, row.offsetHeight)) changed = true;
    }
    const scroller = this.observed;
    if (changed && scroller && !this.covers(scroller)) this.host.requestUpdate();
  }

  private attach(scroller: HTMLElement): void {
    if (this.observed === scroller) return;
    this.observed?.removeEventListener('scroll', this.handleScroll);
    this.resizeObserver?.disconnect();
    this.observed = scroller;
    this.width = scroller.clientWidth;
    scroller.addEventListener('scroll', this.handleScroll, { passive: true });
    this.resizeObserver?.observe(scroller);
  }

  private setAtBottom(value: boolean): void {
    if (value === this.atBottom) return;
    this.atBottom = value;
    this.options.onBottomChange?.(value);
  }

  private chooseWindow(scroller: HTMLElement | null | undefined): void {
    const n = this.rows.length;
    const viewport = scroller?.clientHeight || 800;
    const overscan = this.overscan.value;
    let pivot: number;
    let above: number;
    let below: number;
    const target = this.target ? this.rows.indexOf(this.target.key) : undefined;
    const anchorIndex = this.anchor ? this.rows.indexOf(this.anchor.key) : undefined;
    if (target !== undefined) {
      [pivot, above, below] = [target, viewport, viewport];
    } else if (this.atBottom || n === 0) {
      [pivot, above, below] = [n, viewport, 0];
    } else if (anchorIndex !== undefined) {
      // The anchor's top edge is the bottom edge less the row's height.
      const top = this.anchor!.top - this.rows.heightAt(anchorIndex);
      [pivot, above, below] = [anchorIndex, top, viewport - top];
    } else {
      const [first, last] = scroller ? this.visibleRange(scroller, this.overscan.margin) : [n, n];
      this.start = first;
      this.end = last;
      return;
    }
    [this.start, this.end] = this.rows.around(pivot, above + overscan, below + overscan);
  }

  /** Whether the rendered rows cover the viewport and its margin. */
  private covers(scroller: HTMLElement): boolean {
    const [first, last] = this.visibleRange(scroller, this.overscan.margin);
    return first >= this.start && last <= this.end;
  }

  /** Rows that intersect the viewport widened by `margin`, from the scroll position. */
  private visibleRange(scroller: HTMLElement, margin: number): [number, number] {
    const y = scroller.scrollTop - rowsOffset(scroller);
    return this.rows.within(y - margin, y + scroller.clientHeight + margin);
  }

  /**
   * Measures the rendered rows (one layout for all of them) when any is new to the DOM or the rows
   * changed (a page of older messages can take a row's day separator or sender line away, and its
   * height with them), and watches rows new to the DOM. Left to the rows' ResizeObserver, such a
   * change was seen only after the frame's layout, and its correction rendered and laid the rows out
   * a second time in that frame. Rows already measured otherwise report their own size changes
   * (images, "Show more"); rows that left the DOM stop being watched.
   */
  private measure(scroller: HTMLElement, keysChanged: boolean): void {
    const rendered = renderedRows(scroller);
    const current = new Map<HTMLElement, string>();
    let all = keysChanged;
    for (const row of rendered) {
      const key = row.dataset['key']!;
      current.set(row, key);
      if (this.watchedRows.get(row) !== key) all = true;
      if (!this.watchedRows.has(row)) this.rowObserver?.observe(row);
    }
    if (all) for (const [row, key] of current) this.rows.set(key, row.offsetHeight);
    for (const row of this.watchedRows.keys()) if (!current.has(row)) this.rowObserver?.unobserve(row);
    this.watchedRows = current;
  }

  private sizeSpacers(scroller: HTMLElement): void {
    // Whole pixels: sums of estimated heights are fractional, and a spacer of 1234.56px leaves the
    // rows at a sub-pixel offset that differs from render to render (blurry text, unstable screenshots).
    const sizes: [number, number] = [Math.round(this.topSpace), Math.round(this.bottomSpace)];
    const top = scroller.querySelector<HTMLElement>('[data-spacer="top"]');
    const bottom = scroller.querySelector<HTMLElement>('[data-spacer="bottom"]');
    // CSSOM writes, not style attributes: allowed under a strict CSP. Unchanged sizes are not
    // written again, so a render that moves nothing does not invalidate layout.
    if (top && (sizes[0] !== this.spacerSizes[0] || !top.style.height)) top.style.height = `${sizes[0]}px`;
    if (bottom && (sizes[1] !== this.spacerSizes[1] || !bottom.style.height)) {
      bottom.style.height = `${sizes[1]}px`;
    }
    this.spacerSizes = sizes;
  }

  /**
   * After a jump (a dragged scrollbar), no rendered row is in view: the row the estimates put at
   * the viewport's top becomes the anchor, so correcting the estimates does not move the view away.
   */
  private estimatedAnchor(scroller: HTMLElement): Anchor | null {
    return this.rows.anchorAt(scroller.scrollTop - rowsOffset(scroller));
  }
}
