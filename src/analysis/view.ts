import type { CategorySummary, DiagnosticCount, ItemResult, ModelSummary, RunResult, UnknownApiCount } from '../types/run.js';

/** Score change (out of 10) that counts as an improvement or a regression. */
export const CHANGE_THRESHOLD = 0.5;
// Float sums like 7.3 - 6.8 land a hair below 0.5; compare with a little slack.
const EPSILON = 1e-9;

/** One model's headline figures, with deltas against the baseline (first) model. */
export interface SummaryRow
  extends Pick<
    ModelSummary,
    'label' | 'modelId' | 'provider' | 'cases' | 'items' | 'passed' | 'failed' | 'errors' | 'avgScore' | 'passRate' | 'syntaxRate' | 'apiAccuracy' | 'inputTokens' | 'outputTokens' | 'costUsd'
  > {
  baseline: boolean;
  /** Distinct unknown API names, and how often they were called in total. */
  unknownApiNames: number;
  unknownApiCalls: number;
  /** null when no answer of the model came with token usage (replayed recordings, servers that do not say). */
  tokens: number | null;
  /** null when no answer was timed (replayed recordings, a fully cached run). */
  avgLatencyMs: number | null;
  /** Compile rate and what produced it (spcomp, static, mixed), when answers were compiled. */
  compileRate: number | null;
  compileMode: string | null;
  /** null for the baseline itself or when either side has no score. */
  scoreDelta: number | null;
  passRateDelta: number | null;
  /** A replay model answering from hand-written sample files (not from a `record` export). */
  sampleAnswers: boolean;
}

/** One model's figures for one category. */
export interface CategoryCell extends Pick<CategorySummary, 'items' | 'avgScore' | 'passRate'> {
  model: string;
}

/** One category across all models. */
export interface CategoryRow {
  category: string;
  cells: CategoryCell[];
}

/** Aggregate status of a case for one model over its samples. */
export type CaseStatus = 'pass' | 'fail' | 'partial' | 'error' | 'missing';

/** One model's result on one case, averaged over samples. */
export interface CaseCell {
  model: string;
  status: CaseStatus;
  /** Mean over judged samples; null when every sample errored or none ran. */
  avgScore: number | null;
  samples: number;
  judged: number;
  passed: number;
  /** Versus the baseline's cell; null for the baseline or when either score is null. */
  delta: number | null;
}

/** One case across all models. */
export interface CaseRow {
  caseId: string;
  category: string;
  cells: CaseCell[];
}

/** A case that got better or worse for one model compared to the baseline. */
export interface CaseChange {
  caseId: string;
  category: string;
  fromScore: number;
  toScore: number;
  delta: number;
  fromStatus: CaseStatus;
  toStatus: CaseStatus;
}

/** Improvements and regressions of one non-baseline model. */
export interface ModelChanges {
  model: string;
  baseline: string;
  improvements: CaseChange[];
  regressions: CaseChange[];
}

/** Unknown (likely invented) API names one model called. */
export interface ModelUnknownApis {
  model: string;
  apis: UnknownApiCount[];
}

function diff(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : clean(a - b);
}

/** Rounds away float noise so 0.5 stays 0.5 in comparisons and output. */
function clean(n: number): number {
  return Math.round(n * 1e9) / 1e9;
}

function mean(values: number[]): number | null {
  return values.length === 0 ? null : values.reduce((s, v) => s + v, 0) / values.length;
}

/** Per-model headline rows, first model being the baseline. */
export function summaryRows(run: RunResult): SummaryRow[] {
  const base = run.models[0];
  const withUsage = new Set(run.items.filter((it) => it.usage).map((it) => it.model));
  const timed = new Set(run.items.filter((it) => it.latencyMs > 0).map((it) => it.model));
  return run.models.map((m, i): SummaryRow => ({
    label: m.label,
    modelId: m.modelId,
    provider: m.provider,
    baseline: i === 0,
    cases: m.cases,
    items: m.items,
    passed: m.passed,
    failed: m.failed,
    errors: m.errors,
    avgScore: m.avgScore,
    passRate: m.passRate,
    syntaxRate: m.syntaxRate,
    apiAccuracy: m.apiAccuracy,
    unknownApiNames: m.unknownApis.length,
    unknownApiCalls: m.unknownApis.reduce((s, u) => s + u.count, 0),
    inputTokens: m.inputTokens,
    outputTokens: m.outputTokens,
    tokens: withUsage.has(m.label) ? m.inputTokens + m.outputTokens : null,
    costUsd: m.costUsd,
    avgLatencyMs: m.provider !== 'replay' && timed.has(m.label) ? m.latencyMs.avg : null,
    compileRate: m.compileRate ?? null,
    compileMode: m.compileMode ?? null,
    scoreDelta: i === 0 || !base ? null : diff(m.avgScore, base.avgScore),
    passRateDelta: i === 0 || !base ? null : diff(m.passRate, base.passRate),
    sampleAnswers: m.answers === 'sample',
  }));
}

/** Categories in suite order (first appearance among cases, then any only models know). */
export function categoryOrder(run: RunResult): string[] {
  const seen = new Set<string>();
  for (const c of run.cases) seen.add(c.category);
  for (const it of run.items) seen.add(it.category);
  for (const m of run.models) for (const c of m.categories) seen.add(c.category);
  return [...seen];
}

