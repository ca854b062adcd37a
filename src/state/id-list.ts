// The conversation list's ids (up to 100,000 of them) as a persistent list in chunks.
//
// As one array, every page appended copied the whole list: paging through 100,000 conversations
// 200 at a time allocated some 200 MB of arrays, each too large for the young generation. They went
// straight to V8's large-object space, counted toward the old generation's limit and brought on
// major collections, whose pauses landed inside the frames of a fling. In chunks of at most
// 2 × CHUNK ids, a change copies the one or two chunks it touches and the short index of chunks
// (about 200 entries at 100,000 ids): a few kilobytes, young, and dead by the next scavenge.
//
// The state keeps its public shape (`ids: readonly string[]`) through `idsOf`: a read-only,
// array-like view of a list (`ids[i]`, `length`, `Array.isArray`, iteration, array methods,
// spread and JSON work as on an array), as persistent-map.ts's `recordOf` does for tables. Reducers
// and the list's element read the chunks behind it with `chunksOf`.

/** Ids a chunk is filled to by appends; an insert grows a chunk up to twice this before it splits. */
const CHUNK = 512;

export class IdChunks {
  /** `ends[k]`: how many ids chunks 0 to k hold together. */
  private readonly ends: readonly number[];

  private constructor(readonly chunks: readonly (readonly string[])[]) {
    const ends: number[] = [];
    let total = 0;
    for (const chunk of chunks) ends.push((total += chunk.length));
    this.ends = ends;
  }

  static readonly EMPTY = new IdChunks([]);

  static from(ids: readonly string[]): IdChunks {
    const chunks: string[][] = [];
    for (let i = 0; i < ids.length; i += CHUNK) chunks.push(ids.slice(i, i + CHUNK));
    return new IdChunks(chunks);
  }

  get length(): number {
    return this.ends.length === 0 ? 0 : this.ends[this.ends.length - 1]!;
  }

  at(index: number): string | undefined {
    if (!(index >= 0 && index < this.length)) return undefined;
    const k = this.chunkOf(index);
    return this.chunks[k]![index - this.start(k)];
  }

  indexOf(id: string): number {
    for (let k = 0; k < this.chunks.length; k++) {
      const i = this.chunks[k]!.indexOf(id);
      if (i >= 0) return this.start(k) + i;
    }
    return -1;
  }

  /** The list with `add` appended: the last chunk is filled up, then new chunks follow. */
  appended(add: readonly string[]): IdChunks {
    const chunks = this.chunks.slice();
    let from = 0;
    const last = chunks[chunks.length - 1];
    if (last && last.length < CHUNK) {
      from = Math.min(add.length, CHUNK - last.length);
      chunks[chunks.length - 1] = last.concat(add.slice(0, from));
    }
    for (let i = from; i < add.length; i += CHUNK) chunks.push(add.slice(i, i + CHUNK));
    return new IdChunks(chunks);
  }

  /** The list with the id at `index` moved to the front. */
  movedToFront(index: number): IdChunks {
    const id = this.at(index);
    if (id === undefined || index === 0) return this;
    return this.removed(index).inserted(0, id);
  }

  /** The list with `id` inserted at `index` (0 to length). */
  inserted(index: number, id: string): IdChunks {
    if (this.chunks.length === 0) return new IdChunks([[id]]);
    // At the end, it joins the last chunk; elsewhere, the chunk that holds `index` now.
    const k = index >= this.length ? this.chunks.length - 1 : this.chunkOf(index);
    const chunk = this.chunks[k]!.slice();
    chunk.splice(index - this.start(k), 0, id);
    const replacement = chunk.length > 2 * CHUNK ? [chunk.slice(0, CHUNK), chunk.slice(CHUNK)] : [chunk];
    return this.replaced(k, replacement);
  }

  /** The list without the id at `index`; a chunk left empty goes. */
  removed(index: number): IdChunks {
    if (!(index >= 0 && index < this.length)) return this;
    const k = this.chunkOf(index);
    const chunk = this.chunks[k]!.slice();
    chunk.splice(index - this.start(k), 1);
    return this.replaced(k, chunk.length > 0 ? [chunk] : []);
  }

