// A persistent (immutable, structure-sharing) string-keyed map: a hash array mapped trie with
// 32-way branches. `set` copies one path of at most seven 32-slot nodes instead of the whole table,
// so a change to one of 100,000 conversations costs the same as a change to one of ten, and every
// earlier version stays valid and unchanged.
//
// The store's state keeps its public shape (`Readonly<Record<string, T>>` tables) through
// `recordOf`: a read-only, Record-like view of a map (`byId[id]`, `in`, `Object.keys`, spread and
// JSON work as on a plain object). Reducers read and write the map behind it with `mapOf`.

const BITS = 5;
const MASK = 31;

class Leaf<V> {
  constructor(
    readonly hash: number,
    readonly key: string,
    readonly value: V,
  ) {}
}

/** Keys whose 32-bit hashes are equal. */
class Collision<V> {
  constructor(
    readonly hash: number,
    readonly leaves: readonly Leaf<V>[],
  ) {}
}

class Branch<V> {
  constructor(readonly slots: readonly (Slot<V> | undefined)[]) {}
}

type Slot<V> = Leaf<V> | Collision<V> | Branch<V>;

/** FNV-1a over UTF-16 code units, with a final avalanche so short, similar ids spread over slots. */
function hashOf(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  return (h ^ (h >>> 13)) >>> 0;
}

const EMPTY_SLOTS: readonly undefined[] = Object.freeze(new Array<undefined>(32).fill(undefined));

function withSlot<V>(branch: Branch<V>, index: number, slot: Slot<V> | undefined): Branch<V> {
  const slots = branch.slots.slice();
  slots[index] = slot;
  return new Branch(slots);
}

/** A node holding two entries with different keys, split from `shift` on. */
function pair<V>(a: Leaf<V> | Collision<V>, b: Leaf<V>, shift: number): Slot<V> {
  if (a.hash === b.hash) {
    const leaves = a instanceof Collision ? [...a.leaves, b] : [a, b];
    return new Collision(b.hash, leaves);
  }
  // Different hashes part at some bit below 32, so this ends by shift 30.
  const ia = (a.hash >>> shift) & MASK;
  const ib = (b.hash >>> shift) & MASK;
  const slots = EMPTY_SLOTS.slice() as (Slot<V> | undefined)[];
  if (ia === ib) slots[ia] = pair(a, b, shift + BITS);
  else {
    slots[ia] = a;
    slots[ib] = b;
  }
  return new Branch(slots);
}

interface Change {
  /** +1 when a key was added, -1 when one was removed. */
  size: number;
}

function put<V>(slot: Slot<V> | undefined, leaf: Leaf<V>, shift: number, change: Change): Slot<V> {
  if (slot === undefined) {
    change.size = 1;
    return leaf;
  }
  if (slot instanceof Branch) {
    const index = (leaf.hash >>> shift) & MASK;
    const child = slot.slots[index];
    const next = put(child, leaf, shift + BITS, change);
    return next === child ? slot : withSlot(slot, index, next);
  }
  if (slot instanceof Leaf) {
    if (slot.key === leaf.key) return Object.is(slot.value, leaf.value) ? slot : leaf;
    change.size = 1;
    return pair(slot, leaf, shift);
  }
  if (slot.hash !== leaf.hash) {
    change.size = 1;
    return pair(slot, leaf, shift);
  }
  const at = slot.leaves.findIndex((l) => l.key === leaf.key);
  if (at < 0) {
    change.size = 1;
    return new Collision(slot.hash, [...slot.leaves, leaf]);
  }
  if (Object.is(slot.leaves[at]!.value, leaf.value)) return slot;
  return new Collision(
    slot.hash,
    slot.leaves.map((l, i) => (i === at ? leaf : l)),
  );
}

function remove<V>(
  slot: Slot<V> | undefined,
  hash: number,
  key: string,
  shift: number,
  change: Change,
): Slot<V> | undefined {
  if (slot === undefined) return undefined;
  if (slot instanceof Branch) {
    const index = (hash >>> shift) & MASK;
    const child = slot.slots[index];
    const next = remove(child, hash, key, shift + BITS, change);
    if (next === child) return slot;
    const branch = withSlot(slot, index, next);
    // An emptied branch goes away, so a map that shrinks back to nothing is empty again.
    return branch.slots.some((s) => s !== undefined) ? branch : undefined;
  }
  if (slot instanceof Leaf) {
    if (slot.key !== key) return slot;
    change.size = -1;
    return undefined;
  }
  const leaves = slot.leaves.filter((l) => l.key !== key);
  if (leaves.length === slot.leaves.length) return slot;
  change.size = -1;
  return leaves.length === 1 ? leaves[0] : new Collision(slot.hash, leaves);
}

