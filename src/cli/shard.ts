// `run --shard i/n`: the slice of the plan this runner takes, and the tag its results file carries for `merge`.
import { UsageError } from '../core/errors.js';
import type { ModelConfig } from '../config/schema.js';
import { planRun, type WorkItem } from '../run/plan.js';
import { inShard, parseShard, planFingerprint } from '../run/shard.js';
import type { RunResult } from '../types/run.js';
import type { Suite } from '../types/suite.js';
import type { ParsedFlags } from './args.js';

/** What a sharded run needs: the item filter, the items it will run, and the tag for its results. */
export interface ShardPlan {
  include: (w: WorkItem) => boolean;
  total: number;
  tag: (run: RunResult) => RunResult;
}

/** The shard of `--shard i/n`, or undefined without the flag. */
export function shardPlan(values: ParsedFlags, suite: Suite, models: ModelConfig[]): ShardPlan | undefined {
  if (typeof values.shard !== 'string') return undefined;
  if (values.batch === true) throw new UsageError('--shard and --batch cannot be combined', 'a Batch API run is one job already: drop --shard, or drop --batch and run one shard per runner');
  const shard = parseShard(values.shard);
  const include = (w: WorkItem) => inShard(shard, w.model.label, w.kase.id, w.sample);
  const all = planRun(models, suite.cases);
  const info = { ...shard, plan: planFingerprint(suite, models), planned: all.length };
  return { include, total: all.filter(include).length, tag: (run) => ({ ...run, shard: info }) };
}
