/** How a thread's new array of rows relates to the one before it (see `growthOf`). */
export type Growth = 'same' | 'older' | 'newer';

/**
 * How `after` relates to `before`, by identity: the same items ('same'), items added before them
 * (`'older'`: a page of older messages) or after them (`'newer'`: new messages); null for any other
 * change. The thread's indexes take in what was added instead of being made again for all 10,000
 * rows. Compares only, no allocation.
 */
export function growthOf<T>(before: readonly T[], after: readonly T[]): Growth | null {
  const added = after.length - before.length;
  if (added < 0) return null;
  if (added === 0) return sameRun(after, 0, before) ? 'same' : null;
  if (sameRun(after, added, before)) return 'older';
  return sameRun(after, 0, before) ? 'newer' : null;
}

/** Whether `list` holds every item of `run`, in order, from `at` on. */
function sameRun<T>(list: readonly T[], at: number, run: readonly T[]): boolean {
  for (let i = 0; i < run.length; i++) if (list[at + i] !== run[i]) return false;
  return true;
}
