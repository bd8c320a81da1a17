// A run backed by the store: registered before the first request, each item written as it
// finishes, status and counters recorded at the end, resumable by id.
import type { ItemResult, RunResult } from '../types/run.js';
import { assembleRun } from './assemble.js';
import type { ResponseCache, CacheMode } from './cache.js';
import { mapLimit } from './pool.js';
import { executeRun, newRunId, type RunOptions } from './run.js';
import { storedModel, type RunMeta, type RunStore } from './store.js';

/** A stored run's options. */
export interface SessionOptions extends Omit<RunOptions, 'runId' | 'done' | 'live' | 'startedAt'> {
  store: RunStore;
  cache?: ResponseCache;
  cacheMode?: CacheMode;
  /** Id of an interrupted run to finish. */
  resume?: string;
  configFile?: string;
  /** Suite files as given on the command line (stored for resume). */
  entryFiles?: string[];
  scheduler?: NonNullable<RunOptions['live']>['scheduler'];
}

/** Runs (or resumes) a stored run; returns the whole run as read back from the store. */
export async function runSession(o: SessionOptions): Promise<RunResult> {
  const { store } = o;
  let meta = o.resume ? store.meta(o.resume) : undefined;
  if (!meta) {
    const startedAt = new Date();
    const cases = o.suite.cases;
    meta = {
      runId: newRunId(startedAt),
      startedAt: startedAt.toISOString(),
      suite: { name: o.suite.name, description: o.suite.description, files: o.suite.files, passScore: cases[0]?.passScore ?? 7 },
      cases: cases.map((c) => ({ id: c.id, category: c.category, tags: c.tags, weight: c.weight, prompt: c.prompt })),
      models: o.models.map(storedModel),
      ...(o.configFile ? { configFile: o.configFile } : {}),
      ...(o.entryFiles ? { entryFiles: o.entryFiles } : {}),
    };
    store.beginRun(meta);
  } else {
    store.setStatus(meta.runId, 'running');
  }
  const runId = meta.runId;
  // Error items are asked again on resume: the cause (a key, a quota) may be fixed by now.
  let done = o.resume ? store.items(runId).filter((i) => i.status !== 'error') : [];
  // An answered item whose `judge` check is in error (the judge failed) keeps its answer: only the judge is asked again.
  if (o.afterJudge) done = await regradeJudges(done, o, runId);
  // Keep only the counters of executeRun's result: the whole run is read back from the store below, and holding
  // both copies at once doubled the peak memory of large runs.
  const { counters, interrupted } = countersOf(await executeRun({
    ...o,
    runId,
    startedAt: new Date(meta.startedAt),
    done,
    live: { cache: o.cache, cacheMode: o.cacheMode, scheduler: o.scheduler },
    onItem: (item) => {
      store.putItem(runId, item);
      o.onItem?.(item);
    },
  }));
  store.setStatus(runId, interrupted ? 'interrupted' : 'finished', counters);
  return loadRun(store, runId)!;
}

/** Whether a stored item was answered but a `judge` check of it could not be graded. */
function hasJudgeError(item: ItemResult): boolean {
  return item.answer !== null && item.checks.some((c) => c.kind === 'judge' && c.status === 'error');
}

/** Grades again the judge checks of resumed items where one is in error, storing each item re-graded. */
async function regradeJudges(done: ItemResult[], o: SessionOptions, runId: string): Promise<ItemResult[]> {
  const cases = new Map(o.suite.cases.map((c) => [c.id, c]));
  return mapLimit(done, o.concurrency ?? 8, async (item) => {
    const kase = cases.get(item.caseId);
    if (!kase || !hasJudgeError(item) || o.signal?.aborted) return item;
    const graded = await o.afterJudge!(item, kase, o.signal);
    if (graded.error?.code === 'aborted') return item;
    o.store.putItem(runId, graded);
    return graded;
  });
}

function countersOf(result: RunResult) {
  return {
    interrupted: result.status === 'interrupted',
    counters: Object.fromEntries(
      result.models.filter((m) => m.requests !== undefined).map((m) => [m.label, { requests: m.requests ?? 0, retries: m.retries ?? 0, cachedResponses: m.cachedResponses ?? 0 }]),
    ),
  };
}

/** Reads a run back from the store as a RunResult (items in plan order); undefined when unknown. */
export function loadRun(store: RunStore, runId: string): RunResult | undefined {
  const meta: RunMeta | undefined = store.meta(runId);
  const st = store.status(runId);
  if (!meta || !st) return undefined;
  const modelIdx = new Map(meta.models.map((m, i) => [m.label, i]));
  const caseIdx = new Map(meta.cases.map((c, i) => [c.id, i]));
  const items = store.items(runId).sort((a, b) => (modelIdx.get(a.model) ?? 0) - (modelIdx.get(b.model) ?? 0) || (caseIdx.get(a.caseId) ?? 0) - (caseIdx.get(b.caseId) ?? 0) || a.sample - b.sample);
  const counters = store.counters(runId);
  return assembleRun({
    runId,
    suite: meta.suite,
    startedAt: meta.startedAt,
    finishedAt: st.finishedAt ?? new Date().toISOString(),
    models: meta.models,
    cases: meta.cases,
    items,
    counters: Object.keys(counters).length > 0 ? counters : undefined,
    status: st.status === 'finished' ? undefined : 'interrupted',
  });
}
