// One judge model's path to a verdict: the response cache (only valid verdicts are kept), then the scheduler
// (pacing, retries, timeout) and the provider. Never throws: a judge failure comes back as an error value.
import type { ModelConfig } from '../config/schema.js';
import { costUsd, pricingFor } from '../cost/pricing.js';
import { createProvider } from '../providers/index.js';
import { cacheKey, type CacheMode, type ResponseCache } from '../run/cache.js';
import { ModelScheduler, type SchedulerOptions } from '../run/scheduler.js';
import type { CompletionError, CompletionRequest, Provider } from '../types/provider.js';
import type { JudgeCall } from '../types/judge.js';

/** What a judge call returns: the answer text (not yet validated) or an error, with who answered and the cost. */
export interface JudgeAnswer {
  text?: string;
  error?: CompletionError;
  call: JudgeCall;
}

/** How judge calls are cached and paced. */
export interface JudgeClientOptions {
  cache?: ResponseCache;
  cacheMode?: CacheMode;
  scheduler?: Partial<SchedulerOptions>;
}

/** Cached text of a judge answer: the served model id travels with the content. */
interface CachedJudge {
  served?: string;
  content: string;
}

export class JudgeClient {
  readonly scheduler: ModelScheduler;
  private readonly provider: Provider;
  cachedResponses = 0;

  constructor(
    readonly model: ModelConfig,
    private readonly options: JudgeClientOptions = {},
  ) {
    this.provider = createProvider(model);
    this.scheduler = new ModelScheduler(this.provider, {
      ...(model.rpm ? { rpm: model.rpm } : {}),
      ...(model.tpm ? { tpm: model.tpm } : {}),
      ...(model.timeout_ms ? { timeoutMs: model.timeout_ms } : {}),
      ...options.scheduler,
      concurrency: model.concurrency ?? options.scheduler?.concurrency ?? 8,
    });
  }

  private keyOf(req: CompletionRequest): string | undefined {
    const { cache, cacheMode = 'use' } = this.options;
    const scope = this.provider.cacheScope;
    if (!cache || !scope || cacheMode === 'off') return undefined;
    // The schema is part of what shapes the answer; the messages hold judge model, rubric, prompt and code.
    return cacheKey(`judge ${scope}`, { ...req, params: { ...req.params, response_format: req.responseFormat } as CompletionRequest['params'] });
  }

  /** Asks for a verdict; `accept` says whether the text is a valid verdict (only those are cached). */
  async ask(req: CompletionRequest, accept: (text: string) => boolean, signal?: AbortSignal): Promise<JudgeAnswer> {
    const base = { label: this.model.label, modelId: this.model.id };
    const { cache, cacheMode = 'use' } = this.options;
    const key = this.keyOf(req);
    if (key && cacheMode === 'use') {
      const hit = cache!.get(key);
      if (hit?.text !== undefined) {
        try {
          const c = JSON.parse(hit.text) as CachedJudge;
          this.cachedResponses++;
          return { text: c.content, call: { ...base, ...(c.served ? { servedModel: c.served } : {}), cached: true, ...(hit.usage ? { usage: hit.usage } : {}), ...(pricingFor(this.model) ? { costUsd: 0 } : {}), latencyMs: 0 } };
        } catch {
          // Not a judge entry: ask again.
        }
      }
    }
    const res = await this.scheduler.complete(req, signal);
    const pricing = pricingFor(this.model);
    const call: JudgeCall = {
      ...base,
      ...(res.servedModel ? { servedModel: res.servedModel } : {}),
      cached: false,
      ...(res.usage ? { usage: res.usage } : {}),
      ...(pricing && res.usage ? { costUsd: costUsd(res.usage, pricing) } : {}),
      latencyMs: Math.round(res.latencyMs),
    };
    if (res.error || res.text === undefined) {
      const error = res.error ?? { code: 'invalid_response', message: `judge ${this.model.label}: no answer`, retryable: false };
      return { error, call: { ...call, error: error.code } };
    }
    if (key && accept(res.text)) {
      const stored: CachedJudge = { ...(res.servedModel ? { served: res.servedModel } : {}), content: res.text };
      cache!.put(key, req, { ...res, text: JSON.stringify(stored) });
    }
    return { text: res.text, call };
  }

  /** Requests sent (retries included), retries and cached answers. */
  counters(): { requests: number; retries: number; cachedResponses: number } {
    return { requests: this.scheduler.stats.requests, retries: this.scheduler.stats.retries, cachedResponses: this.cachedResponses };
  }
}
