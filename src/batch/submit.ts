// `run --batch`: registers the run, answers what the cache already has, writes one request JSONL
// per model (the Batch API takes a single model per file), uploads it, creates the batch and
// records everything in the store, then leaves the run `batch_pending` for `batch collect`.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CompilerSettings } from '../../evaluators/core/types.js';
import type { ModelConfig } from '../config/schema.js';
import { cacheKey, type CacheMode, type ResponseCache } from '../run/cache.js';
import { newRunId } from '../run/run.js';
import { storedModel, type ModelCounters, type RunMeta, type RunStore } from '../run/store.js';
import type { Suite } from '../types/suite.js';
import { BatchClient } from './client.js';
import { batchItem, requestOf, type BatchWork } from './item.js';
import type { ItemHook } from '../run/hooks.js';
import { customId, requestLine } from './lines.js';
import type { BatchStore } from './store.js';

/** A batch created for one model. */
export interface SentBatch {
  model: string;
  batchId: string;
  lines: number;
  requestFile: string;
}

/** What the harness needs to send batches for a run. */
export interface SendOptions {
  store: RunStore;
  batches: BatchStore;
  cache?: ResponseCache;
  cacheMode?: CacheMode;
  compiler?: CompilerSettings;
  /** Grades model-graded (`judge`) checks of each judged answer through the judge's direct API (src/judge). */
  afterJudge?: ItemHook;
}

/** Every model × case × sample of a run, with the request a direct run would send. */
export function planBatch(suite: Suite, models: readonly ModelConfig[]): BatchWork[] {
  return models.flatMap((m) => suite.cases.flatMap((kase) => Array.from({ length: kase.samples }, (_, s) => ({ label: m.label, modelId: m.id, kase, sample: s + 1, ...requestOf(kase, m.params) }))));
}

/**
 * Sends `work` for a registered run: cached answers are judged and stored at once, the rest go
 * into one batch per model. Returns the batches created; adds the counters to the run.
 */
export async function sendWork(runId: string, models: readonly ModelConfig[], work: BatchWork[], o: SendOptions): Promise<SentBatch[]> {
  // Clients first: a non-openai model or a missing key fails before anything is sent.
  const clients = new Map(models.map((m) => [m.label, new BatchClient(m)]));
  const counters: Record<string, ModelCounters> = {};
  const sent: SentBatch[] = [];
  const dir = path.join(path.dirname(o.store.file), 'batches');
  let failed = true;
  try {
    for (const [label, client] of clients) {
      const mine = work.filter((w) => w.label === label);
      const todo: BatchWork[] = [];
      let cached = 0;
      for (const w of mine) {
        const hit = o.cache && o.cacheMode === 'use' ? o.cache.get(cacheKey(client.cacheScope, { label, modelId: w.modelId, caseId: w.kase.id, sample: w.sample, messages: w.messages, params: w.params })) : undefined;
        if (hit) {
          const item = await batchItem(w, hit, o.compiler);
          o.store.putItem(runId, o.afterJudge && item.answer !== null ? await o.afterJudge(item, w.kase) : item);
          cached++;
        } else todo.push(w);
      }
      counters[label] = { requests: 0, retries: 0, cachedResponses: cached };
      if (todo.length === 0) continue;
      const lines = todo.map((w) => ({ w, id: customId(runId, label, w.kase.id, w.sample) }));
      const jsonl = lines.map(({ w, id }) => JSON.stringify(requestLine(id, w.modelId, w.messages, w.params))).join('\n') + '\n';
      const requestFile = path.join(dir, `${runId}-${label}-${Date.now()}.jsonl`);
      mkdirSync(dir, { recursive: true });
      writeFileSync(requestFile, jsonl);
      const { batchId, inputFileId } = await client.submit(jsonl, path.basename(requestFile));
      o.batches.addBatch(
        { batchId, runId, model: label, inputFileId, requestFile, createdAt: new Date().toISOString() },
        lines.map(({ w, id }) => ({ customId: id, model: label, caseId: w.kase.id, sample: w.sample, messages: w.messages, params: w.params })),
      );
      counters[label] = { ...counters[label]!, requests: todo.length };
      sent.push({ model: label, batchId, lines: todo.length, requestFile });
    }
    failed = false;
  } finally {
    // Even after a failed upload the batches already created are recorded, so `batch collect` finds them.
    const pending = o.batches.batches(runId).some((b) => b.collectedAt === null);
    o.store.setStatus(runId, pending ? 'batch_pending' : failed ? 'interrupted' : 'finished', counters);
  }
  return sent;
}

/** Registers a new batch run and sends all its work; the run is finished at once when everything was cached. */
export async function submitBatchRun(suite: Suite, models: ModelConfig[], o: SendOptions & { configFile?: string; entryFiles?: string[] }): Promise<{ runId: string; sent: SentBatch[] }> {
  for (const m of models) new BatchClient(m); // a non-openai model or a missing key fails before the run is registered
  const startedAt = new Date();
  const meta: RunMeta = {
    runId: newRunId(startedAt),
    startedAt: startedAt.toISOString(),
    suite: { name: suite.name, description: suite.description, files: suite.files, passScore: suite.cases[0]?.passScore ?? 7 },
    cases: suite.cases.map((c) => ({ id: c.id, category: c.category, tags: c.tags, weight: c.weight, prompt: c.prompt })),
    models: models.map(storedModel),
    batch: true,
    ...(o.configFile ? { configFile: o.configFile } : {}),
    ...(o.entryFiles ? { entryFiles: o.entryFiles } : {}),
  };
  o.store.beginRun(meta);
  const sent = await sendWork(meta.runId, models, planBatch(suite, models), o);
  return { runId: meta.runId, sent };
}
