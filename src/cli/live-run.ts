// The stored, cached, interruptible side of `run`: opens the cache and store, finds the run to
// resume, enforces --max-cost, turns Ctrl-C into an abort, and prints how to resume.
import { io } from '../core/io.js';
import { setMaxListeners } from 'node:events';
import path from 'node:path';
import type { Config } from '../config/load.js';
import type { ModelConfig } from '../config/schema.js';
import { estimateRun } from '../cost/estimate.js';
import { UsageError, UserError } from '../core/errors.js';
import { ResponseCache, type CacheMode } from '../run/cache.js';
import { RunStore, type RunMeta } from '../run/store.js';
import type { Suite } from '../types/suite.js';
import type { SuiteCaching } from '../suite/multi.js';
import { configArg, type ParsedFlags } from './args.js';

/** Cache mode from --no-cache / --refresh. */
export function cacheModeOf(values: ParsedFlags): CacheMode {
  if (values['no-cache'] === true && values.refresh === true) throw new UsageError('--no-cache and --refresh cannot be used together', '--refresh asks again and overwrites the cache; --no-cache neither reads nor writes it');
  return values['no-cache'] === true ? 'off' : values.refresh === true ? 'refresh' : 'use';
}

/**
 * Parsed suites are kept beside the response cache, rebuilt with --refresh. --no-cache keeps them: it is about answers
 * and judgements (what a model or the evaluators would give now), while a parsed suite is reused only when the code
 * and every file it was made from are byte-identical, so it is the same suite a fresh parse gives.
 */
export function suiteCaching(config: Config, mode: CacheMode): SuiteCaching {
  return { dir: path.dirname(config.cacheFile), mode: mode === 'refresh' ? 'refresh' : 'use' };
}

/** Opens the response cache when some model calls a live provider (replay needs none). */
export function openCache(config: Config, models: ModelConfig[], mode: CacheMode): ResponseCache | undefined {
  return mode !== 'off' && models.some((m) => m.provider !== 'replay') ? new ResponseCache(config.cacheFile) : undefined;
}

export { configArg } from './args.js';

/**
 * The stored run `--resume` names, or a user error saying how to find one. A finished run can be resumed when some of
 * its items ended in an error: those are asked again (the cause, a key or a quota, may be fixed by now), and answers
 * whose `judge` check ended in an error are graded again.
 */
export function resumable(store: RunStore, runId: string, values: ParsedFlags = {}): RunMeta {
  const meta = store.meta(runId);
  const cfg = configArg(values);
  if (!meta) throw new UserError('E_RUN', `no run "${runId}" in ${path.relative(process.cwd(), store.file) || store.file}`, `list runs with \`l4d2-eval runs${cfg}\``);
  const counts = store.itemCounts(runId);
  if (store.status(runId)?.status === 'finished' && counts.errors === 0 && counts.judgeErrors === 0) {
    throw new UserError('E_RUN', `run ${runId} is already finished, with no item in error to ask again`, `render it with \`l4d2-eval report --run ${runId}${cfg}\``);
  }
  return meta;
}

/** The answer cache of `compare` and `gate` when they run the suite from labels: the same cache as `run`. */
export function labelAnswers(config: Config, cacheMode: CacheMode): (models: ModelConfig[]) => { cache: ResponseCache; cacheMode: CacheMode; close(): void } | undefined {
  return (models) => {
    const cache = openCache(config, models, cacheMode);
    return cache ? { cache, cacheMode, close: () => cache.close() } : undefined;
  };
}

/** Parses --max-cost (dollars). */
export function maxCostOf(value: string | boolean | undefined): number | undefined {
  if (typeof value !== 'string') return undefined;
  const n = Number(value.replace(/^\$/, ''));
  if (!Number.isFinite(n) || value.trim() === '') throw new UsageError(`--max-cost must be an amount in dollars, e.g. 2.50, got "${value}"`);
  if (n < 0) throw new UsageError(`--max-cost cannot be negative, got "${value}"`, 'give the most the run may cost in dollars, e.g. --max-cost 2.50 (0 allows only cached answers)');
  return n;
}

/** Refuses to start when the direct-mode estimate is above the limit. */
export function enforceMaxCost(limit: number | undefined, suite: Suite, models: ModelConfig[], store: RunStore): void {
  if (limit === undefined) return;
  const live = models.filter((m) => m.provider !== 'replay');
  const total = estimateRun(suite, live, store.outputTokensByCase()).reduce((s, e) => s + (e.direct ?? 0), 0);
  if (total > limit) {
    throw new UserError('E_COST', `estimated cost $${total.toFixed(4)} is above --max-cost $${limit.toFixed(2)}; nothing was sent`, 'see `l4d2-eval estimate` for the detail, or raise --max-cost');
  }
}

/** Aborts the run on the first Ctrl-C; a second one exits at once. Returns the signal and a cleanup. */
export function interruptOnSigint(quiet: boolean): { signal: AbortSignal; dispose: () => void } {
  const ctl = new AbortController();
  // Every request in flight listens to this one signal: more than the default ten is expected.
  setMaxListeners(0, ctl.signal);
  const onSigint = () => {
    if (ctl.signal.aborted) process.exit(130);
    if (!quiet) io.stderr.write('\ninterrupted: aborting requests in flight (Ctrl-C again to quit at once)\n');
    ctl.abort();
  };
  process.on('SIGINT', onSigint);
  return { signal: ctl.signal, dispose: () => process.off('SIGINT', onSigint) };
}
