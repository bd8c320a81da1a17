// Items a run could not judge (the provider failed, or the compiler did): they are not the model's failures, but a CI
// step must not pass on them unnoticed. Grouped by model and cause, each with its count and first message.
import type { RunResult } from '../types/run.js';

/** One group of unjudged items. */
export interface UnjudgedGroup {
  model: string;
  cause: string;
  count: number;
  first: string;
}

/** Items of the run that ended in a provider error or a compiler problem, grouped by model and cause. */
export function unjudged(run: RunResult): UnjudgedGroup[] {
  const groups = new Map<string, UnjudgedGroup>();
  for (const item of run.items) {
    const cause = item.error ? `provider: ${item.error.code}` : item.compile?.problem ? 'compiler problem' : undefined;
    if (!cause) continue;
    const key = `${item.model}\0${cause}`;
    const g = groups.get(key);
    if (g) g.count++;
    else groups.set(key, { model: item.model, cause, count: 1, first: item.error?.message ?? item.compile?.problem ?? '' });
  }
  return [...groups.values()];
}

/** Lines for the terminal: one per group, then the count against the allowance. */
export function unjudgedLines(groups: readonly UnjudgedGroup[], allowed: number): string[] {
  const total = groups.reduce((s, g) => s + g.count, 0);
  return [
    `${total} item${total === 1 ? '' : 's'} could not be judged (allowed: ${allowed}):`,
    ...groups.map((g) => `  ${g.model}: ${g.count} × ${g.cause}: ${g.first}`),
  ];
}
