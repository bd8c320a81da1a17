// Judges a candidate against thresholds and the baseline: every threshold with its measured figure.
import type { CaseEvidence, Comparison, ModelStats } from '../analysis/types.js';
import type { PairedVerdict } from '../analysis/stats/verdict.js';
import type { GateThresholds } from './thresholds.js';

/** What a threshold's numbers mean, for formatting. */
export type GateUnit = 'score' | 'rate' | 'count' | 'p';

/** One threshold, its value, the measured figure and whether it holds. */
export interface GateCheck {
  /** Stable id, e.g. `min_avg_score` or `category:hud/chat:min_avg_score`. */
  id: string;
  label: string;
  op: '>=' | '<=' | 'not worse, p >=';
  threshold: number;
  /** null when the figure cannot be measured (counts as a failure: the gate cannot confirm it). */
  actual: number | null;
  unit: GateUnit;
  pass: boolean;
  note?: string;
}

/** The gate's decision with everything needed to explain it. */
export interface GateResult {
  pass: boolean;
  baseline: string;
  candidate: string;
  suite: string;
  runId: string;
  cases: number;
  checks: GateCheck[];
  verdict: PairedVerdict;
  regressions: CaseEvidence[];
  improvements: number;
}

function atLeast(id: string, label: string, threshold: number, actual: number | null, unit: GateUnit): GateCheck {
  return { id, label, op: '>=', threshold, actual, unit, pass: actual !== null && actual >= threshold - 1e-9 };
}

function atMost(id: string, label: string, threshold: number, actual: number | null, unit: GateUnit): GateCheck {
  return { id, label, op: '<=', threshold, actual, unit, pass: actual !== null && actual <= threshold };
}

/** Smallest p-value among the paired tests that point to the candidate being worse; null when none does. */
export function pWorse(v: PairedVerdict): number | null {
  const ps: number[] = [];
  if (v.score && v.score.meanDelta < 0) ps.push(v.score.pValue);
  if (v.mcnemar.worse > v.mcnemar.better) ps.push(v.mcnemar.pValue);
  return ps.length ? Math.min(...ps) : null;
}

function categoryScore(c: Comparison, candidateIndex: number, category: string): number | null {
  return c.categories.find((r) => r.category === category)?.cells[candidateIndex]?.avgScore ?? null;
}

/** Evaluates a two-model comparison (baseline first, candidate second). */
export function evaluateGate(c: Comparison, t: GateThresholds): GateResult {
  const cand = c.models[1] as ModelStats | undefined;
  const pair = c.pairs[0];
  if (!cand || !pair) throw new Error('evaluateGate needs a comparison of exactly a baseline and a candidate');
  const checks: GateCheck[] = [];
  if (t.minAvgScore !== undefined) checks.push(atLeast('min_avg_score', 'average score', t.minAvgScore, cand.avgScore, 'score'));
  if (t.minPassRate !== undefined) checks.push(atLeast('min_pass_rate', 'pass rate', t.minPassRate, cand.passRate, 'rate'));
  if (t.minSyntaxRate !== undefined) checks.push(atLeast('min_syntax_rate', 'syntax-valid rate', t.minSyntaxRate, cand.syntaxRate, 'rate'));
  if (t.minCompileRate !== undefined) checks.push(atLeast('min_compile_rate', `compile rate (${cand.compileMode})`, t.minCompileRate, cand.compileRate, 'rate'));
  if (t.minApiAccuracy !== undefined) checks.push(atLeast('min_api_accuracy', 'API accuracy', t.minApiAccuracy, cand.apiAccuracy, 'rate'));
  if (t.maxUnknownApis !== undefined) checks.push(atMost('max_unknown_apis', 'unknown API names', t.maxUnknownApis, cand.unknownApiNames, 'count'));
  if (t.maxRegressions !== undefined) checks.push(atMost('max_regressions', `regressions vs ${c.baseline}`, t.maxRegressions, pair.regressions.length, 'count'));
  if (t.maxPWorse !== undefined) {
    const p = pWorse(pair.verdict);
    // With no case judged for both models there is no evidence either way: the gate cannot say "not worse".
    const evidence = pair.verdict.cases > 0;
    checks.push({
      id: 'max_p_worse',
      label: `not significantly worse than ${c.baseline}`,
      op: 'not worse, p >=',
      threshold: t.maxPWorse,
      actual: evidence ? p : null,
      unit: 'p',
      pass: evidence && (p === null || p >= t.maxPWorse),
      note: !evidence ? 'no evidence: no case was judged for both models' : p === null ? 'no test points to worse' : undefined,
    });
  }
  for (const [category, { minAvgScore }] of Object.entries(t.categories)) {
    const check = atLeast(`category:${category}:min_avg_score`, `${category} average score`, minAvgScore, categoryScore(c, 1, category), 'score');
    if (!c.categories.some((r) => r.category === category)) check.note = 'category not in the results';
    checks.push(check);
  }
  return {
    pass: checks.every((x) => x.pass),
    baseline: c.baseline,
    candidate: cand.label,
    suite: c.suite.name,
    runId: c.runId,
    cases: pair.verdict.cases,
    checks,
    verdict: pair.verdict,
    regressions: pair.regressions,
    improvements: pair.improvements.length,
  };
}
