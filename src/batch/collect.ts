// `batch collect`: reads every uncollected batch of a run; a finished one has its output and error
// files downloaded, each line mapped back by custom_id, judged, stored and cached. Items with no
// answer are stored as errors and listed as missing, so `--resubmit` can send only those.
import type { CompilerSettings } from '../../evaluators/core/types.js';
import type { ModelConfig } from '../config/schema.js';
import { cacheKey, type CacheMode, type ResponseCache } from '../run/cache.js';
import type { RunStore } from '../run/store.js';
import type { CompletionResult } from '../types/provider.js';
import type { Suite } from '../types/suite.js';
import { BatchClient, TERMINAL, type BatchState } from './client.js';
import { batchItem, errorItem, type BatchWork } from './item.js';
import { parseResultLines } from './lines.js';
import type { ItemHook } from '../run/hooks.js';
import type { BatchStore } from './store.js';
import { planBatch } from './submit.js';

/** A batch's state as seen by this collect. */
export interface BatchReport extends BatchState {
  model: string;
  /** True when it was collected now or before. */
  collected: boolean;
}

/** An item of the run without an answer. */
export interface MissingItem {
  model: string;
  caseId: string;
  sample: number;
  reason: string;
}

/** Options of a collect. */
export interface CollectOptions {
  store: RunStore;
  batches: BatchStore;
  suite: Suite;
  /** The run's models, resolved from the config (the store keeps no keys). */
  models: ModelConfig[];
  cache?: ResponseCache;
  cacheMode?: CacheMode;
  compiler?: CompilerSettings;
  /** Grades model-graded (`judge`) checks at collect time through the judge's direct API (src/judge). */
  afterJudge?: ItemHook;
}

/** The state of every batch of the run (no download); collected ones are not asked again. */
export async function batchStates(runId: string, o: Pick<CollectOptions, 'batches' | 'models'>): Promise<BatchReport[]> {
  const clients = new Map<string, BatchClient>();
  const out: BatchReport[] = [];
  for (const b of o.batches.batches(runId)) {
    const model = o.models.find((m) => m.label === b.model);
    if (!model) throw new Error(`model ${b.model} of batch ${b.batchId} is not in the run`);
    const client = clients.get(b.model) ?? new BatchClient(model);
    clients.set(b.model, client);
    out.push({ ...(await client.state(b.batchId)), model: b.model, collected: b.collectedAt !== null });
  }
  return out;
}

const workKey = (label: string, caseId: string, sample: number) => `${label}\u0000${caseId}\u0000${sample}`;

/** Downloads, judges and stores one terminal batch. */
async function collectOne(runId: string, state: BatchReport, client: BatchClient, work: Map<string, BatchWork>, o: CollectOptions): Promise<void> {
  const [output, errors] = await Promise.all([state.outputFileId ? client.download(state.outputFileId) : undefined, state.errorFileId ? client.download(state.errorFileId) : undefined]);
  const results = parseResultLines(output, errors);
  for (const row of o.batches.items(state.id)) {
    const w = work.get(workKey(row.model, row.caseId, row.sample));
    if (!w) continue; // the case left the suite since the batch was sent; nothing to judge it with
    const res: CompletionResult = results.get(row.customId) ?? { error: { code: 'batch_missing', message: `no result line: the batch ended ${state.status}`, retryable: true }, latencyMs: 0, cached: false };
    // The stored request, not today's suite, is what was answered: it keys the cache entry.
    const req = { label: row.model, modelId: w.modelId, caseId: row.caseId, sample: row.sample, messages: row.messages, params: row.params };
    if (res.text !== undefined && o.cache && o.cacheMode !== 'off') o.cache.put(cacheKey(client.cacheScope, req), req, res);
    const item = await batchItem(w, res, o.compiler);
    o.store.putItem(runId, o.afterJudge && item.answer !== null ? await o.afterJudge(item, w.kase) : item);
  }
  o.batches.markCollected(state.id);
}

/** Collects what is ready; when no batch is left pending the run is finished (missing items stored as errors). */
export async function collectRun(runId: string, o: CollectOptions): Promise<{ batches: BatchReport[]; pending: BatchReport[]; missing: MissingItem[] }> {
  const work = new Map(planBatch(o.suite, o.models).map((w) => [workKey(w.label, w.kase.id, w.sample), w]));
  const states = await batchStates(runId, o);
  const clients = new Map(o.models.map((m) => [m.label, m]));
  for (const s of states) {
    if (s.collected || !TERMINAL.has(s.status)) continue;
    await collectOne(runId, s, new BatchClient(clients.get(s.model)!), work, o);
    s.collected = true;
  }
  const pending = states.filter((s) => !s.collected);
  if (pending.length > 0) return { batches: states, pending, missing: [] };
  const stored = new Map(o.store.items(runId).map((i) => [workKey(i.model, i.caseId, i.sample), i]));
  const missing: MissingItem[] = [];
  for (const [key, w] of work) {
    const item = stored.get(key);
    if (item && item.status !== 'error') continue;
    if (!item) o.store.putItem(runId, errorItem(w, { code: 'batch_missing', message: 'never sent in a batch (the submission stopped early)', retryable: true }));
    missing.push({ model: w.label, caseId: w.kase.id, sample: w.sample, reason: item?.error?.message ?? 'never sent in a batch' });
  }
  if (o.store.status(runId)?.status !== 'finished') o.store.setStatus(runId, 'finished');
  return { batches: states, pending, missing };
}

/** The work of the missing items, to send again with `sendWork`. */
export function missingWork(o: Pick<CollectOptions, 'suite' | 'models'>, missing: MissingItem[]): BatchWork[] {
  const keys = new Set(missing.map((m) => workKey(m.model, m.caseId, m.sample)));
  return planBatch(o.suite, o.models).filter((w) => keys.has(workKey(w.label, w.kase.id, w.sample)));
}
