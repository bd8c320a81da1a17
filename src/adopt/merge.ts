// Joins the results of `run --shard i/n` into the one run an unsharded run would have made: same items in plan
// order, figures recomputed from them. Refuses anything that would not be that run: shards of different plans, a
// shard missing or given twice, an item in the wrong shard, an interrupted shard.
import { UserError } from '../core/errors.js';
import { assembleRun } from '../run/assemble.js';
import { newRunId } from '../run/run.js';
import { shardOf } from '../run/shard.js';
import type { ModelCounters } from '../run/store.js';
import type { ModelConfig } from '../config/schema.js';
import type { RunResult, ShardInfo } from '../types/run.js';

/** One shard's results and the file they came from (for messages). */
export interface ShardFile {
  file: string;
  run: RunResult;
}

const HINT = 'pass the results.json of every `run --shard i/n` of one run (same suite, config and n), each once';
const itemKey = (model: string, caseId: string, sample: number) => `${model}\u0000${caseId}\u0000${sample}`;

function shardInfo({ file, run }: ShardFile): ShardInfo {
  if (!run.shard) throw new UserError('E_MERGE', `${file} is not the results of a sharded run (no "shard" field)`, `write it with \`l4d2-eval run --shard i/n\`; ${HINT}`);
  if (run.status === 'interrupted') throw new UserError('E_MERGE', `${file}: shard ${run.shard.index}/${run.shard.count} was interrupted (run ${run.runId})`, `finish it with \`l4d2-eval run --resume ${run.runId} --shard ${run.shard.index}/${run.shard.count}\`, then merge again`);
  return run.shard;
}

/** Checks that the files are exactly the n shards of one plan; returns them ordered by shard index. */
export function checkShards(files: ShardFile[]): ShardFile[] {
  if (files.length === 0) throw new UserError('E_USAGE', 'merge needs the results.json of every shard', HINT);
  const first = files[0]!;
  const ref = shardInfo(first);
  const byIndex = new Map<number, ShardFile>();
  for (const f of files) {
    const s = shardInfo(f);
    if (s.plan !== ref.plan || s.count !== ref.count || f.run.suite.name !== first.run.suite.name) {
      throw new UserError(
        'E_MERGE',
        `${f.file} is from another run plan than ${first.file}: suite "${f.run.suite.name}", ${s.count} shards, plan ${s.plan} against suite "${first.run.suite.name}", ${ref.count} shards, plan ${ref.plan}`,
        `the suite, the models' settings and n of --shard i/n must be the same for every shard; ${HINT}`,
      );
    }
    const twice = byIndex.get(s.index);
    if (twice) throw new UserError('E_MERGE', `shard ${s.index}/${s.count} is given twice: ${twice.file} and ${f.file}`, HINT);
    byIndex.set(s.index, f);
  }
  const missing = Array.from({ length: ref.count }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
  if (missing.length > 0) throw new UserError('E_MERGE', `shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${ref.count}`).join(', ')} missing (${files.length} of ${ref.count} given)`, HINT);
  return [...byIndex.entries()].sort(([a], [b]) => a - b).map(([, f]) => f);
}

function sumCounters(runs: RunResult[], label: string): ModelCounters | undefined {
  const ms = runs.map((r) => r.models.find((m) => m.label === label)).filter((m) => m?.requests !== undefined);
  if (ms.length === 0) return undefined;
  return { requests: ms.reduce((s, m) => s + (m!.requests ?? 0), 0), retries: ms.reduce((s, m) => s + (m!.retries ?? 0), 0), cachedResponses: ms.reduce((s, m) => s + (m!.cachedResponses ?? 0), 0) };
}

/** Joins the shards of one run into one RunResult, as an unsharded run of the same plan would have written it. */
export function mergeShards(files: ShardFile[]): RunResult {
  const shards = checkShards(files);
  const first = shards[0]!.run;
  const { count, planned } = first.shard!;
  const seen = new Map<string, string>();
  for (const { file, run } of shards) {
    for (const it of run.items) {
      const key = itemKey(it.model, it.caseId, it.sample);
      const other = seen.get(key);
      if (other) throw new UserError('E_MERGE', `${it.model} × ${it.caseId} sample ${it.sample} is in both ${other} and ${file}: the shards overlap`, HINT);
      seen.set(key, file);
      const own = shardOf(it.model, it.caseId, it.sample, count);
      if (own !== run.shard!.index) throw new UserError('E_MERGE', `${file}: ${it.model} × ${it.caseId} sample ${it.sample} belongs to shard ${own}/${count}, not ${run.shard!.index}/${count}`, HINT);
    }
  }
  if (seen.size !== planned) {
    throw new UserError('E_MERGE', `the shards hold ${seen.size} items but the plan has ${planned}`, `a shard was written by an older harness or edited; run the shards again. ${HINT}`);
  }
  const modelIdx = new Map(first.models.map((m, i) => [m.label, i]));
  const caseIdx = new Map(first.cases.map((c, i) => [c.id, i]));
  const all = shards.map((s) => s.run);
  const items = all.flatMap((r) => r.items).sort((a, b) => modelIdx.get(a.model)! - modelIdx.get(b.model)! || caseIdx.get(a.caseId)! - caseIdx.get(b.caseId)! || a.sample - b.sample);
  const counters = Object.fromEntries(first.models.flatMap((m) => {
    const c = sumCounters(all, m.label);
    return c ? [[m.label, c]] : [];
  }));
  const startedAt = all.map((r) => r.startedAt).sort()[0]!;
  const merged = assembleRun({
    runId: newRunId(new Date(startedAt)),
    suite: first.suite,
    startedAt,
    finishedAt: all.map((r) => r.finishedAt).sort().at(-1)!,
    // Prices are not in the results; each shard's cost is, and costs add up.
    models: first.models.map((m) => ({ label: m.label, id: m.modelId, provider: m.provider as ModelConfig['provider'] })),
    cases: first.cases,
    items,
    ...(Object.keys(counters).length > 0 ? { counters } : {}),
  });
  for (const m of merged.models) {
    const costs = all.map((r) => r.models.find((x) => x.label === m.label)?.costUsd ?? null);
    m.costUsd = costs.every((c) => c === null) ? null : costs.reduce<number>((s, c) => s + (c ?? 0), 0);
    const answers = first.models.find((x) => x.label === m.label)?.answers;
    if (answers) m.answers = answers;
  }
  return merged;
}
