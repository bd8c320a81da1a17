// Exact McNemar test: under "no difference" each discordant pair is a fair coin flip,
// so the two-sided p-value is a binomial tail. Exact because small suites have few discordant pairs.

/** Discordant pair counts of a paired pass/fail table. */
export interface DiscordantPairs {
  /** Baseline passed, candidate failed. */
  worse: number;
  /** Baseline failed, candidate passed. */
  better: number;
}

// log C(n, k) as a sum of logs: exact enough and never overflows for suites of any size.
function logChoose(n: number, k: number): number {
  let s = 0;
  for (let i = 1; i <= k; i++) s += Math.log(n - k + i) - Math.log(i);
  return s;
}

/** P(X ≤ k) for X ~ Binomial(n, 1/2). */
export function binomialHalfCdf(k: number, n: number): number {
  let p = 0;
  for (let i = 0; i <= k; i++) p += Math.exp(logChoose(n, i) - n * Math.LN2);
  return Math.min(1, p);
}

/** Two-sided exact McNemar p-value; 1 when there are no discordant pairs. */
export function mcnemarExact({ worse, better }: DiscordantPairs): number {
  const n = worse + better;
  if (n === 0) return 1;
  return Math.min(1, 2 * binomialHalfCdf(Math.min(worse, better), n));
}
