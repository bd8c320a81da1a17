// Builds the comparison of every model in a run against the first one (the baseline).
import { caseRows, categoryRows, changes, summaryRows, type CaseCell, type CaseRow } from './view.js';
import type { RunResult } from '../types/run.js';
import { caseEvidence } from './evidence.js';
import { effectiveKs, modelStats } from './model-stats.js';
import { DEFAULT_SEED } from './stats/bootstrap.js';
import { DEFAULT_EFFECT } from './stats/power.js';
import { pairedVerdict, type PairedCase } from './stats/verdict.js';
import type { Comparison, CompareSettings, PairComparison } from './types.js';
import { judgeView } from './judges.js';

/** Options of a comparison; every field has a default. */
export type CompareOptions = Partial<CompareSettings>;

/** Fills in defaults: seed fixed, 2000 resamples, 95 %, α 0.05, 0.3-point effect, pass@1. */
export function compareSettings(options: CompareOptions = {}): CompareSettings {
  return {
    seed: options.seed ?? DEFAULT_SEED,
    iterations: options.iterations ?? 2000,
    level: options.level ?? 0.95,
    alpha: options.alpha ?? 0.05,
    effect: options.effect ?? DEFAULT_EFFECT,
    ks: options.ks ?? [1],
  };
}

/** Cases judged for both models, as pairs for the paired tests. */
export function pairedCases(rows: readonly CaseRow[], baseIndex: number, candIndex: number): PairedCase[] {
  const judged = (c: CaseCell | undefined): c is CaseCell & { avgScore: number } => c !== undefined && c.avgScore !== null;
  return rows.flatMap((r) => {
    const b = r.cells[baseIndex];
    const c = r.cells[candIndex];
    if (!judged(b) || !judged(c)) return [];
    return [{ caseId: r.caseId, baseScore: b.avgScore, candScore: c.avgScore, basePass: b.status === 'pass', candPass: c.status === 'pass' }];
  });
}

/** The full comparison document. Pure and deterministic for a given seed. */
export function compareRun(run: RunResult, options: CompareOptions = {}): Comparison {
  const settings = compareSettings(options);
  const boot = { seed: settings.seed, iterations: settings.iterations, level: settings.level };
  const rows = caseRows(run);
  const baseline = run.models[0]?.label ?? '';
  const ks = effectiveKs(settings.ks, run.items);
  const pairs: PairComparison[] = changes(run, rows).map((ch, i) => ({
    baseline,
    candidate: ch.model,
    verdict: pairedVerdict(pairedCases(rows, 0, i + 1), { ...boot, alpha: settings.alpha, effect: settings.effect }),
    regressions: ch.regressions.map((c) => caseEvidence(c, baseline, ch.model, run.items)),
    improvements: ch.improvements.map((c) => caseEvidence(c, baseline, ch.model, run.items)),
  }));
  return {
    schemaVersion: 1,
    runId: run.runId,
    suite: { name: run.suite.name, description: run.suite.description, passScore: run.suite.passScore },
    startedAt: run.startedAt,
    baseline,
    models: summaryRows(run).map((row, i) => modelStats(row, i, rows, run.items, ks, boot, run.models[i])),
    categories: categoryRows(run),
    cases: rows,
    pairs,
    settings,
    ...judgingOf(run),
  };
}

/** The judges section, only when the run has model-graded checks. */
function judgingOf(run: RunResult): Pick<Comparison, 'judging'> {
  const judging = judgeView(run);
  return judging.present ? { judging } : {};
}
