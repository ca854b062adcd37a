import { expect } from '@open-wc/testing';
import fc from 'fast-check';

import { emptyRecord, mapOf, PersistentMap, recordOf } from '../../src/state/persistent-map.js';

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

  it('holds 100,000 keys', () => {
    let map = PersistentMap.empty<number>();
    for (let i = 0; i < 100_000; i++) map = map.set(`conv-${i}`, i);
    expect(map.size).to.equal(100_000);
    expect(map.get('conv-77777')).to.equal(77_777);
    expect(map.keys()).to.have.length(100_000);
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
