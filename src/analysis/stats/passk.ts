// pass@k with the unbiased estimator of Chen et al. (2021): with n samples of which c pass,
// the chance that at least one of k drawn without replacement passes.

/** 1 − C(n−c, k)/C(n, k), computed as a product so large n never overflows. */
export function passAtK(n: number, c: number, k: number): number {
  if (k < 1 || k > n) throw new RangeError(`pass@${k} needs 1 ≤ k ≤ n (n = ${n})`);
  if (c < 0 || c > n) throw new RangeError(`passing samples ${c} outside 0..${n}`);
  if (n - c < k) return 1;
  let allFail = 1;
  for (let i = n - c + 1; i <= n; i++) allFail *= 1 - k / i;
  return 1 - allFail;
}

/** Per-case sample counts of one model. */
export interface CaseSamples {
  caseId: string;
  /** Judged samples. */
  n: number;
  /** Passing samples. */
  c: number;
}

/** Mean pass@k over the cases with at least k judged samples; null when none qualify. */
export function meanPassAtK(cases: readonly CaseSamples[], k: number): { value: number; cases: number } | null {
  const eligible = cases.filter((x) => x.n >= k);
  if (eligible.length === 0) return null;
  const sum = eligible.reduce((s, x) => s + passAtK(x.n, x.c, k), 0);
  return { value: sum / eligible.length, cases: eligible.length };
}

/** Cases that pass on some samples and fail on others. */
export function flakyCases(cases: readonly CaseSamples[]): string[] {
  return cases.filter((x) => x.n > 1 && x.c > 0 && x.c < x.n).map((x) => x.caseId);
}
