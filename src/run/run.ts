// Runs a suite against models: ask each provider, judge each answer, summarise. Failures are data.
import { randomBytes } from 'node:crypto';
import { createProvider } from '../providers/index.js';
import type { ModelConfig } from '../config/schema.js';
import type { ChatMessage, CompletionRequest, CompletionResult } from '../types/provider.js';
import type { ItemResult, RunResult } from '../types/run.js';
import type { CheckSpec, Suite } from '../types/suite.js';
import type { CompilerSettings } from '../../evaluators/core/types.js';
import { assembleRun } from './assemble.js';
import { cacheKey, type ResponseCache } from './cache.js';
import { judgeAnswer, type Judgement } from './judge.js';
import { judgementKey, judgingScope } from './judgement-key.js';
import { ModelClient, type LiveOptions } from './live.js';
import { mapLimit } from './pool.js';
import { planRun, type WorkItem } from './plan.js';
import type { ItemHook } from './hooks.js';

/** Options of a run. */
export interface RunOptions {
  suite: Suite;
  models: ModelConfig[];
  /** Items in flight at once across all models (default: the sum of the models' own limits). */
  concurrency?: number;
  /** Requests in flight per model, over each model's own `concurrency` (default: the model's, else 8). */
  modelConcurrency?: number;
  signal?: AbortSignal;
  /** Called as each item finishes (progress, stores); not for items cut short by the signal. */
  onItem?: (item: ItemResult) => void;
  /** Reuse this id (a resumed run or a run already registered in the store). */
  runId?: string;
  startedAt?: Date;
  /** Items already finished (resume): not asked again, kept in the result. */
  done?: ItemResult[];
  /** Response cache, cache mode and scheduler overrides. */
  live?: LiveOptions;
  /** The config's `compiler:` section (spcomp path, include folders, limits). */
  compiler?: CompilerSettings;
  /** Only the plan items this returns true for (a shard of the plan: `run --shard i/n`). */
  include?: (work: WorkItem) => boolean;
  /** Runs after each answer's pure checks (model-graded `judge` checks, src/judge). */
  afterJudge?: ItemHook;
}

const itemKey = (model: string, caseId: string, sample: number) => `${model}\u0000${caseId}\u0000${sample}`;

/** Round-robin over models so every model's own concurrency limit is used from the start. */
function interleave(work: WorkItem[]): number[] {
  const byModel = new Map<string, number[]>();
  work.forEach((w, i) => {
    const list = byModel.get(w.model.label);
    if (list) list.push(i);
    else byModel.set(w.model.label, [i]);
  });
  const lists = [...byModel.values()];
  const order: number[] = [];
  for (let k = 0; order.length < work.length; k++) for (const l of lists) if (k < l.length) order.push(l[k]!);
  return order;
}

/**
 * Labels of the models whose every item of this plan is already in the response cache: a run asks them nothing, so
 * their server, key and price need not be checked before it (the answers cost nothing and need no network).
 */
export function fullyCachedModels(cache: ResponseCache | undefined, models: readonly ModelConfig[], cases: Suite['cases'], include?: (work: WorkItem) => boolean): Set<string> {
  const labels = new Set<string>();
  if (!cache) return labels;
  const work = planRun([...models], cases).filter((w) => include?.(w) ?? true);
  for (const model of models) {
    const scope = createProvider(model).cacheScope;
    if (!scope) continue;
    const keys = work.filter((w) => w.model.label === model.label).map((w) => cacheKey(scope, requestFor(w)));
    if (keys.length > 0 && cache.existing(keys).size === keys.length) labels.add(model.label);
  }
  return labels;
}

/** A sortable, unique run id: `20261127-054000-1a2b3c`. */
export function newRunId(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `${stamp}-${randomBytes(3).toString('hex')}`;
}

/** The chat request of one work item: the suite's system prompt, the case prompt, case params under model params. */
export function requestFor(work: WorkItem): CompletionRequest {
  const { model, kase, sample } = work;
  const messages: ChatMessage[] = [
    { role: 'system', content: kase.system },
    { role: 'user', content: kase.prompt },
  ];
  return { label: model.label, modelId: model.id, caseId: kase.id, sample, messages, params: { ...kase.params, ...model.params } };
}

/** Judges answers, reusing a stored judgement of the same answer, checks and judging environment when allowed. */
type Judge = (answer: string, checks: readonly CheckSpec[], passScore: number) => Promise<Judgement>;

