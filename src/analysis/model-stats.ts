// Per-model uncertainty: CIs of the mean score and pass rate, pass@k and flakiness.
import type { ModelSummary } from '../types/run.js';
import type { CaseRow, SummaryRow } from './view.js';
import type { ItemResult } from '../types/run.js';
import { bootstrapMean, type BootstrapOptions } from './stats/bootstrap.js';
import { flakyCases, meanPassAtK, type CaseSamples } from './stats/passk.js';
import { wilsonInterval } from './stats/wilson.js';
import type { ModelStats, PassAtK } from './types.js';

/** Judged/passing sample counts per case for one model. */
export function caseSamples(items: readonly ItemResult[], model: string): CaseSamples[] {
  const byCase = new Map<string, CaseSamples>();
  for (const it of items) {
    if (it.model !== model || it.status === 'error' || it.score === null) continue;
    const e = byCase.get(it.caseId) ?? { caseId: it.caseId, n: 0, c: 0 };
    e.n++;
    if (it.status === 'pass') e.c++;
    byCase.set(it.caseId, e);
  }
  return [...byCase.values()];
}

/** k values to report: always 1, then the requested ones that some case has enough samples for. */
export function effectiveKs(requested: readonly number[], items: readonly ItemResult[]): number[] {
  const perCase = new Map<string, number>();
  for (const it of items) if (it.status !== 'error') perCase.set(`${it.model}\0${it.caseId}`, (perCase.get(`${it.model}\0${it.caseId}`) ?? 0) + 1);
  const maxN = Math.max(0, ...perCase.values());
  return [...new Set([1, ...requested])].filter((k) => k >= 1 && k <= Math.max(1, maxN)).sort((a, b) => a - b);
}

/** Adds CIs, pass@k (for the given, already effective ks) and flakiness to one summary row. */
export function modelStats(row: SummaryRow, index: number, rows: readonly CaseRow[], items: readonly ItemResult[], ks: readonly number[], boot: BootstrapOptions, compile?: Pick<ModelSummary, 'compileRate' | 'compileMode'>): ModelStats {
  const scores = rows.map((r) => r.cells[index]?.avgScore).filter((s): s is number => typeof s === 'number');
  const samples = caseSamples(items, row.label);
  const judged = samples.reduce((s, x) => s + x.n, 0);
  const passed = samples.reduce((s, x) => s + x.c, 0);
  // Same k columns for every model; a model without enough samples for a k gets null there.
  const passAtK: PassAtK[] = ks.map((k) => {
    const r = meanPassAtK(samples, k);
    return { k, value: r?.value ?? null, cases: r?.cases ?? 0 };
  });
  return {
    ...row,
    // Results written before compiling existed carry only the syntax rate: say so rather than call it a compile rate.
    compileRate: compile?.compileMode ? (compile.compileRate ?? null) : row.syntaxRate,
    compileMode: compile?.compileMode ?? 'syntax',
    scoreCi: bootstrapMean(scores, boot),
    passRateCi: wilsonInterval(passed, judged, boot.level),
    passAtK,
    multiSampleCases: samples.filter((s) => s.n > 1).length,
    flakyCases: flakyCases(samples),
  };
}
