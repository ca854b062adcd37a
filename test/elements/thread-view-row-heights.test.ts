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

  it('finds each row by key as pages are prepended, messages appended and rows replaced', () => {
    const rows = new RowHeights(88);
    let keys = Array.from({ length: 300 }, (_, i) => `m${i}`);
    rows.setKeys(keys);
    const check = () => {
      for (const i of [0, 1, 99, 100, 150, keys.length - 2, keys.length - 1]) {
        expect(rows.indexOf(keys[i]!), `${keys[i]} at ${i}`).to.equal(i);
      }
      expect(rows.indexOf('gone')).to.equal(undefined);
    };
    check();
    // The same rows in a new array (a message changed, not its place).
    keys = [...keys];
    expect(rows.setKeys(keys)).to.equal(true);
    expect(rows.setKeys(keys)).to.equal(false);
    check();
    for (let page = 0; page < 3; page++) {
      // A page of older messages, then a new message at the end.
      keys = [...Array.from({ length: 100 }, (_, i) => `p${page}-${i}`), ...keys];
      rows.setKeys(keys);
      check();
      keys = [...keys, `new${page}`];
      rows.setKeys(keys);
      check();
      // A row is replaced (a local message by the server's): the index is made again.
      keys = keys.map((k) => (k === 'm5' ? 'gone-by' : k === `new${page}` ? `server${page}` : k));
      rows.setKeys(keys);
      check();
    }
    // A row left and another came at once: same length, other keys.
    keys = [...keys.slice(1), 'last'];
    rows.setKeys(keys);
    check();
    expect(rows.indexOf('p2-0')).to.equal(undefined);
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