function* walk<V>(slot: Slot<V> | undefined): Generator<Leaf<V>> {
  if (slot === undefined) return;
  if (slot instanceof Leaf) yield slot;
  else if (slot instanceof Collision) yield* slot.leaves;
  else for (const child of slot.slots) yield* walk(child);
}

/** An immutable map from strings to values; every change returns a new map sharing the rest. */
export class PersistentMap<V> {
  static empty<V>(): PersistentMap<V> {
    return new PersistentMap<V>(undefined, 0);
  }

  static from<V>(entries: Iterable<readonly [string, V]>): PersistentMap<V> {
    let map = PersistentMap.empty<V>();
    for (const [key, value] of entries) map = map.set(key, value);
    return map;
  }

  private constructor(
    private readonly root: Slot<V> | undefined,
    readonly size: number,
  ) {}

  get(key: string): V | undefined {
    return this.leaf(key)?.value;
  }

  has(key: string): boolean {
    return this.leaf(key) !== undefined;
  }

  private leaf(key: string): Leaf<V> | undefined {
    const hash = hashOf(key);
    let slot = this.root;
    let shift = 0;
    while (slot instanceof Branch) {
      slot = slot.slots[(hash >>> shift) & MASK];
      shift += BITS;
    }
    if (slot instanceof Leaf) return slot.key === key ? slot : undefined;
    if (slot instanceof Collision) return slot.leaves.find((l) => l.key === key);
    return undefined;
  }

  /** The map with `key` set; this same map when the value is already there. */
  set(key: string, value: V): PersistentMap<V> {
    const change: Change = { size: 0 };
    const root = put(this.root, new Leaf(hashOf(key), key, value), 0, change);
    return root === this.root ? this : new PersistentMap(root, this.size + change.size);
  }

  delete(key: string): PersistentMap<V> {
    const change: Change = { size: 0 };
    const root = remove(this.root, hashOf(key), key, 0, change);
    return root === this.root ? this : new PersistentMap(root, this.size + change.size);
  }

  *entries(): Generator<[string, V]> {
    for (const leaf of walk(this.root)) yield [leaf.key, leaf.value];
  }

  keys(): string[] {
    const keys: string[] = [];
    for (const leaf of walk(this.root)) keys.push(leaf.key);
    return keys;
  }
}

// ---- Record views ----------------------------------------------------------------------------

const mapOfView = new WeakMap<object, PersistentMap<unknown>>();
const viewOfMap = new WeakMap<PersistentMap<unknown>, object>();

const readOnly = (): boolean => false;

function ownKey(map: PersistentMap<unknown>, key: string | symbol): key is string {
  return typeof key === 'string' && map.has(key);
}

/**
 * A read-only `Record` view of a map; the same view for the same map, so views compare by
 * identity exactly as the maps do. Writes through the view throw (in strict code) as on a frozen
 * object: state changes go through the reducers.
 */
export function recordOf<V>(map: PersistentMap<V>): Readonly<Record<string, V>> {
  let view = viewOfMap.get(map);
  if (!view) {
    const m = map as PersistentMap<unknown>;
    view = new Proxy(
      {},
      {
        get: (target, key, receiver) => (ownKey(m, key) ? m.get(key) : Reflect.get(target, key, receiver)),
        has: (target, key) => ownKey(m, key) || Reflect.has(target, key),
        ownKeys: () => m.keys(),
        getOwnPropertyDescriptor: (_target, key) =>
          ownKey(m, key)
            ? { value: m.get(key), writable: false, enumerable: true, configurable: true }
            : undefined,
        set: readOnly,
        defineProperty: readOnly,
        deleteProperty: readOnly,
      },
    );
    viewOfMap.set(m, view);
    mapOfView.set(view, m);
  }
  return view as Readonly<Record<string, V>>;
}

/**
 * The map behind a table of the state: the map itself for a view made by `recordOf`, else (a
 * plain object, e.g. a state built by hand) a map of its entries, made once per object.
 */
export function mapOf<V>(record: Readonly<Record<string, V>>): PersistentMap<V> {
  let map = mapOfView.get(record);
  if (!map) {
    map = PersistentMap.from(Object.entries(record));
    mapOfView.set(record, map);
  }
  return map as PersistentMap<V>;
}

/** An empty table, as a view. */
export function emptyRecord<V>(): Readonly<Record<string, V>> {
  return recordOf(PersistentMap.empty<V>());
}
