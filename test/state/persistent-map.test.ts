import { expect } from '@open-wc/testing';
import fc from 'fast-check';

import {
  emptyRecord,
  type MapDraft,
  mapOf,
  PersistentMap,
  recordOf,
} from '../../src/state/persistent-map.js';

// Two keys with the same 32-bit hash (found by search), so collision nodes are exercised.
const SAME_HASH = ['k32728', 'k261234'] as const;

describe('PersistentMap', () => {
  it('sets, gets, deletes and counts, leaving every earlier version as it was', () => {
    const empty = PersistentMap.empty<number>();
    const one = empty.set('a', 1);
    const two = one.set('b', 2);
    const changed = two.set('a', 10);
    const removed = changed.delete('b');
    expect([empty.size, one.size, two.size, changed.size, removed.size]).to.deep.equal([0, 1, 2, 2, 1]);
    expect(one.get('a')).to.equal(1);
    expect(two.get('a')).to.equal(1);
    expect(changed.get('a')).to.equal(10);
    expect(removed.has('b')).to.be.false;
    expect(two.has('b')).to.be.true;
    expect(empty.get('a')).to.equal(undefined);
  });

  it('returns the same map when nothing changes', () => {
    const map = PersistentMap.empty<number>().set('a', 1);
    expect(map.set('a', 1)).to.equal(map);
    expect(map.delete('zzz')).to.equal(map);
  });

  it('keeps keys whose hashes collide apart', () => {
    const [a, b] = SAME_HASH;
    let map = PersistentMap.empty<string>().set(a, 'A').set(b, 'B').set('other', 'O');
    expect([map.get(a), map.get(b), map.get('other'), map.size]).to.deep.equal(['A', 'B', 'O', 3]);
    map = map.set(b, 'B2');
    expect([map.get(a), map.get(b), map.size]).to.deep.equal(['A', 'B2', 3]);
    map = map.delete(a);
    expect([map.has(a), map.get(b), map.size]).to.deep.equal([false, 'B2', 2]);
  });

  it('behaves like a Map under any sequence of sets and deletes (property)', () => {
    const keys = fc.constantFrom('a', 'b', 'c', 'conv-1', 'conv-2', 'conv-10', ...SAME_HASH);
    const op = fc.oneof(fc.record({ set: keys, value: fc.integer() }), fc.record({ del: keys }));
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const model = new Map<string, number>();
        let map = PersistentMap.empty<number>();
        for (const o of ops) {
          if ('set' in o) {
            model.set(o.set, o.value);
            map = map.set(o.set, o.value);
          } else {
            model.delete(o.del);
            map = map.delete(o.del);
          }
        }
        expect(map.size).to.equal(model.size);
        expect(Object.fromEntries(map.entries())).to.deep.equal(Object.fromEntries(model));
      }),
    );
  });

  it('agrees with a Map under sets, deletes and batches, leaving every version as it was (property)', () => {
    const entriesOf = (map: PersistentMap<number>) => Object.fromEntries(map.entries());
    // Enough keys for branches two and three levels deep, and for deletes that empty them.
    const keys = fc.oneof(
      fc.nat(150).map((i) => `conv-${i}`),
      fc.constantFrom(...SAME_HASH),
    );
    const value = fc.integer({ min: 0, max: 3 });
    const op = fc.oneof(
      fc.record({ set: keys, value }),
      fc.record({ del: keys }),
      fc.record({ batch: fc.array(fc.tuple(keys, value), { maxLength: 40 }) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 80 }), (ops) => {
        const model = new Map<string, number>();
        const seen = new Set<string>();
        let map = PersistentMap.empty<number>();
        const versions: [PersistentMap<number>, Record<string, number>][] = [[map, {}]];
        for (const o of ops) {
          const before = entriesOf(map);
          let next: PersistentMap<number>;
          if ('set' in o) {
            model.set(o.set, o.value);
            next = map.set(o.set, o.value);
          } else if ('del' in o) {
            model.delete(o.del);
            next = map.delete(o.del);
          } else {
            next = map.withMutations((draft) => {
              for (const [key, v] of o.batch) {
                model.set(key, v);
                expect(draft.set(key, v).get(key)).to.equal(v);
              }
            });
          }
          for (const key of 'batch' in o ? o.batch.map(([key]) => key) : ['set' in o ? o.set : o.del]) {
            seen.add(key);
          }
          const expected = Object.fromEntries(model);
          expect(next.size).to.equal(model.size);
          expect(entriesOf(next)).to.deep.equal(expected);
          for (const key of seen)
            expect([next.get(key), next.has(key)]).to.deep.equal([model.get(key), model.has(key)]);
          // A set or delete that changes nothing gives the same map (a batch may copy and not change).
          const unchanged =
            Object.keys(before).length === model.size && [...model].every(([key, v]) => before[key] === v);
          if (!('batch' in o)) expect(next === map).to.equal(unchanged);
          map = next;
          versions.push([map, expected]);
        }
        for (const [version, entries] of versions) {
          expect(version.size).to.equal(Object.keys(entries).length);
          expect(entriesOf(version)).to.deep.equal(entries);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('shrinks back to an empty map when every key is deleted', () => {
    const keys = Array.from({ length: 20_000 }, (_, i) => `conv-${i}`);
    const full = PersistentMap.from(keys.map((key, i) => [key, i] as const));
    let map = full;
    // Every other key first, then the rest from the end, checking the survivors on the way.
    for (let i = 0; i < keys.length; i += 2) map = map.delete(keys[i]!);
    expect(map.size).to.equal(10_000);
    expect(keys.every((key, i) => map.has(key) === (i % 2 === 1))).to.be.true;
    for (let i = keys.length - 1; i >= 0; i--) map = map.delete(keys[i]!);
    expect([map.size, map.keys(), [...map.entries()], map.has('conv-1')]).to.deep.equal([0, [], [], false]);
    expect(map.set('a', 1).delete('a').keys()).to.deep.equal([]);
    expect(full.size).to.equal(20_000);
    expect(keys.every((key, i) => full.get(key) === i)).to.be.true;
  });

  it('iterates in an order set by the keys alone, however the map was built', () => {
    const keys = Array.from({ length: 2000 }, (_, i) => `conv-${i}`);
    const batched = PersistentMap.from(keys.map((key, i) => [key, i] as const));
    let reversed = PersistentMap.empty<number>();
    for (const key of [...keys].reverse()) reversed = reversed.set(key, 0);
    let churned = batched;
    for (let i = 0; i < 500; i++) churned = churned.set(`other-${i}`, i).delete(keys[i]!);
    for (let i = 0; i < 500; i++) churned = churned.delete(`other-${i}`).set(keys[i]!, i);
    expect(reversed.keys()).to.deep.equal(batched.keys());
    expect(churned.keys()).to.deep.equal(batched.keys());
    expect([...batched.entries()].map(([key]) => key)).to.deep.equal(batched.keys());
  });

  it('holds 100,000 keys', () => {
    let map = PersistentMap.empty<number>();
    for (let i = 0; i < 100_000; i++) map = map.set(`conv-${i}`, i);
    expect(map.size).to.equal(100_000);
    expect(map.get('conv-77777')).to.equal(77_777);
    expect(map.keys()).to.have.length(100_000);
  });
});

describe('PersistentMap.withMutations', () => {
  const entriesOf = (map: PersistentMap<number>) => Object.fromEntries(map.entries());

  it('sets many keys, reading its own writes, and leaves every earlier version as it was', () => {
    const one = PersistentMap.empty<number>().set('a', 1);
    const before = entriesOf(one);
    const seen: (number | undefined)[] = [];
    const many = one.withMutations((draft) => {
      draft.set('b', 2).set('c', 3);
      seen.push(draft.get('b'), draft.get('a'));
      expect(draft.has('c')).to.be.true;
    });
    expect(seen).to.deep.equal([2, 1]);
    expect(entriesOf(many)).to.deep.equal({ a: 1, b: 2, c: 3 });
    expect(entriesOf(one)).to.deep.equal(before);
    expect(one.size).to.equal(1);
  });

  it('leaves the map of an earlier batch as it was when a later batch changes it', () => {
    const keys = Array.from({ length: 500 }, (_, i) => `conv-${i}`);
    const first = PersistentMap.empty<number>().withMutations((draft) => {
      for (const [i, key] of keys.entries()) draft.set(key, i);
    });
    const second = first.withMutations((draft) => {
      for (const key of keys) draft.set(key, -1);
      draft.set('new', 0);
    });
    expect(keys.every((key, i) => first.get(key) === i)).to.be.true;
    expect([first.size, first.has('new')]).to.deep.equal([500, false]);
    expect(keys.every((key) => second.get(key) === -1)).to.be.true;
    expect(second.size).to.equal(501);
  });

  it('overwrites, the last write winning, and counts each key once', () => {
    const map = PersistentMap.from([
      ['a', 1],
      ['b', 2],
    ]);
    const next = map.withMutations((draft) => {
      draft.set('a', 10).set('c', 3).set('c', 30).set('a', 100);
    });
    expect(entriesOf(next)).to.deep.equal({ a: 100, b: 2, c: 30 });
    expect(next.size).to.equal(3);
    expect(entriesOf(map)).to.deep.equal({ a: 1, b: 2 });
  });

  it('returns the same map when nothing changes', () => {
    const map = PersistentMap.from([
      ['a', 1],
      ['b', 2],
    ]);
    expect(map.withMutations(() => {})).to.equal(map);
    expect(map.withMutations((draft) => draft.set('a', 1).set('b', 2))).to.equal(map);
    const empty = PersistentMap.empty<number>();
    expect(empty.withMutations(() => {})).to.equal(empty);
  });

  it('keeps keys whose hashes collide apart', () => {
    const [a, b] = SAME_HASH;
    const base = PersistentMap.empty<string>().set('other', 'O');
    const map = base.withMutations((draft) => {
      draft.set(a, 'A').set(b, 'B').set(b, 'B2');
    });
    expect([map.get(a), map.get(b), map.get('other'), map.size]).to.deep.equal(['A', 'B2', 'O', 3]);
    const next = map.withMutations((draft) => draft.set(a, 'A2'));
    expect([next.get(a), next.get(b), next.size]).to.deep.equal(['A2', 'B2', 3]);
    expect([map.get(a), base.has(a), base.size]).to.deep.equal(['A', false, 1]);
  });

  it('gives what the same sets one by one give, and changes no version (property)', () => {
    const keys = fc.constantFrom('a', 'b', 'c', 'conv-1', 'conv-2', 'conv-10', ...SAME_HASH);
    const op = fc.oneof(fc.record({ set: keys, value: fc.integer() }), fc.record({ del: keys }));
    const batch = fc.array(fc.tuple(keys, fc.integer({ min: 0, max: 3 })), { maxLength: 20 });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 30 }), fc.array(batch, { maxLength: 5 }), (ops, batches) => {
        let map = PersistentMap.empty<number>();
        for (const o of ops) map = 'set' in o ? map.set(o.set, o.value) : map.delete(o.del);
        const versions: [PersistentMap<number>, Record<string, number>][] = [];
        for (const sets of batches) {
          versions.push([map, entriesOf(map)]);
          let expected = map;
          for (const [key, value] of sets) expected = expected.set(key, value);
          const next = map.withMutations((draft) => {
            for (const [key, value] of sets) draft.set(key, value);
          });
          expect(next.size).to.equal(expected.size);
          expect(entriesOf(next)).to.deep.equal(entriesOf(expected));
          expect(next === map).to.equal(expected === map);
          map = next;
        }
        for (const [version, entries] of versions) expect(entriesOf(version)).to.deep.equal(entries);
      }),
    );
  });

  it('adds a page of 200 to a map of 100,000 without changing it', () => {
    const large = PersistentMap.from(Array.from({ length: 100_000 }, (_, i) => [`conv-${i}`, i] as const));
    const page = Array.from({ length: 200 }, (_, i) => [`conv-${99_900 + i}`, -i] as const);
    const next = large.withMutations((draft) => {
      for (const [key, value] of page) draft.set(key, value);
    });
    expect([large.size, next.size]).to.deep.equal([100_000, 100_100]);
    expect([large.get('conv-99999'), large.has('conv-100099')]).to.deep.equal([99_999, false]);
    expect([next.get('conv-99999'), next.get('conv-100099'), next.get('conv-5')]).to.deep.equal([
      -99, -199, 5,
    ]);
    expect(large.keys()).to.have.length(100_000);
  });

  it('refuses a draft used after its batch', () => {
    let kept: MapDraft<number> | undefined;
    const map = PersistentMap.empty<number>().withMutations((draft) => {
      kept = draft.set('a', 1);
    });
    expect(() => kept!.set('b', 2)).to.throw(Error);
    expect(entriesOf(map)).to.deep.equal({ a: 1 });
  });
});

