// Per-model scheduler: concurrency limit, rpm/tpm pacing, retries with backoff and jitter that
// honour Retry-After, a timeout per attempt, and a stop on permanent errors (that model only).
import type { CompletionError, CompletionRequest, CompletionResult, Provider } from '../types/provider.js';
import { Semaphore, sleep, TokenBucket } from './limits.js';

/** How one model's requests are paced and retried. */
export interface SchedulerOptions {
  /** Requests in flight at once (default 8). */
  concurrency: number;
  rpm?: number;
  tpm?: number;
  /** Attempts per item including the first (default 6). */
  maxAttempts: number;
  /** Per-attempt timeout (default 120 s). */
  timeoutMs: number;
  /** First backoff delay; doubles each retry, with jitter (default 1 s). */
  baseDelayMs: number;
  /** Longest wait between attempts, also caps Retry-After (default 60 s). */
  maxDelayMs: number;
  /** Told before each wait for a retry (progress shows it as it happens). */
  onRetry?: (event: RetryEvent) => void;
}

/** A retry about to happen: which model, why, and how long the wait is. */
export interface RetryEvent {
  model: string;
  code: string;
  status?: number;
  /** The attempt that failed (1-based) and the most there will be. */
  attempt: number;
  maxAttempts: number;
  /** The wait before the next attempt; `retryAfter` when the server asked for it. */
  waitMs: number;
  retryAfter: boolean;
}

export const DEFAULT_SCHEDULER: SchedulerOptions = { concurrency: 8, maxAttempts: 6, timeoutMs: 120_000, baseDelayMs: 1000, maxDelayMs: 60_000 };

/** What the scheduler did for one model. */
export interface SchedulerStats {
  /** Attempts sent to the provider (retries included). */
  requests: number;
  retries: number;
  /** Items that ended in an error. */
  errors: number;
}

/** Rough prompt size for tpm pacing: about four characters per token, plus the answer budget. */
function tokenEstimate(req: CompletionRequest): number {
  const chars = req.messages.reduce((s, m) => s + m.content.length, 0);
  return Math.ceil(chars / 4) + (req.params.max_tokens ?? 1024);
}

/** Wraps one model's provider; `complete` never throws. */
export class ModelScheduler {
  readonly stats: SchedulerStats = { requests: 0, retries: 0, errors: 0 };
  /** Set by the first permanent error: later items fail at once with the same message. */
  stopped?: CompletionError;
  private readonly slots: Semaphore;
  private readonly rpm?: TokenBucket;
  private readonly tpm?: TokenBucket;
  readonly options: SchedulerOptions;

  constructor(
    private readonly provider: Provider,
    options: Partial<SchedulerOptions> = {},
  ) {
    this.options = { ...DEFAULT_SCHEDULER, ...options };
    this.stopped = provider.setupError;
    this.slots = new Semaphore(this.options.concurrency);
    if (this.options.rpm) this.rpm = new TokenBucket(this.options.rpm);
    if (this.options.tpm) this.tpm = new TokenBucket(this.options.tpm);
  }

  async complete(req: CompletionRequest, signal?: AbortSignal): Promise<CompletionResult> {
    await this.slots.acquire();
    try {
      const res = await this.attempts(req, signal);
      if (res.error && res.error.code !== 'aborted') this.stats.errors++;
      return res;
    } finally {
      this.slots.release();
    }
  }

  private async attempts(req: CompletionRequest, signal?: AbortSignal): Promise<CompletionResult> {
    const { maxAttempts, baseDelayMs, maxDelayMs } = this.options;
    let spent = 0;
    for (let attempt = 1; ; attempt++) {
      if (this.stopped) return { error: this.stopped, latencyMs: spent, cached: false };
      if (signal?.aborted) return { error: { code: 'aborted', message: 'run interrupted', retryable: false }, latencyMs: spent, cached: false };
      await this.rpm?.take(1, signal);
      await this.tpm?.take(tokenEstimate(req), signal);
      if (signal?.aborted) continue;
      const res = await this.once(req, signal);
      spent += res.latencyMs;
      const err = res.error;
      if (!err) return { ...res, latencyMs: res.latencyMs };
      if (err.permanent) {
        this.stopped ??= err;
        return res;
      }
      if (!err.retryable || attempt >= maxAttempts || signal?.aborted) {
        return attempt > 1 && err.retryable ? { ...res, error: { ...err, message: `${err.message} (gave up after ${attempt} attempts)` } } : res;
      }
      this.stats.retries++;
      const backoff = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1)) * (0.5 + Math.random() / 2);
      const waitMs = err.retryAfterMs !== undefined ? Math.min(err.retryAfterMs, maxDelayMs) : backoff;
      this.options.onRetry?.({ model: req.label, code: err.code, ...(err.status ? { status: err.status } : {}), attempt, maxAttempts, waitMs, retryAfter: err.retryAfterMs !== undefined });
      await sleep(waitMs, signal);
    }
  }

  /** One attempt with its own timeout; a timeout is told apart from the run being interrupted. */
  private async once(req: CompletionRequest, signal?: AbortSignal): Promise<CompletionResult> {
    this.stats.requests++;
    const ctl = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      ctl.abort();
    }, this.options.timeoutMs);
    const onAbort = () => ctl.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const res = await this.provider.complete(req, { signal: ctl.signal });
      if (res.error?.code === 'aborted' && timedOut && !signal?.aborted) {
        return { ...res, error: { ...res.error, code: 'timeout', message: `model ${req.label}: no answer within ${this.options.timeoutMs} ms`, retryable: true } };
      }
      return res;
    } catch (err) {
      // Providers return failures as values; this guards against one that does not.
      return { error: { code: 'provider_crash', message: `provider failed: ${(err as Error).message}`, retryable: false }, latencyMs: 0, cached: false };
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }
}
