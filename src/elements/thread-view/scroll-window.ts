import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Renders only the rows near the viewport of a bottom-anchored chat, and keeps what the rep is
 * reading still while rows come and go.
 *
 * Why not `@lit-labs/virtualizer`: its flow layout caches measured sizes by index, so prepending a
 * page of older messages shifts every cached size onto the wrong row and the view jumps; it has no
 * notion of "follow the newest message"; and `pin` lets go at the first user scroll. A chat needs
 * the opposite: sizes by message id, a window anchored to the row in view, and stick-to-bottom.
 * This controller does exactly that and no more (about 200 lines).
 *
 * How: the host renders rows `[start, end)` between two spacers whose heights are the measured (or
 * estimated) heights of the rows left out. Before each render the first visible row and its offset
 * are recorded; after it, rows are measured by id and the scroll position is corrected so that row
 * is where it was, or the view is put back at the bottom when it was following the newest message.
 *
 * The host's template must mark each row with `data-key` and render `topSpacer`/`bottomSpacer`
 * (elements with the `data-spacer` attribute, `top` or `bottom`) around them inside the scroller.
 */
export interface ScrollWindowOptions {
  /** The row keys, oldest first. */
  keys: () => readonly string[];
  /** The scrolling element (in the host's render root). */
  scroller: () => HTMLElement | null | undefined;
  /** Called when the window reaches the oldest row and the view is near the top. */
  onNearTop?: () => void;
  /** Called when following the newest row starts or stops. */
  onBottomChange?: (atBottom: boolean) => void;
  /** Pixels rendered beyond each edge of the viewport. */
  overscan?: number;
  /** Row height assumed before any row is measured. */
  estimate?: number;
}

const AT_BOTTOM_SLACK = 24;

export class ScrollWindow implements ReactiveController {
  /** First rendered row. */
  start = 0;
  /** One past the last rendered row. */
  end = 0;
  /** Whether the view follows the newest row. */
  atBottom = true;

