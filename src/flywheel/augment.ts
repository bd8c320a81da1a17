// `augment`: prompts → answers (direct or Batch API, as a stored run) → the quality filter → fine-tune JSONL.
// The run is an ordinary stored run of the suite written into the output folder, so an interrupted augment is
// resumed (and a pending batch collected) by running the same command again; answers already paid for come
// from the run store or the response cache.
import type { Config } from '../config/load.js';
import type { ModelConfig } from '../config/schema.js';
import { collectRun, type BatchReport } from '../batch/collect.js';
import { loadBatchRun } from '../batch/result.js';
import { BatchStore } from '../batch/store.js';
import { submitBatchRun } from '../batch/submit.js';
import type { CacheMode, ResponseCache } from '../run/cache.js';
import { loadRun, runSession } from '../run/session.js';
import type { RunStore } from '../run/store.js';
import type { ItemResult, RunResult } from '../types/run.js';
import type { Suite } from '../types/suite.js';
import { filterCandidates, type Candidate, type FilterSummary } from './filter.js';
import type { PromptSet } from './prompts.js';
import { systemPromptOf } from './suite-file.js';

/** Everything an augment needs besides the suite it runs. */
export interface AugmentOptions {
  config: Config;
  model: ModelConfig;
  set: PromptSet;
  /** The suite written by `writeAugmentSuite` and loaded (absolute path in `suiteFile`). */
  suite: Suite;
  suiteFile: string;
  store: RunStore;
  outDir: string;
  batch: boolean;
  cache?: ResponseCache;
  cacheMode?: CacheMode;
  minScore: number;
  nearDup?: number;
  against?: readonly string[];
  signal?: AbortSignal;
  onItem?: (item: ItemResult) => void;
  concurrency?: number;
}

/** How an augment call ended. */
export type AugmentOutcome =
  | { state: 'done'; runId: string; resumed: boolean; run: RunResult; filter: FilterSummary; costUsd: number | null }
  | { state: 'batch_pending'; runId: string; submitted: boolean; batches: BatchReport[] | { model: string; batchId: string; lines: number }[] }
  | { state: 'interrupted'; runId: string; stored: number; total: number };

/** The newest unfinished run of this suite file and model, to resume instead of starting again. */
export function unfinishedRun(store: RunStore, suiteFile: string, label: string): { runId: string; batch: boolean } | undefined {
  for (const row of store.list()) {
    if (row.status === 'finished') continue;
    const meta = store.meta(row.runId);
    if (!meta?.entryFiles?.includes(suiteFile)) continue;
    if (meta.models.length !== 1 || meta.models[0]!.label !== label) continue;
    return { runId: row.runId, batch: meta.batch === true };
  }
  return undefined;
}

/** The answers of a finished run, one candidate per case × sample in prompt order (missing ones as errors). */
export function candidatesOf(run: RunResult, o: Pick<AugmentOptions, 'suite' | 'set'>): Candidate[] {
  const items = new Map(run.items.map((i) => [`${i.caseId}\u0000${i.sample}`, i]));
  const system = systemPromptOf(o.set);
  const out: Candidate[] = [];
  for (const c of o.suite.cases) {
    const prompt = o.set.prompts.find((p) => p.id === c.id)?.prompt ?? c.prompt;
    for (let s = 1; s <= c.samples; s++) {
      const item = items.get(`${c.id}\u0000${s}`);
      const id = c.samples > 1 ? `${c.id}#${s}` : c.id;
      if (!item || item.answer === null) out.push({ id, system, prompt, answer: null, error: item?.error?.message ?? 'not answered' });
      else out.push({ id, system, prompt, answer: item.answer });
    }
  }
  return out;
}

async function finish(o: AugmentOptions, runId: string, resumed: boolean, batch: boolean): Promise<AugmentOutcome> {
  const run = (batch ? loadBatchRun(o.store, runId) : undefined) ?? loadRun(o.store, runId)!;
  const filter = await filterCandidates(candidatesOf(run, o), {
    outDir: o.outDir,
    check: { minScore: o.minScore, ...(o.nearDup !== undefined ? { nearDup: o.nearDup } : {}) },
    against: o.against ?? [],
  });
  const costUsd = run.models[0]?.costUsd ?? null;
  return { state: 'done', runId, resumed, run, filter, costUsd };
}

/** Runs (or resumes, or collects) the augment run, then filters its answers into the output folder. */
export async function augment(o: AugmentOptions): Promise<AugmentOutcome> {
  const previous = unfinishedRun(o.store, o.suiteFile, o.model.label);
  const compiler = o.config.compiler;
  if (o.batch || previous?.batch) {
    const batches = new BatchStore(o.store.file);
    try {
      const common = { store: o.store, batches, cache: o.cache, cacheMode: o.cacheMode, compiler };
      if (!previous?.batch) {
        const { runId, sent } = await submitBatchRun(o.suite, [o.model], { ...common, configFile: o.config.file, entryFiles: [o.suiteFile] });
        if (o.store.status(runId)?.status === 'finished') return await finish(o, runId, false, true);
        return { state: 'batch_pending', runId, submitted: true, batches: sent };
      }
      const res = await collectRun(previous.runId, { ...common, suite: o.suite, models: [o.model] });
      if (res.pending.length > 0) return { state: 'batch_pending', runId: previous.runId, submitted: false, batches: res.batches };
      return await finish(o, previous.runId, true, true);
    } finally {
      batches.close();
    }
  }
  const run = await runSession({
    suite: o.suite,
    models: [o.model],
    store: o.store,
    cache: o.cache,
    cacheMode: o.cacheMode,
    ...(previous ? { resume: previous.runId } : {}),
    configFile: o.config.file,
    entryFiles: [o.suiteFile],
    signal: o.signal,
    concurrency: o.concurrency,
    ...(compiler ? { compiler } : {}),
    onItem: o.onItem,
  });
  if (run.status === 'interrupted') {
    const total = o.suite.cases.reduce((s, c) => s + c.samples, 0);
    return { state: 'interrupted', runId: run.runId, stored: run.items.length, total };
  }
  return finish(o, run.runId, previous !== undefined, false);
}
