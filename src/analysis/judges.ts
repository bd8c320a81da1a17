// What reports show of model-graded (`judge`) checks: the judges, apart from the evaluated models, and every verdict
// with its per-criterion decisions and reasons.
import type { JudgeDetails, JudgeSummary } from '../types/judge.js';
import type { RunResult } from '../types/run.js';

/** One judge model's line: its summary, with the served ids and the cost as text. */
export type JudgeRow = Omit<JudgeSummary, 'servedModels'> & {
  /** Model ids the server reported, comma-separated (the requested id when none was reported). */
  served: string;
  /** `$0.0123`, or `no pricing`. */
  costText: string;
};

/** One graded judge check of one item. */
export interface VerdictRow {
  model: string;
  caseId: string;
  sample: number;
  check: string;
  status: string;
  judge: string;
  rubric: string;
  /** Weighted rubric score 0–10, null when the judge failed. */
  score: number | null;
  reason: string;
  /** Set when the gate does not count this check (an uncalibrated judge). */
  uncounted?: string;
  criteria: { id: string; verdict: string; required: boolean; reason: string }[];
}

/** The judges section of a report; `present` is false when the run has no judge check. */
export interface JudgeView {
  present: boolean;
  judges: JudgeRow[];
  verdicts: VerdictRow[];
}

/** Builds the judges section from the run document. */
export function judgeView(run: Pick<RunResult, 'items' | 'judges'>): JudgeView {
  const verdicts: VerdictRow[] = [];
  for (const item of run.items) {
    for (const c of item.checks) {
      const d = c.details as Partial<JudgeDetails> | undefined;
      if (c.kind !== 'judge' || !d?.judge || !d.rubric) continue;
      verdicts.push({
        model: item.model,
        caseId: item.caseId,
        sample: item.sample,
        check: c.id,
        status: c.status,
        judge: d.judge.servedModel ? `${d.judge.label} (${d.judge.servedModel})` : `${d.judge.label} (${d.judge.modelId})`,
        rubric: d.rubric.id,
        score: d.score ?? null,
        reason: c.reason,
        ...(d.uncounted ? { uncounted: d.uncounted } : {}),
        criteria: (d.criteria ?? []).map((v) => ({ id: v.id, verdict: v.verdict, required: v.required, reason: v.reason })),
      });
    }
  }
  const judges = (run.judges ?? []).map((j) => ({
    label: j.label,
    modelId: j.modelId,
    served: j.servedModels.length > 0 ? j.servedModels.join(', ') : j.modelId,
    verdicts: j.verdicts,
    errors: j.errors,
    cached: j.cached,
    inputTokens: j.inputTokens,
    outputTokens: j.outputTokens,
    costUsd: j.costUsd,
    costText: j.costUsd === null ? 'no pricing' : `$${j.costUsd.toFixed(4)}`,
  }));
  return { present: verdicts.length > 0 || judges.length > 0, judges, verdicts };
}
