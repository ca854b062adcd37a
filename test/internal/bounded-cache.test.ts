import { expect } from '@open-wc/testing';

import { BoundedCache } from '../../src/internal/bounded-cache.js';

describe('BoundedCache', () => {
  it('returns what was stored', () => {
    const cache = new BoundedCache<object, string>(2);
    const key = {};
    cache.set(key, 'a');
    expect(cache.get(key)).to.equal('a');
    expect(cache.get({})).to.equal(undefined);
  });

  it('keeps at most its limit, dropping the least recently used', () => {
    const cache = new BoundedCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.get('a'); // 'b' is now the least recently used
    cache.set('c', 3);
    expect(cache.size).to.equal(2);
    expect(cache.get('b')).to.equal(undefined);
    expect(cache.get('a')).to.equal(1);
    expect(cache.get('c')).to.equal(3);
  });

  it('replacing a key does not grow it', () => {
    const cache = new BoundedCache<string, number>(3);
    for (let i = 0; i < 10; i++) cache.set('same', i);
    expect(cache.size).to.equal(1);
    expect(cache.get('same')).to.equal(9);
  });
});
