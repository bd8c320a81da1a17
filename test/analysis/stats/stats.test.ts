import { describe, expect, it } from 'vitest';
import { bootstrapMean, pairedBootstrap } from '../../../src/analysis/stats/bootstrap.js';
import { mean, quantile, sampleSd } from '../../../src/analysis/stats/describe.js';
import { binomialHalfCdf, mcnemarExact } from '../../../src/analysis/stats/mcnemar.js';
import { flakyCases, meanPassAtK, passAtK } from '../../../src/analysis/stats/passk.js';
import { casesNeeded } from '../../../src/analysis/stats/power.js';
import { mulberry32 } from '../../../src/core/prng.js';
import { wilsonInterval } from '../../../src/analysis/stats/wilson.js';

// C(n, k) the slow, obvious way, to check the product form against the closed form.
function choose(n: number, k: number): number {
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return r;
}

describe('exact McNemar', () => {
  it('matches hand-computed binomial tails', () => {
    // 1 vs 6 discordant: P(X<=1 | n=7) = (1+7)/128, doubled.
    expect(mcnemarExact({ worse: 1, better: 6 })).toBeCloseTo(16 / 128, 12);
    // 0 vs 5: 2 × 1/32.
    expect(mcnemarExact({ worse: 5, better: 0 })).toBeCloseTo(2 / 32, 12);
    // 2 vs 8: (1 + 10 + 45)/1024, doubled.
    expect(mcnemarExact({ worse: 2, better: 8 })).toBeCloseTo(112 / 1024, 12);
    // 3 vs 17 (the shipped v1/v2 table): 2 × (1+20+190+1140)/2^20.
    expect(mcnemarExact({ worse: 3, better: 17 })).toBeCloseTo((2 * 1351) / 2 ** 20, 12);
  });
  it('is 1 for balanced or empty tables and symmetric', () => {
    expect(mcnemarExact({ worse: 0, better: 0 })).toBe(1);
    expect(mcnemarExact({ worse: 4, better: 4 })).toBe(1);
    expect(mcnemarExact({ worse: 3, better: 9 })).toBe(mcnemarExact({ worse: 9, better: 3 }));
  });
  it('stays finite for large suites', () => {
    expect(binomialHalfCdf(600, 1200)).toBeGreaterThan(0.5);
    expect(mcnemarExact({ worse: 400, better: 600 })).toBeGreaterThan(0);
    expect(mcnemarExact({ worse: 400, better: 600 })).toBeLessThan(1e-9);
  });
});

describe('Wilson interval', () => {
  it('matches hand-computed values', () => {
    const a = wilsonInterval(8, 10)!;
    expect(a.estimate).toBe(0.8);
    expect(a.low).toBeCloseTo(0.4902, 4);
    expect(a.high).toBeCloseTo(0.9433, 4);
    const b = wilsonInterval(0, 10)!;
    expect(b.low).toBe(0);
    expect(b.high).toBeCloseTo(0.2775, 4);
    const c = wilsonInterval(10, 10)!;
    expect(c.high).toBe(1);
    expect(c.low).toBeCloseTo(0.7225, 4);
  });
  it('is null for no trials and rejects impossible counts', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(() => wilsonInterval(11, 10)).toThrow(RangeError);
  });
});

describe('pass@k', () => {
  it('agrees with 1 − C(n−c,k)/C(n,k)', () => {
    for (const [n, c, k] of [[5, 2, 2], [10, 3, 1], [10, 3, 5], [20, 1, 10], [7, 0, 3], [50, 10, 8]] as const) {
      expect(passAtK(n, c, k)).toBeCloseTo(1 - choose(n - c, k) / choose(n, k), 12);
    }
    expect(passAtK(5, 2, 2)).toBeCloseTo(0.7, 12);
    expect(passAtK(10, 3, 1)).toBeCloseTo(0.3, 12);
  });
  it('is 1 when fewer than k samples fail, and rejects k > n', () => {
    expect(passAtK(5, 4, 2)).toBe(1);
    expect(() => passAtK(3, 1, 4)).toThrow(RangeError);
  });
  it('averages over cases with enough samples and finds flaky cases', () => {
    const cases = [{ caseId: 'a', n: 4, c: 2 }, { caseId: 'b', n: 4, c: 4 }, { caseId: 'c', n: 1, c: 0 }, { caseId: 'd', n: 4, c: 0 }];
    expect(meanPassAtK(cases, 1)!.value).toBeCloseTo((0.5 + 1 + 0 + 0) / 4, 12);
    const k2 = meanPassAtK(cases, 2)!;
    expect(k2.cases).toBe(3);
    expect(k2.value).toBeCloseTo((1 - 1 / 6 + 1 + 0) / 3, 12);
    expect(meanPassAtK(cases, 5)).toBeNull();
    expect(flakyCases(cases)).toEqual(['a']);
  });
});

describe('bootstrap', () => {
  const scores = [6, 7.5, 8, 9, 10, 4, 8.5, 9.5, 7, 10, 5.5, 9];
  it('is deterministic for a seed and contains the mean', () => {
    const a = bootstrapMean(scores, { seed: 42 })!;
    const b = bootstrapMean(scores, { seed: 42 })!;
    expect(a).toEqual(b);
    expect(a.estimate).toBeCloseTo(mean(scores), 12);
    expect(a.low).toBeLessThan(a.estimate);
    expect(a.high).toBeGreaterThan(a.estimate);
    expect(a.high - a.low).toBeLessThan(3);
    expect(bootstrapMean(scores, { seed: 7 })).not.toEqual(a);
  });
  it('gives a point interval for constant data and null for none', () => {
    expect(bootstrapMean([5, 5, 5])).toMatchObject({ estimate: 5, low: 5, high: 5 });
    expect(bootstrapMean([])).toBeNull();
  });
  it('paired bootstrap: p small for a consistent shift, 1 for no change', () => {
    const shift = pairedBootstrap(Array.from({ length: 30 }, (_, i) => 1 + (i % 3) * 0.5))!;
    expect(shift.meanDelta).toBeCloseTo(1.5, 12);
    expect(shift.pValue).toBeLessThan(0.001);
    expect(shift.ci.low).toBeGreaterThan(0);
    expect(pairedBootstrap([0, 0, 0, 0])!.pValue).toBe(1);
    const noise = pairedBootstrap([1, -1, 2, -2, 0.5, -0.5, 1, -1])!;
    expect(noise.pValue).toBeGreaterThan(0.5);
  });
  it('mulberry32 repeats its sequence for a seed and stays in [0, 1)', () => {
    const a = mulberry32(1);
    const b = mulberry32(1);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(xs.slice(0, 5)).toEqual(Array.from({ length: 5 }, () => b()));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
  });
});

describe('describe and power', () => {
  it('computes sd and quantiles', () => {
    expect(sampleSd([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(2.13809, 5);
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
  });
  it('estimates cases needed with ((1.96+0.84)·sd/Δ)²', () => {
    expect(casesNeeded(1, 0.3)).toBe(88); // (2.8/0.3)² = 87.1
    expect(casesNeeded(2, 0.3)).toBe(349); // 348.4
    expect(casesNeeded(0)).toBe(2);
  });
});
