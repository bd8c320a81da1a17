// One model's path to an answer: response cache first, then the scheduler (pacing, retries) and the provider.
import type { ModelConfig } from '../config/schema.js';
import type { CompletionRequest, CompletionResult, Provider } from '../types/provider.js';
import { cacheKey, type CacheMode, type ResponseCache } from './cache.js';
import { ModelScheduler, type SchedulerOptions } from './scheduler.js';
import type { ModelCounters } from './store.js';

/** Cache and pacing settings shared by every model of a run. */
export interface LiveOptions {
  cache?: ResponseCache;
  cacheMode?: CacheMode;
  /** Overrides for every model's scheduler (tests use short backoffs). */
  scheduler?: Partial<SchedulerOptions>;
  /** Overrides each model's concurrency (the --model-concurrency flag). */
  concurrency?: number;
}

/** Wraps a model's provider with cache and scheduler; `complete` never throws. */
export class ModelClient {
  readonly scheduler: ModelScheduler;
  /** True for providers that call a model (and so count requests and use the cache). */
  readonly live: boolean;
  cachedResponses = 0;

  constructor(
    readonly model: ModelConfig,
    private readonly provider: Provider,
    private readonly options: LiveOptions = {},
  ) {
    this.live = provider.cacheScope !== undefined;
    this.scheduler = new ModelScheduler(provider, {
      ...(model.rpm ? { rpm: model.rpm } : {}),
      ...(model.tpm ? { tpm: model.tpm } : {}),
      ...(model.timeout_ms ? { timeoutMs: model.timeout_ms } : {}),
      ...options.scheduler,
      concurrency: options.concurrency ?? model.concurrency ?? options.scheduler?.concurrency ?? 8,
    });
  }

  /** Cache keys of prepared requests, and which of them the cache holds (one query for the run, not one per item). */
  private readonly keys = new WeakMap<CompletionRequest, string>();
  private held?: Set<string>;

  private keyOf(req: CompletionRequest): string | undefined {
    const { cache, cacheMode = 'use' } = this.options;
    const scope = this.provider.cacheScope;
    if (!cache || !scope || cacheMode === 'off') return undefined;
    let key = this.keys.get(req);
    if (key === undefined) {
      key = cacheKey(scope, req);
      this.keys.set(req, key);
    }
    return key;
  }

  /** Hashes the run's requests up front and looks them all up in the cache at once. */
  prepare(reqs: readonly CompletionRequest[]): void {
    const { cache, cacheMode = 'use' } = this.options;
    const keys = reqs.map((r) => this.keyOf(r)).filter((k): k is string => k !== undefined);
    if (cache && cacheMode === 'use' && keys.length > 0) this.held = cache.existing(keys);
  }

  async complete(req: CompletionRequest, signal?: AbortSignal): Promise<CompletionResult> {
    const { cache, cacheMode = 'use' } = this.options;
    const key = this.keyOf(req);
    // A key prepare() found missing skips the lookup (keys are unique within a run, so none appears meanwhile).
    if (key && cacheMode === 'use' && (!this.held || this.held.has(key))) {
      const hit = cache!.get(key);
      if (hit) {
        this.cachedResponses++;
        return hit;
      }
    }
    const res = await this.scheduler.complete(req, signal);
    if (key && !res.error) cache!.put(key, req, res);
    return res;
  }

  counters(): ModelCounters {
    return { requests: this.scheduler.stats.requests, retries: this.scheduler.stats.retries, cachedResponses: this.cachedResponses };
  }
}