describe('recordOf', () => {
  const map = PersistentMap.from([
    ['c1', { id: 'c1' }],
    ['c2', { id: 'c2' }],
  ]);
  const record = recordOf(map);

  it('reads like a plain object', () => {
    expect(record['c1']).to.deep.equal({ id: 'c1' });
    expect(record['missing']).to.equal(undefined);
    expect('c2' in record).to.be.true;
    expect(Object.hasOwn(record, 'c2')).to.be.true;
    expect(Object.keys(record).sort()).to.deep.equal(['c1', 'c2']);
    expect({ ...record }).to.deep.equal({ c1: { id: 'c1' }, c2: { id: 'c2' } });
    expect(JSON.parse(JSON.stringify(record))).to.deep.equal({ c1: { id: 'c1' }, c2: { id: 'c2' } });
    expect(record).to.deep.equal({ c1: { id: 'c1' }, c2: { id: 'c2' } });
  });

  it('is the same view for the same map, and gives its map back', () => {
    expect(recordOf(map)).to.equal(record);
    expect(mapOf(record)).to.equal(map);
    expect(recordOf(map.set('c3', { id: 'c3' }))).not.to.equal(record);
  });

  it('refuses writes', () => {
    expect(() => {
      (record as Record<string, unknown>)['c1'] = 'x';
    }).to.throw(TypeError);
    expect(() => delete (record as Record<string, unknown>)['c1']).to.throw(TypeError);
    expect(record['c1']).to.deep.equal({ id: 'c1' });
  });

  it('reads a plain object as a map, and an empty view as an empty map', () => {
    const plain = { x: 1, y: 2 };
    expect(mapOf(plain).get('y')).to.equal(2);
    expect(mapOf(plain)).to.equal(mapOf(plain));
    expect(mapOf(emptyRecord()).size).to.equal(0);
  });
});
