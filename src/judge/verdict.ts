// Reads the judge's JSON answer against the rubric and turns it into a check outcome.
import type { Criterion } from '../../evaluators/checks/judge.js';
import type { CriterionVerdict } from '../types/judge.js';

/** A verdict read from the judge's answer. */
export interface ParsedVerdict {
  criteria: CriterionVerdict[];
  /** Weighted rubric score 0–10 from the verdicts. */
  score: number;
  /** The judge's own overall score, clamped to 0–10. */
  judgeScore: number;
}

/** Parses and checks the judge's answer: every criterion exactly once, verdicts pass/fail. Returns a reason when invalid. */
export function parseVerdict(text: string, criteria: readonly Criterion[]): { verdict?: ParsedVerdict; problem?: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { problem: `the judge did not answer in JSON: ${JSON.stringify(text.slice(0, 80))}` };
  }
  const d = data as { criteria?: unknown; score?: unknown };
  if (!d || typeof d !== 'object' || !Array.isArray(d.criteria)) return { problem: 'the judge answer has no `criteria` list' };
  const byId = new Map<string, { verdict: string; reason: string }>();
  for (const raw of d.criteria as unknown[]) {
    const r = raw as { id?: unknown; verdict?: unknown; reason?: unknown };
    if (typeof r?.id !== 'string') return { problem: 'a criterion of the judge answer has no id' };
    if (r.verdict !== 'pass' && r.verdict !== 'fail') return { problem: `criterion ${r.id}: verdict must be "pass" or "fail", got ${JSON.stringify(r.verdict)}` };
    if (byId.has(r.id)) return { problem: `criterion ${r.id} is judged twice` };
    byId.set(r.id, { verdict: r.verdict, reason: typeof r.reason === 'string' ? r.reason.trim() : '' });
  }
  const missing = criteria.filter((c) => !byId.has(c.id)).map((c) => c.id);
  if (missing.length > 0) return { problem: `the judge skipped criteri${missing.length > 1 ? 'a' : 'on'} ${missing.join(', ')}` };
  const verdicts: CriterionVerdict[] = criteria.map((c) => ({ id: c.id, weight: c.weight, required: c.required, verdict: byId.get(c.id)!.verdict as 'pass' | 'fail', reason: byId.get(c.id)!.reason }));
  const total = verdicts.reduce((s, v) => s + v.weight, 0);
  const passed = verdicts.reduce((s, v) => s + (v.verdict === 'pass' ? v.weight : 0), 0);
  const judgeScore = typeof d.score === 'number' && Number.isFinite(d.score) ? Math.min(10, Math.max(0, d.score)) : NaN;
  if (Number.isNaN(judgeScore)) return { problem: 'the judge answer has no numeric `score`' };
  return { verdict: { criteria: verdicts, score: Math.round((1000 * passed) / total) / 100, judgeScore } };
}

/** pass when the weighted score reaches passScore and no required criterion failed. */
export function verdictStatus(v: ParsedVerdict, passScore: number): 'pass' | 'fail' {
  return v.score >= passScore - 1e-9 && !v.criteria.some((c) => c.required && c.verdict === 'fail') ? 'pass' : 'fail';
}

/** One line: `3/4 criteria (7.5/10); failed: right-team (sends the hint to every player)`. */
export function verdictReason(v: ParsedVerdict, passScore: number): string {
  const failed = v.criteria.filter((c) => c.verdict === 'fail');
  const head = `${v.criteria.length - failed.length}/${v.criteria.length} criteria (${v.score.toFixed(1)}/10, pass ${passScore})`;
  if (failed.length === 0) return `${head}: all met`;
  return `${head}; failed: ${failed.map((c) => `${c.id}${c.required ? ' (required)' : ''}${c.reason ? ` (${c.reason})` : ''}`).join('; ')}`;
}