  private keys: readonly string[] = [];
  /** Row index by key, built on first need: a thread that follows the bottom never needs it. */
  private indexByKey: Map<string, number> | null = null;
  private readonly heights = new Map<string, number>();
  private measuredSum = 0;
  private offsets: Float64Array | null = null;
  private anchor: { key: string; top: number } | null = null;
  private target: { key: string; block: 'start' | 'center' } | null = null;
  private observed: HTMLElement | null = null;
  private width = 0;
  /** The row holding focus before a render; if the render drops it, focus goes to the scroller. */
  private focusedKey: string | null = null;
  /** Renders asked for in a row to cover the viewport; bounded so bad measurements cannot loop. */
  private corrections = 0;
  private readonly resizeObserver: ResizeObserver | undefined;
  private readonly overscan: number;
  private readonly estimate: number;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: ScrollWindowOptions,
  ) {
    this.overscan = options.overscan ?? 600;
    this.estimate = options.estimate ?? 88;
    host.addController(this);
    if (typeof ResizeObserver !== 'undefined') {
      this.resizeObserver = new ResizeObserver(() => this.handleResize());
    }
  }

  hostDisconnected(): void {
    this.resizeObserver?.disconnect();
    this.observed?.removeEventListener('scroll', this.handleScroll);
    this.observed = null;
  }

  /** Before render: remember the row in view, then choose the rows to render. */
  hostUpdate(): void {
    const scroller = this.options.scroller();
    const active = (this.host.shadowRoot ?? document).activeElement;
    this.focusedKey = active?.closest<HTMLElement>('[data-key]')?.dataset['key'] ?? null;
    const track = scroller && !this.atBottom && !this.target;
    this.anchor = track ? (this.findAnchor(scroller) ?? this.estimatedAnchor(scroller)) : null;
    const keys = this.options.keys();
    if (keys !== this.keys) {
      this.keys = keys;
      this.indexByKey = null;
      this.offsets = null;
    }
    this.chooseWindow(scroller);
  }

  /** After render: measure, size the spacers, and put the view back where the rep expects it. */
  hostUpdated(): void {
    const scroller = this.options.scroller();
    if (!scroller) return;
    this.attach(scroller);
    if (this.focusedKey && !this.row(scroller, this.focusedKey)) {
      // Keyboard users stay in the thread when their row scrolls out of the rendered window.
      scroller.focus({ preventScroll: true });
    }
    this.focusedKey = null;
    this.measure(scroller);
    this.sizeSpacers(scroller);
    if (this.target) {
      const row = this.row(scroller, this.target.key);
      if (row) {
        const top = row.offsetTop;
        const gap = this.target.block === 'center' ? (scroller.clientHeight - row.offsetHeight) / 2 : 0;
        scroller.scrollTop = Math.max(0, top - Math.max(0, gap));
      }
      this.target = null;
      this.setAtBottom(this.distanceToBottom(scroller) <= AT_BOTTOM_SLACK);
    } else if (this.atBottom) {
      scroller.scrollTop = scroller.scrollHeight;
    } else if (this.anchor) {
      const row = this.row(scroller, this.anchor.key);
      if (row) scroller.scrollTop += this.edge(scroller, row) - this.anchor.top;
    }
    this.anchor = null;
    // Measured rows may leave part of the viewport uncovered: render again (it converges, as
    // measured heights no longer change).
    const [first, last] = this.visibleRange(scroller);
    if ((first < this.start || last > this.end) && this.corrections < 4) {
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
      !!scroller && this.keys.length > 0 && this.start === 0 && scroller.scrollTop < scroller.clientHeight
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
    this.heights.clear();
    this.measuredSum = 0;
    this.offsets = null;
    this.anchor = null;
    this.target = null;
    this.start = this.end = 0;
    this.setAtBottom(true);
  }

  private indexOf(key: string): number | undefined {
    this.indexByKey ??= new Map(this.keys.map((k, i) => [k, i]));
    return this.indexByKey.get(key);
  }

  /** Height of the rows before `start`, for the top spacer. */
  get topSpace(): number {
    return this.offsetOf(this.start);
  }

  /** Height of the rows after `end`, for the bottom spacer. */
  get bottomSpace(): number {
    return this.offsetOf(this.keys.length) - this.offsetOf(this.end);
  }

  private readonly handleScroll = (): void => {
    const scroller = this.observed;
    if (!scroller) return;
    this.setAtBottom(this.distanceToBottom(scroller) <= AT_BOTTOM_SLACK);
    const [first, last] = this.visibleRange(scroller);
    if (first < this.start || last > this.end) this.host.requestUpdate();
    else if (this.nearTop()) this.options.onNearTop?.();
  };

  private handleResize(): void {
    const scroller = this.observed;
    if (!scroller) return;
    if (scroller.clientWidth !== this.width) {
      // Text wraps differently at another width: every size is stale.
      this.width = scroller.clientWidth;
      this.heights.clear();
      this.measuredSum = 0;
      this.offsets = null;
    }
    this.host.requestUpdate();
  }

  private attach(scroller: HTMLElement): void {
    if (this.observed === scroller) return;
    this.observed?.removeEventListener('scroll', this.handleScroll);
    this.resizeObserver?.disconnect();
    this.observed = scroller;
    this.width = scroller.clientWidth;
    scroller.addEventListener('scroll', this.handleScroll, { passive: true });
    this.resizeObserver?.observe(scroller);
    const content = scroller.querySelector<HTMLElement>('[data-rows]');
    if (content) this.resizeObserver?.observe(content);
  }

  private setAtBottom(value: boolean): void {
    if (value === this.atBottom) return;
    this.atBottom = value;
    this.options.onBottomChange?.(value);
  }

  private chooseWindow(scroller: HTMLElement | null | undefined): void {
    const n = this.keys.length;
    const viewport = scroller?.clientHeight || 800;
    let pivot: number;
    let above: number;
    let below: number;
    const target = this.target ? this.indexOf(this.target.key) : undefined;
    const anchorIndex = this.anchor ? this.indexOf(this.anchor.key) : undefined;
    if (target !== undefined) {
      [pivot, above, below] = [target, viewport, viewport];
    } else if (this.atBottom || n === 0) {
      [pivot, above, below] = [n, viewport, 0];
    } else if (anchorIndex !== undefined) {
      // The anchor's top edge is the bottom edge less the row's height.
      const top = this.anchor!.top - this.heightAt(anchorIndex);
      [pivot, above, below] = [anchorIndex, top, viewport - top];
    } else {
      const [first, last] = scroller ? this.visibleRange(scroller) : [n, n];
      this.start = first;
      this.end = last;
      return;
    }
    let start = pivot;
    for (let px = 0; start > 0 && px < above + this.overscan;) px += this.heightAt(--start);
    let end = pivot;
    for (let px = 0; end < n && px < below + this.overscan;) px += this.heightAt(end++);
    this.start = start;
    this.end = Math.max(end, Math.min(n, pivot + 1));
  }

  /** Rows that intersect the viewport widened by the overscan, from the scroll position. */
  private visibleRange(scroller: HTMLElement): [number, number] {
    const n = this.keys.length;
    if (n === 0) return [0, 0];
    const top = Math.max(0, scroller.scrollTop - this.rowsOffset(scroller) - this.overscan / 2);
    const bottom = scroller.scrollTop - this.rowsOffset(scroller) + scroller.clientHeight + this.overscan / 2;
    return [this.indexAt(top), Math.min(n, this.indexAt(bottom) + 1)];
  }

  /** Distance from the scroller's content top to the first spacer; the scroller is `position: relative`. */
  private rowsOffset(scroller: HTMLElement): number {
    const spacer = scroller.querySelector<HTMLElement>('[data-spacer="top"]');
    return spacer ? spacer.offsetTop : 0;
  }

  private indexAt(px: number): number {
    const offsets = this.prefix();
    let low = 0;
    let high = this.keys.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      if (offsets[mid]! <= px) low = mid;
      else high = mid - 1;
    }
    return Math.max(0, low);
  }

  private heightAt(i: number): number {
    const known = this.heights.get(this.keys[i]!);
    if (known !== undefined) return known;
    return this.heights.size > 0 ? this.measuredSum / this.heights.size : this.estimate;
  }

  private prefix(): Float64Array {
    if (!this.offsets || this.offsets.length !== this.keys.length + 1) {
      const offsets = new Float64Array(this.keys.length + 1);
      for (let i = 0; i < this.keys.length; i++) offsets[i + 1] = offsets[i]! + this.heightAt(i);
      this.offsets = offsets;
    }
    return this.offsets;
  }

  private offsetOf(i: number): number {
    return this.prefix()[Math.min(i, this.keys.length)] ?? 0;
  }

  private measure(scroller: HTMLElement): void {
    for (const row of scroller.querySelectorAll<HTMLElement>('[data-key]')) {
      const key = row.dataset['key']!;
      const height = row.offsetHeight;
      const previous = this.heights.get(key);
      if (previous === height) continue;
      this.measuredSum += height - (previous ?? 0);
      this.heights.set(key, height);
      this.offsets = null;
    }
  }

  private sizeSpacers(scroller: HTMLElement): void {
    // CSSOM writes, not style attributes: allowed under a strict CSP.
    const top = scroller.querySelector<HTMLElement>('[data-spacer="top"]');
    const bottom = scroller.querySelector<HTMLElement>('[data-spacer="bottom"]');
    if (top) top.style.height = `${this.topSpace}px`;
    if (bottom) bottom.style.height = `${this.bottomSpace}px`;
  }

  private row(scroller: HTMLElement, key: string): HTMLElement | null {
    return scroller.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`);
  }

  /**
   * Where a row's content ends, from the viewport's top. The bottom, not the top: a row loses its
   * day separator or sender line when older rows arrive above it, and its text must not move.
   */
  private edge(scroller: HTMLElement, row: HTMLElement): number {
    const content = row.lastElementChild ?? row;
    return content.getBoundingClientRect().bottom - scroller.getBoundingClientRect().top;
  }

  /** The first rendered row in the viewport, with the offset of its content's bottom edge. */
  private findAnchor(scroller: HTMLElement): { key: string; top: number } | null {
    const viewTop = scroller.getBoundingClientRect().top;
    for (const row of scroller.querySelectorAll<HTMLElement>('[data-key]')) {
      const rect = row.getBoundingClientRect();
      if (rect.bottom > viewTop && rect.top < viewTop + scroller.clientHeight) {
        return { key: row.dataset['key']!, top: this.edge(scroller, row) };
      }
    }
    return null;
  }

  /**
   * After a jump (a dragged scrollbar), no rendered row is in view: the row the estimates put at
   * the viewport's top becomes the anchor, so correcting the estimates does not move the view away.
   */
  private estimatedAnchor(scroller: HTMLElement): { key: string; top: number } | null {
    if (this.keys.length === 0) return null;
    const y = scroller.scrollTop - this.rowsOffset(scroller);
    const i = this.indexAt(Math.max(0, y));
    return { key: this.keys[i]!, top: this.offsetOf(i + 1) - y };
  }

  private distanceToBottom(scroller: HTMLElement): number {
    return scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight;
  }
}
