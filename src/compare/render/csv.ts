// The comparison as CSV: one row per model × case, with the delta against the baseline.
import { stringify } from 'csv-stringify/sync';
import type { Comparison } from '../../analysis/types.js';

/** Columns of the comparison CSV, in order. */
export const COMPARE_CSV_COLUMNS = [
  'model', 'baseline', 'case_id', 'category', 'status', 'score', 'samples', 'passed', 'baseline_score', 'delta', 'change', 'flipped_checks',
] as const;

/** Renders the per-case comparison CSV. */
export function renderCompareCsv(c: Comparison): string {
  const change = new Map<string, { kind: string; flipped: string }>();
  for (const p of c.pairs) {
    for (const [kind, list] of [['regression', p.regressions], ['improvement', p.improvements]] as const) {
      for (const e of list) change.set(`${p.candidate}\0${e.caseId}`, { kind, flipped: e.flipped.map((f) => `${f.id}:${f.from}->${f.to}`).join(';') });
    }
  }
  const rows = c.models.flatMap((m, i) =>
    c.cases.map((r) => {
      const cell = r.cells[i];
      const base = r.cells[0];
      const ch = change.get(`${m.label}\0${r.caseId}`);
      return [
        m.label, c.baseline, r.caseId, r.category, cell?.status ?? 'missing', cell?.avgScore ?? '', cell?.samples ?? 0, cell?.passed ?? 0,
        base?.avgScore ?? '', cell?.delta ?? '', ch?.kind ?? '', ch?.flipped ?? '',
      ];
    }),
  );
  return stringify(rows, { header: true, columns: [...COMPARE_CSV_COLUMNS] });
}

/** Renders the comparison JSON (pretty, trailing newline). */
export function renderCompareJson(c: Comparison): string {
  return `${JSON.stringify(c, null, 2)}\n`;
}
