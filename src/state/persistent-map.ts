// A persistent (immutable, structure-sharing) string-keyed map: a hash array mapped trie with
// 32-way branches. `set` copies one path of at most seven nodes instead of the whole table, so a
// change to one of 100,000 conversations costs the same as a change to one of ten, and every
// earlier version stays valid and unchanged.
//
// Branches are compact (Bagwell's bitmap-indexed nodes, as in Clojure and CHAMP): a 32-bit bitmap of
// the occupied slots and an array of only those children. With 100,000 keys the bottom branches
// hold about 3 children; as 32-slot arrays every path copy made ~280-byte, mostly empty arrays that
// lived until a later page replaced that path, long enough to survive a scavenge or two and make
// V8's scavenges slow. Compact, only the nodes near the root, full anyway, are 32 wide.
//
// The store's state keeps its public shape (`Readonly<Record<string, T>>` tables) through
// `recordOf`: a read-only, Record-like view of a map (`byId[id]`, `in`, `Object.keys`, spread and
// JSON work as on a plain object). Reducers read and write the map behind it with `mapOf`.
//
// `withMutations` sets many keys at once the way Clojure's transients do: the first change to a node
// shared with earlier versions copies it once, marked with the batch's owner token; later changes in
// the batch write into the nodes it owns. Setting a page of 200 into a large map so makes each path
// node once instead of once per key.

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

/** Marks the nodes one `withMutations` made: only that batch may change them, and only while it runs. */
type Owner = object;