  private replaced(k: number, replacement: readonly (readonly string[])[]): IdChunks {
    const chunks = this.chunks.slice();
    chunks.splice(k, 1, ...replacement);
    return new IdChunks(chunks);
  }

  private start(k: number): number {
    return k === 0 ? 0 : this.ends[k - 1]!;
  }

  /** The chunk that holds `index` (0 ≤ index < length): the first whose end is past it. */
  private chunkOf(index: number): number {
    let low = 0;
    let high = this.ends.length - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.ends[mid]! > index) high = mid;
      else low = mid + 1;
    }
    return low;
  }
}

/** A canonical array index ("0", "17"; not "017", "1e3" or "-1") as a number, else -1. */
function indexKey(key: string): number {
  const n = key.length;
  if (n === 0 || n > 15 || (n > 1 && key.charCodeAt(0) === 48)) return -1;
  let value = 0;
  for (let i = 0; i < n; i++) {
    const digit = key.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

const readOnly = (): boolean => false;

/** The traps of one view; its target is an empty array, so `Array.isArray` holds for the view. */
class ViewHandler implements ProxyHandler<string[]> {
  constructor(private readonly list: IdChunks) {}

  get(target: string[], key: string | symbol, receiver: unknown): unknown {
    if (typeof key === 'string') {
      if (key === 'length') return this.list.length;
      const index = indexKey(key);
      if (index >= 0) return this.list.at(index);
    }
    return Reflect.get(target, key, receiver);
  }

  has(target: string[], key: string | symbol): boolean {
    if (typeof key === 'string') {
      const index = indexKey(key);
      if (index >= 0) return index < this.list.length;
    }
    return Reflect.has(target, key);
  }

  ownKeys(): string[] {
    const keys: string[] = [];
    for (let i = 0; i < this.list.length; i++) keys.push(String(i));
    keys.push('length');
    return keys;
  }

  getOwnPropertyDescriptor(target: string[], key: string | symbol): PropertyDescriptor | undefined {
    if (key === 'length') {
      // As the target's own `length`: not configurable, so the proxy may report it.
      return { value: this.list.length, writable: true, enumerable: false, configurable: false };
    }
    const index = typeof key === 'string' ? indexKey(key) : -1;
    if (index >= 0 && index < this.list.length) {
      return { value: this.list.at(index), writable: false, enumerable: true, configurable: true };
    }
    return Reflect.getOwnPropertyDescriptor(target, key);
  }

  set = readOnly;
  defineProperty = readOnly;
  deleteProperty = readOnly;
}

const chunksOfView = new WeakMap<readonly string[], IdChunks>();
const viewOfChunks = new WeakMap<IdChunks, readonly string[]>();

/** A read-only, array-like view of `list`, one per list. */
export function idsOf(list: IdChunks): readonly string[] {
  let view = viewOfChunks.get(list);
  if (!view) {
    view = new Proxy<string[]>([], new ViewHandler(list));
    viewOfChunks.set(list, view);
    chunksOfView.set(view, list);
  }
  return view;
}

/** The empty list, as a view. */
export const EMPTY_IDS = idsOf(IdChunks.EMPTY);

/**
 * The chunks behind an id list of the state: the list itself for a view made by `idsOf`, else (a
 * plain array, e.g. a state built by hand) its chunks, made once per array.
 */
export function chunksOf(ids: readonly string[]): IdChunks {
  let list = chunksOfView.get(ids);
  if (!list) {
    list = IdChunks.from(ids);
    chunksOfView.set(ids, list);
  }
  return list;
}

/** `ids` with `add` appended (a new list even when `add` is empty). */
export function appended(ids: readonly string[], add: readonly string[]): readonly string[] {
  return idsOf(chunksOf(ids).appended(add));
}

/** `ids` with the id at `index` moved to the front. */
export function movedToFront(ids: readonly string[], index: number): readonly string[] {
  return idsOf(chunksOf(ids).movedToFront(index));
}

/** `ids` with `id` inserted at `index`. */
export function inserted(ids: readonly string[], index: number, id: string): readonly string[] {
  return idsOf(chunksOf(ids).inserted(index, id));
}

/** `ids` without the id at `index`. */
export function removed(ids: readonly string[], index: number): readonly string[] {
  return idsOf(chunksOf(ids).removed(index));
}
