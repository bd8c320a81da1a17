// The one seeded PRNG: bootstrap intervals and dataset samples must come out the same on every run.

/** A function returning uniform floats in [0, 1). */
export type Random = () => number;

/** mulberry32: 32-bit state, fast, good enough for resampling and sampling (not for cryptography). */
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