/** Slot i (0-31) is occupied when bit i of `bitmap` is set; its child is `nodes[popcount(bits below i)]`. */
class Branch<V> {
  constructor(
    // A signed 32-bit integer, as `<<` and `|` make it, which V8 keeps in the object as a small
    // integer. (Chrome's 31-bit small integers box a bitmap with bit 30 or 31 set; two 16-bit
    // halves would avoid that but cost every node a field, and measured no better.)
    public bitmap: number,
    public nodes: Slot<V>[],
    readonly owner?: Owner,
  ) {}
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

/** The number of set bits of a 32-bit integer (SWAR). */
function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

// Arrays are made at their exact length: `splice` or `push` would grow the backing store by half
// again plus 16 slots, and a node of three would keep room for twenty.

function inserted<T>(nodes: readonly T[], at: number, node: T): T[] {
  const out = new Array<T>(nodes.length + 1);
  for (let i = 0; i < at; i++) out[i] = nodes[i]!;
  out[at] = node;
  for (let i = at; i < nodes.length; i++) out[i + 1] = nodes[i]!;
  return out;
}

function removed<T>(nodes: readonly T[], at: number): T[] {
  const out = new Array<T>(nodes.length - 1);
  for (let i = 0; i < at; i++) out[i] = nodes[i]!;
  for (let i = at + 1; i < nodes.length; i++) out[i - 1] = nodes[i]!;
  return out;
}

/** `branch` with its child at `at` replaced. */
function withNode<V>(branch: Branch<V>, at: number, node: Slot<V>, owner?: Owner): Branch<V> {
  if (owner !== undefined && branch.owner === owner) {
    branch.nodes[at] = node;
    return branch;
  }
  const nodes = branch.nodes.slice();
  nodes[at] = node;
  return new Branch(branch.bitmap, nodes, owner);
}

/** `branch` with `node` in the empty slot of `bit`, which goes at `at` of its children. */
function withNewNode<V>(branch: Branch<V>, bit: number, at: number, node: Slot<V>, owner?: Owner): Branch<V> {
  const nodes = inserted(branch.nodes, at, node);
  if (owner !== undefined && branch.owner === owner) {
    branch.nodes = nodes;
    branch.bitmap |= bit;
    return branch;
  }
  return new Branch(branch.bitmap | bit, nodes, owner);
}

/** A node holding two entries with different keys, split from `shift` on. */
function pair<V>(a: Leaf<V> | Collision<V>, b: Leaf<V>, shift: number, owner?: Owner): Slot<V> {
  if (a.hash === b.hash) {
    const leaves = a instanceof Collision ? [...a.leaves, b] : [a, b];
    return new Collision(b.hash, leaves);
  }
  // Different hashes part at some bit below 32, so this ends by shift 30.
  const ia = (a.hash >>> shift) & MASK;
  const ib = (b.hash >>> shift) & MASK;
  if (ia === ib) return new Branch(1 << ia, [pair(a, b, shift + BITS, owner)], owner);
  return new Branch((1 << ia) | (1 << ib), ia < ib ? [a, b] : [b, a], owner);
}

interface Change {
  /** +1 when a key was added, -1 when one was removed. */
  size: number;
}

/** `slot` with `leaf` in; nodes owned by `owner` are changed in place (and returned as they are). */
function put<V>(
  slot: Slot<V> | undefined,
  leaf: Leaf<V>,
  shift: number,
  change: Change,
  owner?: Owner,
): Slot<V> {
  if (slot === undefined) {
    change.size = 1;
    return leaf;
  }
  if (slot instanceof Branch) {
    const bit = 1 << ((leaf.hash >>> shift) & MASK);
    const bitmap = slot.bitmap;
    const at = popcount(bitmap & (bit - 1));
    if ((bitmap & bit) === 0) {
      change.size = 1;
      return withNewNode(slot, bit, at, leaf, owner);
    }
    const child = slot.nodes[at]!;
    const next = put(child, leaf, shift + BITS, change, owner);
    // An owned child changed in place comes back as it was; its parents are owned too (they were
    // copied, or made, when it was), so nothing above it changes either.
    return next === child ? slot : withNode(slot, at, next, owner);
  }
  if (slot instanceof Leaf) {
    if (slot.key === leaf.key) return Object.is(slot.value, leaf.value) ? slot : leaf;
    change.size = 1;
    return pair(slot, leaf, shift, owner);
  }
  if (slot.hash !== leaf.hash) {
    change.size = 1;
    return pair(slot, leaf, shift, owner);
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
    const bit = 1 << ((hash >>> shift) & MASK);
    const bitmap = slot.bitmap;
    if ((bitmap & bit) === 0) return slot;
    const at = popcount(bitmap & (bit - 1));
    const child = slot.nodes[at]!;
    const next = remove(child, hash, key, shift + BITS, change);
    if (next === child) return slot;
    if (next !== undefined) return withNode(slot, at, next);
    // An emptied branch goes away, so a map that shrinks back to nothing is empty again. (A branch
    // left with a single leaf is kept as it is; CHAMP would pull the leaf up.)
    return bitmap === bit ? undefined : new Branch(bitmap ^ bit, removed(slot.nodes, at));
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

function find<V>(root: Slot<V> | undefined, key: string): Leaf<V> | undefined {
  const hash = hashOf(key);
  let slot = root;
  let shift = 0;
  while (slot instanceof Branch) {
    const bit = 1 << ((hash >>> shift) & MASK);
    const bitmap = slot.bitmap;
    if ((bitmap & bit) === 0) return undefined;
    slot = slot.nodes[popcount(bitmap & (bit - 1))];
    shift += BITS;
  }
  if (slot instanceof Leaf) return slot.key === key ? slot : undefined;
  if (slot instanceof Collision) return slot.leaves.find((l) => l.key === key);
  return undefined;
}

/** Leaves in slot order, i.e. by hash (and by insertion among equal hashes): the same order as ever. */
function* walk<V>(slot: Slot<V> | undefined): Generator<Leaf<V>> {
  if (slot === undefined) return;
  if (slot instanceof Leaf) yield slot;
  else if (slot instanceof Collision) yield* slot.leaves;
  else for (const child of slot.nodes) yield* walk(child);
}

/** An immutable map from strings to values; every change returns a new map sharing the rest. */
export class PersistentMap<V> {
  static empty<V>(): PersistentMap<V> {
    return new PersistentMap<V>(undefined, 0);
  }

  static from<V>(entries: Iterable<readonly [string, V]>): PersistentMap<V> {
    return PersistentMap.empty<V>().withMutations((draft) => {
      for (const [key, value] of entries) draft.set(key, value);
    });
  }

  private constructor(
    private readonly root: Slot<V> | undefined,
    readonly size: number,
  ) {}

  get(key: string): V | undefined {
    return find(this.root, key)?.value;
  }

  has(key: string): boolean {
    return find(this.root, key) !== undefined;
  }

  /** The map with `key` set; this same map when the value is already there. */
  set(key: string, value: V): PersistentMap<V> {
    const change: Change = { size: 0 };
    const root = put(this.root, new Leaf(hashOf(key), key, value), 0, change);
    return root === this.root ? this : new PersistentMap(root, this.size + change.size);
  }

  /**
   * The map with the sets `build` makes on a draft of it: the same result as calling `set` for
   * each (this same map when none changes anything), with each path node copied once per batch.
   * The draft reads its own writes; it is dead once `build` returns.
   */
  withMutations(build: (draft: MapDraft<V>) => void): PersistentMap<V> {
    const draft = new Draft(this.root, this.size);
    build(draft);
    draft.owner = undefined;
    return draft.root === this.root ? this : new PersistentMap(draft.root, draft.size);
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

/** A map being changed by `withMutations`. */
export interface MapDraft<V> {
  get(key: string): V | undefined;
  has(key: string): boolean;
  set(key: string, value: V): this;
}

class Draft<V> implements MapDraft<V> {
  // A fresh token per batch: nodes of earlier batches (owned by their dead tokens) are shared, so
  // they are copied like any other.
  owner: Owner | undefined = {};

  constructor(
    public root: Slot<V> | undefined,
    public size: number,
  ) {}

  get(key: string): V | undefined {
    return find(this.root, key)?.value;
  }

  has(key: string): boolean {
    return find(this.root, key) !== undefined;
  }

  set(key: string, value: V): this {
    // Past its batch, the draft's nodes belong to the map made from it.
    if (this.owner === undefined) throw new Error('A map draft was used after withMutations returned.');
    const change: Change = { size: 0 };
    this.root = put(this.root, new Leaf(hashOf(key), key, value), 0, change, this.owner);
    this.size += change.size;
    return this;
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
