// A tiny seeded PRNG: the bootstrap must give the same interval every time a report is rendered.

/** A function returning uniform floats in [0, 1). */
export type Random = () => number;

/** mulberry32: 32-bit state, fast, good enough for resampling (not for cryptography). */
export function mulberry32(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Default seed of every report, so two renders of the same results agree. */
export const DEFAULT_SEED = 20240607;
