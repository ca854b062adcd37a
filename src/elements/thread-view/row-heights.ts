import { growthOf } from './same-run.js';

/**
 * Row heights by key, and the offsets they add up to, for the scroll window.
 *
 * Why Fenwick trees: scrolling a 10,000-message thread measures a few rows every frame, and each
 * measurement used to throw away an array of 10,000 offsets that the next read rebuilt. Here a
 * measurement costs O(log n) and an offset O(log n). Rows not yet measured count as the average of
 * the measured ones, so the trees hold only measured heights and how many rows were measured; the
 * average is applied when an offset is read. The trees are rebuilt (O(n)) only when the keys change:
 * a page of older messages, a new message, another conversation.
 */
export class RowHeights {
  private readonly heights = new Map<string, number>();
  private measuredSum = 0;
  private keys: readonly string[] = [];
  /**
   * Row index by key, built on first need (a thread that follows the bottom never needs it), less
   * `shift`: the rows prepended since it was built. A page of older messages then adds its own keys
   * and bumps `shift` instead of rebuilding the index for all 10,000 rows (a table too large for the
   * young generation, made per page while the rep scrolls up, brought on major collections).
   */
  private indexByKey: Map<string, number> | null = null;
  private shift = 0;
  /** 1-based Fenwick trees over the rows: measured heights, and 1 per measured row. */
  private sums: Float64Array | null = null;
  private counts: Float64Array | null = null;

  constructor(private readonly estimate: number) {}

  /**
   * The rows, oldest first. A new array of the same rows (a message changed, not its place) keeps
   * the index and trees; one that only grew keeps the index; anything else drops both. Returns
   * whether the array is another one (its rows may render differently).
   */
  setKeys(keys: readonly string[]): boolean {
    if (keys === this.keys) return false;
    const before = this.keys;
    this.keys = keys;
    const growth = growthOf(before, keys);
    if (growth === 'same') return true;
    this.sums = this.counts = null;
    const index = this.indexByKey;
    if (growth === 'older' && index) {
      const added = keys.length - before.length;
      this.shift += added;
      for (let i = 0; i < added; i++) index.set(keys[i]!, i - this.shift);
    } else if (growth === 'newer' && index) {
      for (let i = before.length; i < keys.length; i++) index.set(keys[i]!, i - this.shift);
    } else {
      this.indexByKey = null;
    }
    return true;
  }

  get length(): number {
    return this.keys.length;
  }

  indexOf(key: string): number | undefined {
    if (!this.indexByKey) {
      this.shift = 0;
      this.indexByKey = new Map();
      for (let i = 0; i < this.keys.length; i++) this.indexByKey.set(this.keys[i]!, i);
    }
    const stored = this.indexByKey.get(key);
    return stored === undefined ? undefined : stored + this.shift;
  }

  has(key: string): boolean {
    return this.heights.has(key);
  }

  /** Forgets every size (another conversation, another width). */
  clear(): void {
    this.heights.clear();
    this.measuredSum = 0;
    this.sums = this.counts = null;
  }

  /** Records a measured height; returns whether it changed. */
  set(key: string, height: number): boolean {
    const previous = this.heights.get(key);
    if (previous === height) return false;
    this.heights.set(key, height);
    this.measuredSum += height - (previous ?? 0);
    if (this.sums && this.counts) {
      const i = this.indexOf(key);
      if (i === undefined) return true;
      this.add(this.sums, i, height - (previous ?? 0));
      if (previous === undefined) this.add(this.counts, i, 1);
    }
    return true;
  }

  /** Height assumed for a row not measured yet. */
  private get average(): number {
    return this.heights.size > 0 ? this.measuredSum / this.heights.size : this.estimate;
  }

  heightAt(i: number): number {
    return this.heights.get(this.keys[i]!) ?? this.average;
  }

  /** Height of the rows before row `i` (`i` up to the row count). */
  offsetOf(i: number): number {
    const n = Math.max(0, Math.min(i, this.keys.length));
    this.build();
    const sum = this.prefix(this.sums!, n);
    const count = this.prefix(this.counts!, n);
    return sum + (n - count) * this.average;
  }

  /** The row at `px` from the top of the first row (the last row below everything). */
  indexAt(px: number): number {
    let low = 0;
    let high = this.keys.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      if (this.offsetOf(mid) <= px) low = mid;
      else high = mid - 1;
    }
    return Math.max(0, low);
  }

  /** Rows `[first, last)` that intersect `[top, bottom)` px. */
  within(top: number, bottom: number): [number, number] {
    const n = this.keys.length;
    if (n === 0) return [0, 0];
    return [this.indexAt(Math.max(0, top)), Math.min(n, this.indexAt(bottom) + 1)];
  }

  /** Rows around `pivot`: `above` px of rows before it, `below` px from it on (at least the pivot). */
  around(pivot: number, above: number, below: number): [number, number] {
    const n = this.keys.length;
    let start = pivot;
    for (let px = 0; start > 0 && px < above;) px += this.heightAt(--start);
    let end = pivot;
    for (let px = 0; end < n && px < below;) px += this.heightAt(end++);
    return [start, Math.max(end, Math.min(n, pivot + 1))];
  }

  /** The row the estimates put at `y` px, with where its bottom edge is relative to `y`. */
  anchorAt(y: number): { key: string; top: number } | null {
    if (this.keys.length === 0) return null;
    const i = this.indexAt(Math.max(0, y));
    return { key: this.keys[i]!, top: this.offsetOf(i + 1) - y };
  }

  private build(): void {
    if (this.sums && this.counts) return;
    const n = this.keys.length;
    const sums = new Float64Array(n + 1);
    const counts = new Float64Array(n + 1);
    if (this.heights.size > 0) {
      for (let i = 0; i < n; i++) {
        const h = this.heights.get(this.keys[i]!);
        if (h !== undefined) {
          sums[i + 1] = h;
          counts[i + 1] = 1;
        }
      }
      // Linear Fenwick construction: each node passes its total to its parent.
      for (let i = 1; i <= n; i++) {
        const parent = i + (i & -i);
        if (parent <= n) {
          sums[parent] = sums[parent]! + sums[i]!;
          counts[parent] = counts[parent]! + counts[i]!;
        }
      }
    }
    this.sums = sums;
    this.counts = counts;
  }

  private add(tree: Float64Array, index: number, delta: number): void {
    for (let i = index + 1; i < tree.length; i += i & -i) tree[i] = tree[i]! + delta;
  }

  private prefix(tree: Float64Array, n: number): number {
    let total = 0;
    for (let i = n; i > 0; i -= i & -i) total += tree[i]!;
    return total;
  }
}
