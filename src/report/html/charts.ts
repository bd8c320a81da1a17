// The report's two charts, computed from the same view rows the other reporters use.
import type { RunResult } from '../../types/run.js';
import { caseRows, categoryRows, type CaseRow } from '../../analysis/view.js';
import { groupedBarChart } from './svg.js';

/** Average score per category, one bar per model. */
export function categoryChart(run: RunResult): string {
  const rows = categoryRows(run);
  return groupedBarChart({
    title: 'Average score by category and model (0–10)',
    groups: rows.map((r) => r.category),
    series: run.models.map((m) => m.label),
    values: rows.map((r) => r.cells.map((c) => c.avgScore)),
    max: 10,
    format: (v) => (Number.isInteger(v) ? String(v) : v.toFixed(1)),
  });
}

/** Bin labels of the score distribution: 0–1 … 9–10 (10 falls in the last bin). */
export const SCORE_BINS = Array.from({ length: 10 }, (_, i) => `${i}–${i + 1}`);

/** Number of cases per score bin for each model: counts[model][bin]; errored cases are left out. */
export function scoreDistribution(run: RunResult, rows: CaseRow[] = caseRows(run)): number[][] {
  return run.models.map((_, m) => {
    const counts = SCORE_BINS.map(() => 0);
    for (const row of rows) {
      const score = row.cells[m]?.avgScore;
      if (score === null || score === undefined) continue;
      const bin = Math.min(9, Math.max(0, Math.floor(score)));
      counts[bin] = (counts[bin] ?? 0) + 1;
    }
    return counts;
  });
}

/** Distribution of per-case scores (averaged over samples), one bar per model in each bin. */
export function distributionChart(run: RunResult, rows?: CaseRow[]): string {
  const counts = scoreDistribution(run, rows);
  const top = Math.max(1, ...counts.flat());
  // Round the axis up to a multiple of 5 so tick labels are whole numbers.
  const max = Math.ceil(top / 5) * 5;
  return groupedBarChart({
    title: 'Distribution of case scores per model (number of cases per score band)',
    groups: SCORE_BINS,
    series: run.models.map((m) => m.label),
    values: SCORE_BINS.map((_, b) => counts.map((c) => c[b] ?? 0)),
    max,
    format: (v) => String(Math.round(v)),
  });
}
