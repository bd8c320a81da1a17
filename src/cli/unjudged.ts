// Items a run could not judge (the provider failed, or the compiler did): they are not the model's failures, but a CI
// step must not pass on them unnoticed. Grouped by model and cause, each with its count and first message.
import { errorDetail, errorGroups, type ErrorGroup } from '../analysis/errors.js';
import type { RunResult } from '../types/run.js';

/** One group of unjudged items. */
export type UnjudgedGroup = ErrorGroup;

/** Items of the run that ended in a provider error or a compiler problem, grouped by model and cause. */
export function unjudged(run: RunResult): UnjudgedGroup[] {
  return errorGroups(run);
}

/** Lines for the terminal: one per group (model, count, cause, first message, server text, host:port), then the count against the allowance. */
export function unjudgedLines(groups: readonly UnjudgedGroup[], allowed: number): string[] {
  const total = groups.reduce((s, g) => s + g.count, 0);
  return [
    `${total} item${total === 1 ? '' : 's'} could not be judged (allowed: ${allowed}):`,
    ...groups.map((g) => `  ${g.model}: ${g.count} × ${g.cause}: ${errorDetail(g)}`),
  ];
}
