// Runs a suite against models: ask each provider, judge each answer, summarise. Failures are data.
import { randomBytes } from 'node:crypto';
import { createProvider } from '../providers/index.js';
import { summarizeModel } from '../score/summary.js';
import type { ModelConfig } from '../config/schema.js';
import type { ChatMessage, Provider } from '../types/provider.js';
import type { ItemResult, RunResult } from '../types/run.js';
import type { Suite } from '../types/suite.js';
import { HARNESS_VERSION } from '../version.js';
import { judgeAnswer } from './judge.js';
import { mapLimit } from './pool.js';
import { planRun, type WorkItem } from './plan.js';

/** Options of a run. */
export interface RunOptions {
  suite: Suite;
  models: ModelConfig[];
  /** Items in flight at once (default 8). */
  concurrency?: number;
  signal?: AbortSignal;
  /** Called as each item finishes (progress, stores). */
  onItem?: (item: ItemResult) => void;
}

/** A sortable, unique run id: `20261127-054000-1a2b3c`. */
export function newRunId(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `${stamp}-${randomBytes(3).toString('hex')}`;
}

async function runItem(work: WorkItem, provider: Provider, signal?: AbortSignal): Promise<ItemResult> {
  const { model, kase, sample } = work;
  const messages: ChatMessage[] = [
    { role: 'system', content: kase.system },
    { role: 'user', content: kase.prompt },
  ];
  const res = await provider.complete(
    { label: model.label, modelId: model.id, caseId: kase.id, sample, messages, params: { ...kase.params, ...model.params } },
    { signal },
  );
  const base = { model: model.label, caseId: kase.id, category: kase.category, sample, latencyMs: res.latencyMs, cached: res.cached, usage: res.usage };
  if (res.error || res.text === undefined) {
    const error = res.error ?? { code: 'invalid_response', message: 'provider returned neither text nor error', retryable: false };
    return { ...base, status: 'error', score: null, answer: null, code: '', checks: [], syntax: null, api: null, warnings: [], error };
  }
  return { ...base, answer: res.text, ...(await judgeAnswer(res.text, kase.checks, kase.passScore)) };
}

/** Runs the suite and returns the full result. Never throws for a model or answer problem. */
export async function executeRun(options: RunOptions): Promise<RunResult> {
  const startedAt = new Date();
  const runId = newRunId(startedAt);
  const providers = new Map(options.models.map((m) => [m.label, createProvider(m)]));
  const work = planRun(options.models, options.suite.cases);
  const items = await mapLimit(work, options.concurrency ?? 8, async (w) => {
    const item = await runItem(w, providers.get(w.model.label)!, options.signal);
    options.onItem?.(item);
    return item;
  });
  const cases = options.suite.cases;
  return {
    schemaVersion: 1,
    runId,
    harnessVersion: HARNESS_VERSION,
    suite: { name: options.suite.name, description: options.suite.description, files: options.suite.files, passScore: cases[0]?.passScore ?? 7 },
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    models: options.models.map((m) => summarizeModel(m, items.filter((i) => i.model === m.label), cases)),
    cases: cases.map((c) => ({ id: c.id, category: c.category, tags: c.tags, weight: c.weight, prompt: c.prompt })),
    items,
  };
}
