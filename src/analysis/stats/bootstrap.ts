// Percentile bootstrap over cases. Seeded, so a report shows the same interval every time it is rendered.
import { mean, quantile } from './describe.js';
import type { Interval } from './interval.js';
import { mulberry32 } from '../../core/prng.js';

/** Default seed of every report, so two renders of the same results agree. */
export const DEFAULT_SEED = 20240607;

/** Resampling settings. */
export interface BootstrapOptions {
  /** Number of resamples (default 2000). */
  iterations?: number;
  seed?: number;
  level?: number;
}

function resampledMeans(values: readonly number[], options: BootstrapOptions, shift = 0): number[] {
  const rand = mulberry32(options.seed ?? DEFAULT_SEED);
  const n = values.length;
  const out: number[] = [];
  for (let b = 0; b < (options.iterations ?? 2000); b++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += values[Math.floor(rand() * n)]! - shift;
    out.push(s / n);
  }
  return out.sort((x, y) => x - y);
}

/** CI of the mean by resampling cases; null for no values. */
export function bootstrapMean(values: readonly number[], options: BootstrapOptions = {}): Interval | null {
  if (values.length === 0) return null;
  const level = options.level ?? 0.95;
  const means = resampledMeans(values, options);
  const alpha = (1 - level) / 2;
  return { estimate: mean(values), low: quantile(means, alpha), high: quantile(means, 1 - alpha), level };
}

/** Result of a paired bootstrap on per-case differences (candidate − baseline). */
export interface PairedBootstrap {
  meanDelta: number;
  ci: Interval;
  /** Two-sided p-value of "mean delta is 0". */
  pValue: number;
}

/**
 * Paired bootstrap: the CI resamples the deltas; the p-value resamples the deltas shifted to mean 0
 * (the null) and counts means at least as far from 0 as the observed one.
 */
export function pairedBootstrap(deltas: readonly number[], options: BootstrapOptions = {}): PairedBootstrap | null {
  const ci = bootstrapMean(deltas, options);
  if (ci === null) return null;
  const observed = ci.estimate;
  const nullMeans = resampledMeans(deltas, options, observed);
  // Float noise around an all-equal sample must not count as "further than observed".
  const extreme = nullMeans.filter((m) => Math.abs(m) >= Math.abs(observed) - 1e-12).length;
  return { meanDelta: observed, ci, pValue: Math.min(1, (extreme + 1) / (nullMeans.length + 1)) };
}
