// The judge models' figures over a run, read from the details of `judge` check results.
import type { JudgeDetails, JudgeSummary } from '../types/judge.js';
import type { ItemResult } from '../types/run.js';

/** The details of a `judge` check result, when it has them. */
export function judgeDetails(check: { kind: string; details?: Record<string, unknown> }): JudgeDetails | undefined {
  const d = check.details as Partial<JudgeDetails> | undefined;
  return check.kind === 'judge' && d?.judge && d.rubric ? (d as JudgeDetails) : undefined;
}

/** One summary per judge label, in order of first use; empty when no judge graded anything. */
export function summarizeJudges(items: readonly ItemResult[]): JudgeSummary[] {
  const out = new Map<string, JudgeSummary & { priced: boolean }>();
  for (const item of items) {
    for (const c of item.checks) {
      const d = judgeDetails(c);
      if (!d) continue;
      const j = d.judge;
      let s = out.get(j.label);
      if (!s) {
        s = { label: j.label, modelId: j.modelId, servedModels: [], verdicts: 0, errors: 0, cached: 0, inputTokens: 0, outputTokens: 0, costUsd: null, priced: false };
        out.set(j.label, s);
      }
      if (j.error) s.errors++;
      else s.verdicts++;
      if (j.cached) s.cached++;
      if (j.servedModel && !s.servedModels.includes(j.servedModel)) s.servedModels.push(j.servedModel);
      if (j.usage && !j.cached) {
        s.inputTokens += j.usage.inputTokens;
        s.outputTokens += j.usage.outputTokens;
      }
      if (j.costUsd !== undefined) s.costUsd = (s.costUsd ?? 0) + j.costUsd;
    }
  }
  return [...out.values()].map(({ priced: _p, ...s }) => s);
}
