/**
 * Whether `list` holds every item of `run`, in order and by identity, from `at` on: how a thread's
 * indexes tell that a new array only gained older rows before or newer rows after the ones they
 * know, so they add those instead of being rebuilt (compares only, no allocation).
 */
export function sameRun<T>(list: readonly T[], at: number, run: readonly T[]): boolean {
  if (at < 0 || at + run.length > list.length) return false;
  for (let i = 0; i < run.length; i++) if (list[at + i] !== run[i]) return false;
  return true;
}
