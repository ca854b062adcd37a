// The kit's one seeded PRNG. Fixtures, simulated traffic and fault injection all draw from it, so
// a seed means the same thing everywhere (src/fixtures/random.ts re-exports it).

/** A mulberry32 generator: fast, 32-bit state, good enough for demo data and fault dice. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A small seeded PRNG (mulberry32): the same seed gives the same sequence on every machine. */
export const seededRandom: (seed: number) => () => number = mulberry32;
