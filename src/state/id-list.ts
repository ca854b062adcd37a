// Changes to long id lists (the conversation list can hold 100,000 ids) that allocate exactly one
// new array. An array of that size lives in V8's large-object space, where each new one costs page
// faults on top of the copy, so a second allocation (slice then splice, spread of slices) or a
// `copyWithin` (a generic, per-element builtin) doubles or triples the cost of one event. Plain loops
// over packed arrays compile to tight copies.

/** `ids` with `add` appended. */
export function appended(ids: readonly string[], add: readonly string[]): string[] {
  return add.length === 0 ? ids.slice() : ids.concat(add);
}

/** `ids` with the id at `index` moved to the front. */
export function movedToFront(ids: readonly string[], index: number): string[] {
  const next = ids.slice();
  const id = next[index]!;
  for (let i = index; i > 0; i--) next[i] = next[i - 1]!;
  next[0] = id;
  return next;
}

/** `ids` with `id` inserted at `index`. */
export function inserted(ids: readonly string[], index: number, id: string): string[] {
  const next = ids.concat(id);
  for (let i = next.length - 1; i > index; i--) next[i] = next[i - 1]!;
  next[index] = id;
  return next;
}

/** `ids` without the id at `index`. */
export function removed(ids: readonly string[], index: number): string[] {
  const next = ids.slice();
  for (let i = index; i < next.length - 1; i++) next[i] = next[i + 1]!;
  next.length -= 1;
  return next;
}
