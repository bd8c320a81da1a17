import { stringify } from 'csv-stringify/sync';
import type { ItemResult, RunResult } from '../types/run.js';
import type { ReportOptions, Reporter } from './types.js';

/** Fixed leading columns; one `check:<id>` column per distinct check id follows. */
export const CSV_COLUMNS = [
  'run_id', 'model', 'model_id', 'case_id', 'category', 'sample', 'status', 'score', 'passed',
  'syntax_ok', 'api_total', 'api_resolved', 'unknown_apis', 'latency_ms', 'input_tokens',
  'output_tokens', 'cached', 'error',
] as const;

type Cell = string | number;

// Empty rather than "null" so spreadsheets treat it as a blank, not text.
function opt(v: number | boolean | null | undefined): Cell {
  return v === null || v === undefined ? '' : typeof v === 'boolean' ? String(v) : v;
}

/** Check ids across the whole run, sorted so columns are stable between runs. */
export function checkIds(run: RunResult): string[] {
  const ids = new Set<string>();
  for (const it of run.items) for (const c of it.checks) ids.add(c.id);
  return [...ids].sort();
}

// Rows follow model order, then suite case order, then sample: the same order as the reports.
function sortedItems(run: RunResult): ItemResult[] {
  const modelIdx = new Map(run.models.map((m, i) => [m.label, i]));
  const caseIdx = new Map(run.cases.map((c, i) => [c.id, i]));
  const rank = (m: Map<string, number>, k: string): number => m.get(k) ?? m.size;
  return [...run.items].sort(
    (a, b) =>
      rank(modelIdx, a.model) - rank(modelIdx, b.model) ||
      rank(caseIdx, a.caseId) - rank(caseIdx, b.caseId) ||
      a.caseId.localeCompare(b.caseId) ||
      a.sample - b.sample,
  );
}

/** One row per model × case × sample. */
export function renderCsv(run: RunResult): string {
  const ids = checkIds(run);
  const modelIds = new Map(run.models.map((m) => [m.label, m.modelId]));
  const rows = sortedItems(run).map((it): Cell[] => {
    const judged = it.status !== 'error';
    const byId = new Map(it.checks.map((c) => [c.id, c.status]));
    return [
      run.runId,
      it.model,
      modelIds.get(it.model) ?? '',
      it.caseId,
      it.category,
      it.sample,
      it.status,
      opt(it.score),
      judged ? String(it.status === 'pass') : '',
      opt(it.syntax?.ok),
      opt(it.api?.total),
      opt(it.api?.resolved),
      it.api?.unknown.join(';') ?? '',
      Math.round(it.latencyMs),
      opt(it.usage?.inputTokens),
      opt(it.usage?.outputTokens),
      String(it.cached),
      it.error ? `${it.error.code}: ${it.error.message}` : '',
      ...ids.map((id) => byId.get(id) ?? ''),
    ];
  });
  return stringify(rows, { header: true, columns: [...CSV_COLUMNS, ...ids.map((id) => `check:${id}`)] });
}

/** Flat per-answer CSV for spreadsheets. */
export const csv = {
  name: 'csv',
  extension: 'csv',
  file: 'results.csv',
  description: 'One CSV row per model × case × sample, with a column per check',
  render: (run: RunResult, _options?: ReportOptions) => renderCsv(run),
} satisfies Reporter;
