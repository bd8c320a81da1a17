// Splits a run's plan over CI runners: `run --shard i/n` runs the items whose shard is i. Pure and deterministic.
import { createHash } from 'node:crypto';
import { UsageError } from '../core/errors.js';
import type { ModelConfig } from '../config/schema.js';
import type { CaseSpec } from '../types/suite.js';

/** One slice of a plan: `index` of `count`, 1-based. */
export interface Shard {
  index: number;
  count: number;
}

/** Parses `i/n` (1 ≤ i ≤ n). */
export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count) throw new UsageError(`--shard ${text}: expected i/n with 1 ≤ i ≤ n, e.g. --shard 2/3`, 'run the same command with --shard 1/n … n/n, one per runner, then `l4d2-eval merge`');
  return { index, count };
}

/**
 * The shard (1-based) of one model × case × sample. The model and case pick a starting shard by hash, and the
 * samples of that pair go round from there: an item's shard depends only on its own names, so adding or removing
 * other cases moves nothing, and a case with n samples or more spreads them evenly over the n shards.
 */
export function shardOf(model: string, caseId: string, sample: number, count: number): number {
  if (count <= 1) return 1;
  const h = createHash('sha256').update(`${model}\u0000${caseId}`).digest();
  return ((h.readUInt32BE(0) + sample - 1) % count) + 1;
}

/** True when the item belongs to `shard`. */
export function inShard(shard: Shard, model: string, caseId: string, sample: number): boolean {
  return shardOf(model, caseId, sample, shard.count) === shard.index;
}

/** The parts of a plan that must be equal for shards to be joined: the suite's cases and the models' settings. */
export function planFingerprint(suite: { name: string; cases: readonly CaseSpec[] }, models: readonly Pick<ModelConfig, 'label' | 'id' | 'provider' | 'params'>[]): string {
  const plan = {
    suite: suite.name,
    cases: suite.cases.map((c) => ({ id: c.id, category: c.category, weight: c.weight, prompt: c.prompt, system: c.system, samples: c.samples, passScore: c.passScore, params: c.params, checks: c.checks.map((k) => ({ kind: k.kind, id: k.id, weight: k.weight, required: k.required, options: k.options })) })),
    models: models.map((m) => ({ label: m.label, id: m.id, provider: m.provider, params: m.params ?? null })),
  };
  return createHash('sha256').update(JSON.stringify(plan)).digest('hex').slice(0, 16);
}