/** Category × model table from the model summaries. */
export function categoryRows(run: RunResult): CategoryRow[] {
  return categoryOrder(run).map((category) => ({
    category,
    cells: run.models.map((m): CategoryCell => {
      const c = m.categories.find((x) => x.category === category);
      return { model: m.label, items: c?.items ?? 0, avgScore: c?.avgScore ?? null, passRate: c?.passRate ?? null };
    }),
  }));
}

function caseCell(model: string, items: ItemResult[]): Omit<CaseCell, 'delta'> {
  const judged = items.filter((it) => it.status !== 'error' && it.score !== null);
  const passed = judged.filter((it) => it.status === 'pass').length;
  let status: CaseStatus;
  if (items.length === 0) status = 'missing';
  else if (judged.length === 0) status = 'error';
  else if (passed === judged.length) status = 'pass';
  else if (passed === 0) status = 'fail';
  else status = 'partial';
  const avg = mean(judged.map((it) => it.score as number));
  return { model, status, avgScore: avg === null ? null : clean(avg), samples: items.length, judged: judged.length, passed };
}

/** Case ids in suite order, then any that only appear in items. */
function caseOrder(run: RunResult): { id: string; category: string }[] {
  const out = run.cases.map((c) => ({ id: c.id, category: c.category }));
  const known = new Set(out.map((c) => c.id));
  for (const it of run.items) {
    if (!known.has(it.caseId)) {
      known.add(it.caseId);
      out.push({ id: it.caseId, category: it.category });
    }
  }
  return out;
}

/** Case × model table with scores averaged over samples and deltas vs the baseline. */
export function caseRows(run: RunResult): CaseRow[] {
  return caseOrder(run).map(({ id, category }) => {
    const cells = run.models.map((m) =>
      caseCell(m.label, run.items.filter((it) => it.model === m.label && it.caseId === id)),
    );
    const base = cells[0];
    return {
      caseId: id,
      category,
      cells: cells.map((c, i) => ({ ...c, delta: i === 0 || !base ? null : diff(c.avgScore, base.avgScore) })),
    };
  });
}

/** Classifies a cell against the baseline; a status flip wins over the score delta. */
export function classifyChange(base: CaseCell, cell: CaseCell): 'improvement' | 'regression' | null {
  if (base.avgScore === null || cell.avgScore === null || cell.delta === null) return null;
  if (base.status === 'pass' && cell.status === 'fail') return 'regression';
  if (base.status === 'fail' && cell.status === 'pass') return 'improvement';
  if (cell.delta <= -CHANGE_THRESHOLD + EPSILON) return 'regression';
  if (cell.delta >= CHANGE_THRESHOLD - EPSILON) return 'improvement';
  return null;
}

/** Improvements and regressions of every other model vs the first one, largest change first. */
export function changes(run: RunResult, rows: CaseRow[] = caseRows(run)): ModelChanges[] {
  const baseline = run.models[0]?.label ?? '';
  return run.models.slice(1).map((m, idx) => {
    const out: ModelChanges = { model: m.label, baseline, improvements: [], regressions: [] };
    for (const row of rows) {
      const base = row.cells[0];
      const cell = row.cells[idx + 1];
      if (!base || !cell) continue;
      const kind = classifyChange(base, cell);
      if (kind === null) continue;
      const change: CaseChange = {
        caseId: row.caseId,
        category: row.category,
        fromScore: base.avgScore as number,
        toScore: cell.avgScore as number,
        delta: cell.delta as number,
        fromStatus: base.status,
        toStatus: cell.status,
      };
      (kind === 'improvement' ? out.improvements : out.regressions).push(change);
    }
    out.improvements.sort((a, b) => b.delta - a.delta);
    out.regressions.sort((a, b) => a.delta - b.delta);
    return out;
  });
}

/** Unknown API names per model, most frequent first. */
export function unknownApis(run: RunResult): ModelUnknownApis[] {
  return run.models.map((m: ModelSummary) => ({
    model: m.label,
    apis: [...m.unknownApis].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
  }));
}

/** One model's compile figures: rate, which compiler produced it, errors and warnings per answer, top diagnostics. */
export interface CompileRow {
  model: string;
  /** null when nothing was compiled (no code, or only compiler problems). */
  compileRate: number | null;
  /** `spcomp`, `static`, `mixed`, or `—` when nothing was compiled. */
  mode: string;
  compilerVersion: string | null;
  compiled: number;
  /** Items whose compile hit a compiler problem (crash, timeout, missing binary). */
  problems: number;
  avgErrors: number | null;
  avgWarnings: number | null;
  diagnostics: DiagnosticCount[];
}

/** Compile figures per model, from the summaries and the items. */
export function compileRows(run: RunResult): CompileRow[] {
  return run.models.map((m) => {
    const items = run.items.filter((it) => it.model === m.label && it.compile);
    const compiled = items.filter((it) => !it.compile!.problem);
    return {
      model: m.label,
      compileRate: m.compileRate ?? null,
      mode: m.compileMode ?? '—',
      compilerVersion: m.compilerVersion ?? null,
      compiled: compiled.length,
      problems: items.length - compiled.length,
      avgErrors: mean(compiled.map((it) => it.compile!.errors)),
      avgWarnings: mean(compiled.map((it) => it.compile!.warnings)),
      diagnostics: m.topDiagnostics ?? [],
    };
  });
}
