// Rough sample size for a paired comparison at 5% two-sided and 80% power: n ≈ ((1.96 + 0.84)·sd/Δ)².
// Good enough to tell a user "5 cases cannot show this, 60 might".

/** Smallest score change (points out of 10) the verdict talks about. */
export const DEFAULT_EFFECT = 0.3;

/** Cases needed to detect a mean change of `effect` given the SD of per-case deltas. */
export function casesNeeded(sdDelta: number, effect = DEFAULT_EFFECT): number {
  if (effect <= 0) throw new RangeError('effect must be positive');
  // With no spread at all any change would show; two cases is the least a paired test can use.
  // The epsilon keeps float noise (56.000000001) from adding a case.
  return Math.max(2, Math.ceil((((1.96 + 0.84) * sdDelta) / effect) ** 2 - 1e-9));
}