function judgeWith(compiler: CompilerSettings | undefined, live: LiveOptions | undefined): Judge {
  const options = compiler ? { compiler } : {};
  const cache = live?.cache;
  const mode = live?.cacheMode ?? 'use';
  const scope = cache && mode !== 'off' ? judgingScope(compiler) : undefined;
  if (!cache || scope === undefined) return (answer, checks, passScore) => judgeAnswer(answer, checks, passScore, options);
  return async (answer, checks, passScore) => {
    const key = judgementKey(scope, checks, passScore, answer);
    const stored = mode === 'use' ? cache.judgement(key) : undefined;
    if (stored) return stored;
    const judged = await judgeAnswer(answer, checks, passScore, options);
    if (judged.status !== 'error') cache.putJudgement(key, judged);
    return judged;
  };
}

/** The item of an answer (or of the provider's error): the answer judged by the pure checks. */
async function judgedItem(work: WorkItem, res: CompletionResult, judge: Judge): Promise<ItemResult> {
  const { model, kase, sample } = work;
  const base = { model: model.label, caseId: kase.id, category: kase.category, sample, latencyMs: res.latencyMs, cached: res.cached, usage: res.usage };
  if (res.error || res.text === undefined) {
    const error = res.error ?? { code: 'invalid_response', message: 'provider returned neither text nor error', retryable: false };
    return { ...base, status: 'error', score: null, answer: null, code: '', checks: [], syntax: null, api: null, warnings: [], error };
  }
  return { ...base, answer: res.text, ...(await judge(res.text, kase.checks, kase.passScore)) };
}

/** Resolves on the next turn of the event loop, after pending I/O (requests just started get written first). */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Runs the suite and returns the full result. Never throws for a model or answer problem. */
export async function executeRun(options: RunOptions): Promise<RunResult> {
  const startedAt = options.startedAt ?? new Date();
  const runId = options.runId ?? newRunId(startedAt);
  const live = { ...options.live, concurrency: options.live?.concurrency ?? options.modelConcurrency };
  const judge = judgeWith(options.compiler, options.live);
  const clients = new Map(options.models.map((m) => [m.label, new ModelClient(m, createProvider(m), live)]));
  const work = planRun(options.models, options.suite.cases).filter((w) => options.include?.(w) ?? true);
  const done = new Map((options.done ?? []).map((i) => [itemKey(i.model, i.caseId, i.sample), i]));
  const results = new Array<ItemResult | undefined>(work.length);
  const todo = interleave(work).filter((i) => {
    const w = work[i]!;
    results[i] = done.get(itemKey(w.model.label, w.kase.id, w.sample));
    return results[i] === undefined;
  });
  // Requests built once: each client hashes its cache keys and asks the cache which it holds in one go.
  const requests = new Map(todo.map((i) => [i, requestFor(work[i]!)]));
  for (const [label, client] of clients) client.prepare([...requests].filter(([i]) => work[i]!.model.label === label).map(([, r]) => r));
  // Lanes: the total limit, never more than every model's own limit together (the schedulers limit each model).
  const perModel = [...clients.values()].reduce((s, c) => s + c.scheduler.options.concurrency, 0);
  const lanes = Math.min(options.concurrency ?? perModel, perModel);
  // A lane holds a request slot only while the request is out: once the answer is in, the lane asks the next one and
  // the answer is judged on a later turn, so judging (CPU) overlaps the requests in flight instead of delaying them.
  const judging: Promise<void>[] = [];
  const finish = async (i: number, res: CompletionResult) => {
    await nextTurn();
    const w = work[i]!;
    let item = await judgedItem(w, res, judge);
    if (options.afterJudge && item.answer !== null) item = await options.afterJudge(item, w.kase, options.signal);
    if (item.error?.code === 'aborted') return;
    results[i] = item;
    options.onItem?.(item);
  };
  await mapLimit(todo, lanes, async (i) => {
    const w = work[i]!;
    const req = requests.get(i)!;
    requests.delete(i);
    const res = await clients.get(w.model.label)!.complete(req, options.signal);
    judging.push(finish(i, res));
  });
  await Promise.all(judging);
  const cases = options.suite.cases;
  return assembleRun({
    runId,
    suite: { name: options.suite.name, description: options.suite.description, files: options.suite.files, passScore: cases[0]?.passScore ?? 7 },
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    models: options.models,
    cases: cases.map((c) => ({ id: c.id, category: c.category, tags: c.tags, weight: c.weight, prompt: c.prompt })),
    items: results.filter((r): r is ItemResult => r !== undefined),
    // Request counters only for live providers: replay runs keep their documents unchanged.
    counters: Object.fromEntries([...clients].filter(([, c]) => c.live).map(([label, c]) => [label, c.counters()])),
    status: results.includes(undefined) ? 'interrupted' : undefined,
  });
}
