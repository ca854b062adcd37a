import { expect } from '@open-wc/testing';

import { FixedRowLayout } from '../../src/elements/conversation-list/fixed-row-layout.js';

type Range = { first: number; last: number };

/**
 * A layout over `count` rows of 50 px in a 500 px viewport: the ranges it asks to render, what it
 * tells the element (first rendered row, jumping) and how often it said the jump settled.
 */
function layout(count: number, settleMs = 20) {
  const ranges: Range[] = [];
  const shared = { first: 0, jumping: false };
  let settled = 0;
  const rows = new FixedRowLayout(
    (message) => {
      if (message.type === 'stateChanged') ranges.push(message.range as Range);
    },
    { rowHeight: 50, overhang: 100, settleMs, range: shared, onSettle: () => (settled += 1) },
  );
  rows.items = Array.from({ length: count }, (_, i) => i);
  rows.viewportSize = { width: 300, height: 500 };
  rows.reflowIfNeeded();
  return { rows, ranges, shared, settles: () => settled, last: () => ranges.at(-1)! };
}

const settled = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('<conversation-list> row layout', () => {
  it('renders the viewport and the overhang either side', () => {
    const { rows, last } = layout(1_000);
    expect(last()).to.include({ first: 0, last: 11 });
    rows.viewportScroll = { top: 200, left: 0 };
    rows.reflowIfNeeded();
    // 200 px scrolled: rows 4-13 in view, two rows of overhang above and below.
    expect(last()).to.include({ first: 2, last: 15 });
  });

  it('renders only the viewport while a fling jumps past the rendered rows, the overhang once still', async () => {
    const { rows, last, shared, settles } = layout(100_000);
    rows.viewportScroll = { top: 50 * 40_000, left: 0 };
    rows.reflowIfNeeded();
    expect(last()).to.include({ first: 40_000, last: 40_009 });
    rows.viewportScroll = { top: 50 * 80_000, left: 0 };
    rows.reflowIfNeeded();
    expect(last()).to.include({ first: 80_000, last: 80_009 });
    expect(shared).to.deep.equal({ first: 80_000, jumping: true });
    await settled(60);
    expect(last()).to.include({ first: 79_998, last: 80_011 });
    expect(shared).to.deep.equal({ first: 79_998, jumping: false });
    expect(settles()).to.equal(1);
  });

  it('keeps the overhang for a scroll that stays among the rendered rows', () => {
    const { rows, last } = layout(1_000);
    rows.viewportScroll = { top: 150, left: 0 };
    rows.reflowIfNeeded();
    expect(last()).to.include({ first: 1, last: 14 });
  });
});
