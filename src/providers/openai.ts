// OpenAI provider: chat completions on the official client, against api.openai.com or any
// OpenAI-compatible server (vLLM, Ollama, LM Studio, llama.cpp). The client never retries
// (maxRetries: 0): the scheduler owns retries, so every attempt is counted and paced in one place.
import type OpenAI from 'openai';
import type { ModelConfig } from '../config/schema.js';
import type { CompletionError, CompletionRequest, CompletionResult, Provider } from '../types/provider.js';
import { toCompletionError, type SdkErrors } from './openai/errors.js';
import { resolveEnv } from './openai/env.js';
import { createNodeFetch } from './openai/transport.js';

export const OPENAI_DEFAULT_BASE_URL = 'https://api.openai.com/v1';
export const DEFAULT_TIMEOUT_MS = 120_000;

/** Where requests go and with which key; `error` when the key cannot be found. */
export interface OpenAIEndpoint {
  baseURL: string;
  apiKey?: string;
  headers: Record<string, string>;
  error?: CompletionError;
}

/** Resolves base URL, key and headers from the model config and the environment. */
export function resolveEndpoint(model: ModelConfig, env: NodeJS.ProcessEnv = process.env): OpenAIEndpoint {
  const baseURL = (model.baseURL ?? env.OPENAI_BASE_URL ?? OPENAI_DEFAULT_BASE_URL).replace(/\/+$/, '');
  const headers: Record<string, string> = {};
  const missing: string[] = [];
  for (const [name, raw] of Object.entries(model.headers ?? {})) {
    const r = resolveEnv(raw, env);
    if (r.missing !== undefined) missing.push(r.missing);
    else headers[name] = r.value;
  }
  const keySource = model.apiKey ?? '${OPENAI_API_KEY}';
  const key = resolveEnv(keySource, env);
  // Local servers usually ignore the key; only ask for one when the config names one or the endpoint is OpenAI's.
  const keyRequired = model.apiKey !== undefined || baseURL === OPENAI_DEFAULT_BASE_URL;
  if (key.missing && keyRequired) missing.unshift(key.missing);
  const apiKey = key.missing ? (keyRequired ? undefined : 'not-needed') : key.value;
  if (missing.length > 0) {
    const vars = missing.join(', ');
    const message = `${vars} ${missing.length > 1 ? 'are' : 'is'} not set: export it or set apiKey in the config for model ${model.label}`;
    return { baseURL, headers, error: { code: 'auth', message, retryable: false, permanent: true } };
  }
  return { baseURL, apiKey, headers };
}

/** host:port of a base URL, the scheme's default port spelt out (no path, no credentials). */
export function hostPort(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || (u.protocol === 'https:' ? '443' : '80')}`;
  } catch {
    return url;
  }
}

/** Creates the provider for one configured `openai` model. */
export function createOpenAIProvider(model: ModelConfig): Provider {
  const endpoint = resolveEndpoint(model);
  // The SDK (about 100 ms of module loading) is imported on the first request: a run answered from the cache never
  // loads it.
  let sdk: Promise<{ client: OpenAI; errors: SdkErrors }> | undefined;
  const connect = () =>
    (sdk ??= import('openai').then((m) => ({
      errors: m,
      client: new m.default({
        apiKey: endpoint.apiKey,
        baseURL: endpoint.baseURL,
        defaultHeaders: endpoint.headers,
        maxRetries: 0,
        timeout: model.timeout_ms ?? DEFAULT_TIMEOUT_MS,
        fetch: createNodeFetch(),
      }),
    })));
  return {
    name: 'openai',
    cacheScope: `openai ${endpoint.baseURL}`,
    setupError: endpoint.error,
    async complete(req: CompletionRequest, { signal }): Promise<CompletionResult> {
      const started = performance.now();
      const elapsed = () => performance.now() - started;
      if (endpoint.error) return { error: endpoint.error, latencyMs: 0, cached: false };
      const { client, errors } = await connect();
      try {
        const p = req.params;
        const res = await client.chat.completions.create(
          {
            model: req.modelId,
            messages: req.messages,
            ...(p.temperature !== undefined ? { temperature: p.temperature } : {}),
            ...(p.max_tokens !== undefined ? { max_tokens: p.max_tokens } : {}),
            ...(p.top_p !== undefined ? { top_p: p.top_p } : {}),
            ...(p.seed !== undefined ? { seed: p.seed } : {}),
            ...(p.stop !== undefined ? { stop: p.stop } : {}),
            ...(req.responseFormat ? { response_format: { type: 'json_schema' as const, json_schema: { name: req.responseFormat.name, schema: req.responseFormat.schema, strict: req.responseFormat.strict ?? true } } } : {}),
          },
          { signal },
        );
        const choice = res.choices?.[0];
        const text = choice?.message?.content;
        // Structured output: the model may refuse instead of answering in the schema; asking again will not help.
        const refusal = (choice?.message as { refusal?: string | null } | undefined)?.refusal;
        if (typeof refusal === 'string' && refusal !== '') {
          return { error: { code: 'refusal', message: `model ${req.label} refused: ${refusal.slice(0, 200)}`, retryable: false }, latencyMs: elapsed(), cached: false };
        }
        if (typeof text !== 'string') {
          return { error: { code: 'invalid_response', message: `model ${req.label}: response has no message content`, retryable: true }, latencyMs: elapsed(), cached: false };
        }
        const usage = res.usage ? { inputTokens: res.usage.prompt_tokens, outputTokens: res.usage.completion_tokens } : undefined;
        return { text, usage, latencyMs: elapsed(), cached: false, finishReason: choice?.finish_reason ?? undefined, ...(typeof res.model === 'string' ? { servedModel: res.model } : {}) };
      } catch (err) {
        const error = toCompletionError(err, req, errors);
        return { error: error.code === 'aborted' ? error : { ...error, host: hostPort(endpoint.baseURL) }, latencyMs: elapsed(), cached: false };
      }
    },
  };
}
