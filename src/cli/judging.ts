// The judge side of `run`, `run --batch` and `batch collect`: which judge models a suite needs (checked before
// anything is sent), the hook that grades `judge` checks, and the line that reports the judges' cost.
import type { Config } from '../config/load.js';
import type { ModelConfig } from '../config/schema.js';
import { createJudging, judgeSpecs, resolveJudges, type Judging } from '../judge/grade.js';
import type { CacheMode, ResponseCache } from '../run/cache.js';
import type { RunResult } from '../types/run.js';
import type { Suite } from '../types/suite.js';
import { estimateRun } from '../cost/estimate.js';
import { UserError } from '../core/errors.js';
import { estimateJudges } from '../judge/estimate.js';
import type { RunStore } from '../run/store.js';
import type { RunSource } from '../compare/sources.js';
import { openCache } from './live-run.js';

/** The judge models of a suite's `judge` checks (none without such checks); a usage error when one is missing. */
export function judgeModelsOf(suite: Pick<Suite, 'cases'>, config: Config): ModelConfig[] {
  return judgeSpecs(suite).length > 0 ? resolveJudges(suite, config) : [];
}

/** The judging of a run, sharing the run's response cache. */
export function judgingOf(suite: Pick<Suite, 'cases'>, config: Config, cache: ResponseCache | undefined, cacheMode: CacheMode): Judging | undefined {
  return createJudging(suite, config, { ...(cache ? { cache } : {}), cacheMode });
}

/** The judge of `gate` and `compare` when they run the suite for model labels: as `run`'s (refused when a judge model
 * is missing, graded through the response cache, the judge not an evaluated model). */
export function labelJudge(config: Config, cacheMode: CacheMode): NonNullable<RunSource['judge']> {
  return (suite) => {
    const judges = judgeModelsOf(suite, config);
    if (judges.length === 0) return undefined;
    const cache = openCache(config, judges, cacheMode);
    const judging = judgingOf(suite, config, cache, cacheMode)!;
    return { hook: judging.hook, close: () => cache?.close() };
  };
}

/** `Judge grader (gpt-4o-2024-08-06): 12 verdicts, 0 errors, 12 cached, $0.0000` lines, apart from the models. */
export function judgeLines(run: Pick<RunResult, 'judges'>): string[] {
  return (run.judges ?? []).map((j) => {
    const served = j.servedModels.length > 0 ? j.servedModels.join(', ') : j.modelId;
    const cost = j.costUsd === null ? 'no pricing' : `$${j.costUsd.toFixed(4)}`;
    return `Judge ${j.label} (${served}): ${j.verdicts} verdict${j.verdicts === 1 ? '' : 's'}, ${j.errors} error${j.errors === 1 ? '' : 's'}, ${j.cached} cached, ${j.inputTokens} in / ${j.outputTokens} out tokens, ${cost}`;
  });
}

/** `--max-cost` with the judge calls counted: refuses to start when the models' and the judges' estimate together are
 * above the limit (the models alone are checked by `enforceMaxCost`). */
export function enforceMaxCostWithJudges(limit: number | undefined, suite: Suite, models: ModelConfig[], config: Config, store: RunStore): void {
  if (limit === undefined) return;
  const judges = judgeModelsOf(suite, config);
  if (judges.length === 0) return;
  const history = store.outputTokensByCase();
  const answers = estimateRun(suite, models.filter((m) => m.provider !== 'replay'), history).reduce((s, e) => s + (e.direct ?? 0), 0);
  const judging = estimateJudges(suite, models, judges, config, history).reduce((s, e) => s + (e.direct ?? 0), 0);
  if (answers + judging > limit) {
    throw new UserError('E_COST', `estimated cost $${(answers + judging).toFixed(4)} (of which the judge $${judging.toFixed(4)}) is above --max-cost $${limit.toFixed(2)}; nothing was sent`, 'see `l4d2-eval estimate` for the detail, or raise --max-cost');
  }
}
