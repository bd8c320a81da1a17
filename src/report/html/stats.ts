// Confidence intervals and paired verdicts for the summary cards, from the compare module's
// statistics. Composed here rather than calling compareRun, which also builds code-diff
// evidence the page does not need (most of its cost on a 200-case run).
import { compareSettings, pairedCases } from '../../analysis/compare.js';
import { effectiveKs, modelStats } from '../../analysis/model-stats.js';
import type { Interval } from '../../analysis/stats/interval.js';
import { pairedVerdict, type PairedVerdict } from '../../analysis/stats/verdict.js';
import type { RunResult } from '../../types/run.js';
import type { CaseRow, SummaryRow } from '../../analysis/view.js';

/** Intervals of one model, and its paired verdict against the baseline (none for the baseline). */
export interface Uncertainty {
  scoreCi: Interval | null;
  passRateCi: Interval | null;
  verdict?: PairedVerdict;
}

/** One entry per summary row, same order; seeded, so the figures are stable between renders. */
export function uncertainty(run: RunResult, summary: SummaryRow[], rows: CaseRow[], seed?: number): Uncertainty[] {
  const s = compareSettings(seed === undefined ? {} : { seed });
  const boot = { seed: s.seed, iterations: s.iterations, level: s.level };
  const ks = effectiveKs(s.ks, run.items);
  return summary.map((row, i) => {
    const m = modelStats(row, i, rows, run.items, ks, boot);
    const verdict = i === 0 ? undefined : pairedVerdict(pairedCases(rows, 0, i), { ...boot, alpha: s.alpha, effect: s.effect });
    return { scoreCi: m.scoreCi, passRateCi: m.passRateCi, ...(verdict ? { verdict } : {}) };
  });
}
