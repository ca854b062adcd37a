import { expect } from '@open-wc/testing';
import fc from 'fast-check';

import {
  appended,
  chunksOf,
  EMPTY_IDS,
  IdChunks,
  idsOf,
  inserted,
  movedToFront,
  removed,
} from '../../src/state/id-list.js';

const range = (from: number, to: number): string[] =>
  Array.from({ length: to - from }, (_, i) => `c${from + i}`);

describe('id list', () => {
  it('reads as a read-only array: index, length, iteration, array methods, spread and JSON', () => {
    const ids = appended(EMPTY_IDS, ['a', 'b', 'c']);
    expect(Array.isArray(ids)).to.be.true;
    expect(ids.length).to.equal(3);
    expect([ids[0], ids[2], ids[3]]).to.deep.equal(['a', 'c', undefined]);
    expect([...ids]).to.deep.equal(['a', 'b', 'c']);
    expect(ids).to.deep.equal(['a', 'b', 'c']);
    expect(ids.map((id) => id.toUpperCase())).to.deep.equal(['A', 'B', 'C']);
    expect([ids.indexOf('b'), ids.indexOf('z')]).to.deep.equal([1, -1]);
    expect(ids.find((id) => id > 'a')).to.equal('b');
    expect(ids.slice(1)).to.deep.equal(['b', 'c']);
    expect(Object.keys(ids)).to.deep.equal(['0', '1', '2']);
    expect(JSON.stringify({ ids })).to.equal('{"ids":["a","b","c"]}');
    expect(1 in ids).to.be.true;
    expect(3 in ids).to.be.false;
    expect(() => {
      (ids as string[])[0] = 'x';
    }).to.throw(TypeError);
    expect(() => (ids as string[]).push('x')).to.throw(TypeError);
    expect(ids[0]).to.equal('a');
  });

  it('takes no index that is not canonical ("01", "1e0", "-1") as an id', () => {
    const ids = appended(EMPTY_IDS, ['a', 'b']) as unknown as Record<string, unknown>;
    expect([ids['01'], ids['1e0'], ids['-1'], ids['1']]).to.deep.equal([
      undefined,
      undefined,
      undefined,
      'b',
    ]);
  });

  it('leaves the list it was made from unchanged', () => {
    const before = appended(EMPTY_IDS, range(0, 1500));
    const after = movedToFront(before, 1200);
    expect(before[0]).to.equal('c0');
    expect(after[0]).to.equal('c1200');
    expect(after[1200]).to.equal('c1199');
    expect(after[1201]).to.equal('c1201');
    expect(removed(before, 0)[0]).to.equal('c1');
    expect(inserted(before, 1500, 'end')[1500]).to.equal('end');
    expect(before.length).to.equal(1500);
  });

  it('works on a plain array as on a view (a state built by hand)', () => {
    const plain = ['a', 'b', 'c'];
    expect(movedToFront(plain, 2)).to.deep.equal(['c', 'a', 'b']);
    expect(plain).to.deep.equal(['a', 'b', 'c']);
    expect(chunksOf(plain)).to.equal(chunksOf(plain));
  });

  it('has one view per list, and the list behind each view', () => {
    const list = IdChunks.from(range(0, 10));
    expect(idsOf(list)).to.equal(idsOf(list));
    expect(chunksOf(idsOf(list))).to.equal(list);
  });

  it('makes the same lists as array operations, in any order of changes', () => {
    type Op =
      | { kind: 'append'; count: number }
      | { kind: 'front'; at: number }
      | { kind: 'insert'; at: number }
      | { kind: 'remove'; at: number };
    const op: fc.Arbitrary<Op> = fc.oneof(
      fc.record({ kind: fc.constant('append' as const), count: fc.integer({ min: 0, max: 1300 }) }),
      fc.record({ kind: fc.constant('front' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('insert' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        let model: string[] = [];
        let ids = EMPTY_IDS;
        let next = 0;
        for (const o of ops) {
          if (o.kind === 'append') {
            const add = range(next, next + o.count);
            next += o.count;
            model = model.concat(add);
            ids = appended(ids, add);
          } else if (model.length === 0 && o.kind !== 'insert') {
            continue;
          } else if (o.kind === 'front') {
            const at = o.at % model.length;
            model = [model[at]!, ...model.slice(0, at), ...model.slice(at + 1)];
            ids = movedToFront(ids, at);
          } else if (o.kind === 'insert') {
            const at = o.at % (model.length + 1);
            const id = `n${next++}`;
            model = [...model.slice(0, at), id, ...model.slice(at)];
            ids = inserted(ids, at, id);
          } else {
            const at = o.at % model.length;
            model = [...model.slice(0, at), ...model.slice(at + 1)];
            ids = removed(ids, at);
          }
          expect(ids.length).to.equal(model.length);
        }
        expect([...ids]).to.deep.equal(model);
        const list = chunksOf(ids);
        for (const probe of [model[0], model[model.length - 1], model[model.length >> 1]]) {
          if (probe !== undefined) expect(list.indexOf(probe)).to.equal(model.indexOf(probe));
        }
      }),
      { numRuns: 150 },
    );
  });
});
