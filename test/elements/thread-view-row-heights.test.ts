import { expect } from '@open-wc/testing';

import { RowHeights } from '../../src/elements/thread-view/row-heights.js';

/** Offsets the slow way: every row's height (measured, else the average of the measured ones). */
function naiveOffset(keys: readonly string[], heights: Map<string, number>, estimate: number, i: number) {
  const average = heights.size ? [...heights.values()].reduce((a, b) => a + b, 0) / heights.size : estimate;
  let total = 0;
  for (let k = 0; k < i; k++) total += heights.get(keys[k]!) ?? average;
  return total;
}

describe('<thread-view> row heights (offsets without a rebuild per measurement)', () => {
  it('matches prefix sums as rows are measured, re-measured and older rows are prepended', () => {
    const rows = new RowHeights(88);
    const known = new Map<string, number>();
    let keys = Array.from({ length: 500 }, (_, i) => `m${i + 1000}`);
    rows.setKeys(keys);
    expect(rows.offsetOf(10)).to.equal(880);
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let round = 0; round < 3; round++) {
      for (let j = 0; j < 200; j++) {
        const key = keys[Math.floor(random() * keys.length)]!;
        const height = 20 + Math.floor(random() * 300);
        rows.set(key, height);
        known.set(key, height);
        if (j % 37 === 0) {
          for (const i of [0, 1, 17, keys.length - 1, keys.length]) {
            expect(rows.offsetOf(i)).to.be.closeTo(naiveOffset(keys, known, 88, i), 1e-6);
          }
        }
      }
      // A page of older messages arrives: indexes shift, sizes stay with their keys.
      keys = [...Array.from({ length: 100 }, (_, i) => `o${round}-${i}`), ...keys];
      rows.setKeys(keys);
      expect(rows.offsetOf(keys.length)).to.be.closeTo(naiveOffset(keys, known, 88, keys.length), 1e-6);
    }
    const y = rows.offsetOf(250) + 1;
    expect(rows.indexAt(y)).to.equal(250);
    expect(rows.within(y, y + 1)).to.deep.equal([250, 251]);
  });

  it('survives bad measurements and an empty thread', () => {
    const rows = new RowHeights(88);
    expect(rows.within(0, 1000)).to.deep.equal([0, 0]);
    expect(rows.anchorAt(0)).to.be.null;
    rows.setKeys(['a', 'b']);
    rows.set('a', 0);
    expect(rows.offsetOf(2)).to.equal(0);
    expect(rows.around(1, 100, 100)).to.deep.equal([0, 2]);
    expect(rows.indexAt(-50)).to.equal(0);
  });
});
