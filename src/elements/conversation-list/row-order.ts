import type { ConversationListView } from '../../state/selectors.js';

const EMPTY: readonly string[] = Object.freeze([]);
/** How far from its old index a row is looked for after a change; one event moves rows by one. */
const WINDOW = 32;

/** Where `id` went in `after`, looking near `index` only (constant work); -1 when not found there. */
export function findNear(after: readonly string[], id: string | undefined, index: number): number {
  if (id === undefined) return -1;
  for (let d = 0; d <= WINDOW; d++) {
    if (after[index + d] === id) return index + d;
    if (d > 0 && after[index - d] === id) return index - d;
  }
  return -1;
}

/**
 * The order the rows are shown in. With notifications on it is the store's order (newest activity
 * first), and each change reports how many rows the first visible row moved, so the element can scroll
 * by as much and the rep keeps looking at the same rows. With notifications off, a change that only
 * re-orders the rows (a new message moved a conversation up) is not shown: only the counts change.
 * Any other change (a new query, a page, a conversation joining or leaving) shows the store's order.
 */
export class RowOrder {
  ids: readonly string[] = EMPTY;
  private source: readonly string[] = EMPTY;
  private query: unknown;
  private held = false;

  /** Returns by how many rows the row at `firstVisible` moved (0 when it did not, or on a new query). */
  sync(view: ConversationListView | undefined, live: boolean, firstVisible: number): number {
    const next = view?.ids ?? EMPTY;
    const query = view?.query;
    const sameQuery = query === this.query;
    if (next === this.source && sameQuery && !(live && this.held)) return 0;
    const reorderOnly = sameQuery && next.length === this.source.length && next.length === this.ids.length;
    this.source = next;
    this.query = query;
    if (!live && reorderOnly && next.length > 0) {
      this.held = true;
      return 0;
    }
    const before = this.ids;
    this.ids = next;
    this.held = false;
    if (!sameQuery || before.length === 0) return 0;
    const moved = findNear(next, before[firstVisible], firstVisible);
    return moved < 0 ? 0 : moved - firstVisible;
  }
}
