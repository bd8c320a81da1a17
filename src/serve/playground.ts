// The playground: one request to one configured model (a suite case or a free prompt), streamed as it arrives,
// then judged by the same judge as `run` and priced. Live answers go through the same response cache as runs.
import { createHash } from 'node:crypto';
import type { Config } from '../config/load.js';
import type { ModelConfig } from '../config/schema.js';
import { UserError } from '../core/errors.js';
import { costUsd, pricingFor } from '../cost/pricing.js';
import { cacheKey, ResponseCache } from '../run/cache.js';
import { judgeAnswer, type Judgement } from '../run/judge.js';
import { requestFor } from '../run/run.js';
import { defaultCheckSpecs } from '../suite/default-checks.js';
import type { CompletionError, CompletionRequest, Usage } from '../types/provider.js';
import type { CaseSpec, Suite } from '../types/suite.js';
import { cacheScopeOf, streamCompletion } from './stream.js';

/** What the page asks for: a model and either a case of the suite or its own prompt. */
export interface GenerateRequest {
  model: string;
  caseId?: string;
  prompt?: string;
}

/** A finished playground answer, as the page shows it. */
export interface PlaygroundResult {
  /** Stable id of this answer (download link). */
  id: string;
  model: string;
  caseId: string | null;
  category: string | null;
  answer: string;
  judgement: Judgement;
  passScore: number;
  cached: boolean;
  usage: Usage | null;
  /** Dollars this request cost (0 when cached, null when unpriced or the provider reports no usage). */
  costUsd: number | null;
  latencyMs: number;
}

/** Events sent while generating: text pieces, then the judged result or an error. */
export type PlaygroundEvent = { type: 'delta'; text: string } | { type: 'result'; result: PlaygroundResult } | { type: 'error'; error: Pick<CompletionError, 'code' | 'message'> };

/** Longest free prompt accepted (characters). */
export const MAX_PROMPT_CHARS = 20_000;
/** Sampling of free prompts (model params still win). */
const FREE_PARAMS = { temperature: 0.2, max_tokens: 2048 };
const FREE_SYSTEM = 'You are an expert SourceMod plugin developer for Left 4 Dead 2. Answer with one complete SourcePawn plugin in a ```sourcepawn code block.';

/** The models, cases and answers one server works with. */
export class Playground {
  private readonly answers = new Map<string, PlaygroundResult>();
  private cache?: ResponseCache;

  constructor(
    readonly config: Config,
    readonly suite: Suite,
  ) {}

  /** What the page offers: model labels (no secrets) and the suite's cases. */
  catalog() {
    return {
      suite: this.suite.name,
      models: Object.values(this.config.models).map((m) => ({ label: m.label, provider: m.provider, id: m.id, description: m.description ?? '' })),
      cases: this.suite.cases.map((c) => ({ id: c.id, category: c.category, prompt: c.prompt })),
    };
  }

  /** A finished answer by id. */
  answer(id: string): PlaygroundResult | undefined {
    return this.answers.get(id);
  }

  private resolve(req: GenerateRequest): { model: ModelConfig; kase?: CaseSpec; request: CompletionRequest } {
    const model = this.config.models[req.model];
    if (!model) throw new UserError('E_MODEL', `unknown model "${req.model}"`, `choose one of ${Object.keys(this.config.models).join(', ')}`);
    if (req.caseId) {
      const kase = this.suite.cases.find((c) => c.id === req.caseId);
      if (!kase) throw new UserError('E_CASE', `no case "${req.caseId}" in suite ${this.suite.name}`, 'choose a case from the list');
      return { model, kase, request: requestFor({ model, kase, sample: 1 }) };
    }
    const prompt = (req.prompt ?? '').trim();
    if (!prompt) throw new UserError('E_PROMPT', 'neither a case nor a prompt was given', 'choose a case or write a prompt');
    if (prompt.length > MAX_PROMPT_CHARS) throw new UserError('E_PROMPT', `the prompt has ${prompt.length} characters, more than ${MAX_PROMPT_CHARS}`, 'shorten it');
    if (model.provider === 'replay') throw new UserError('E_PROMPT', `model ${model.label} replays recorded answers: it can only answer the suite's cases`, 'choose a case, or a live (openai) model for a free prompt');
    const system = this.suite.cases[0]?.system ?? FREE_SYSTEM;
    const request: CompletionRequest = {
      label: model.label,
      modelId: model.id,
      caseId: 'playground',
      sample: 1,
      messages: [
        { role: 'system', content: system },
        { role: 'user', content: prompt },
      ],
      params: { ...FREE_PARAMS, ...model.params },
    };
    return { model, request };
  }

  /** Checks the request before anything is sent (throws UserError). */
  validate(req: GenerateRequest): void {
    this.resolve(req);
  }

  /**
   * Asks, streams and judges one answer. Cached live answers are sent whole, without a request; only successful
   * answers are cached, as in runs. Never throws for model trouble: it becomes an `error` event.
   */
  async generate(req: GenerateRequest, emit: (e: PlaygroundEvent) => void, signal: AbortSignal): Promise<void> {
    const { model, kase, request } = this.resolve(req);
    const scope = cacheScopeOf(model);
    const key = scope ? cacheKey(scope, request) : undefined;
    if (key) this.cache ??= new ResponseCache(this.config.cacheFile);
    let res = key ? this.cache!.get(key) : undefined;
    if (res?.text !== undefined) emit({ type: 'delta', text: res.text });
    else res = await streamCompletion(model, request, (text) => emit({ type: 'delta', text }), signal);
    if (res.error || res.text === undefined) {
      const error = res.error ?? { code: 'invalid_response', message: 'provider returned neither text nor error' };
      emit({ type: 'error', error: { code: error.code, message: error.message } });
      return;
    }
    if (key && !res.cached) {
      this.cache!.put(key, request, res);
      this.cache!.flush();
    }
    const checks = kase?.checks ?? defaultCheckSpecs();
    const passScore = kase?.passScore ?? 7;
    const judgement = await judgeAnswer(res.text, checks, passScore, this.config.compiler ? { compiler: this.config.compiler } : {});
    const pricing = pricingFor(model);
    const id = createHash('sha256').update(`${model.label}\0${kase?.id ?? ''}\0${res.text}`).digest('hex').slice(0, 16);
    const result: PlaygroundResult = {
      id,
      model: model.label,
      caseId: kase?.id ?? null,
      category: kase?.category ?? null,
      answer: res.text,
      judgement,
      passScore,
      cached: res.cached,
      usage: res.usage ?? null,
      costUsd: res.cached ? 0 : pricing && res.usage ? costUsd(res.usage, pricing) : null,
      latencyMs: Math.round(res.latencyMs),
    };
    this.answers.set(id, result);
    // A long session keeps only the recent answers.
    if (this.answers.size > 200) this.answers.delete(this.answers.keys().next().value!);
    emit({ type: 'result', result });
  }

  close(): void {
    this.cache?.close();
  }
}
