// One answer for the playground, delivered piece by piece as it arrives: the OpenAI protocol with `stream: true`
// for live models, the recording in line-sized pieces for replay models. Failures are values, as with providers.
import OpenAI, * as sdk from 'openai';
import type { ModelConfig } from '../config/schema.js';
import { createProvider } from '../providers/index.js';
import { DEFAULT_TIMEOUT_MS, resolveEndpoint } from '../providers/openai.js';
import { toCompletionError } from '../providers/openai/errors.js';
import type { CompletionRequest, CompletionResult } from '../types/provider.js';

/** Called with each new piece of the answer's text. */
export type OnDelta = (text: string) => void;

/** The provider's cache scope (same as a run's), or undefined for replay models. */
export function cacheScopeOf(model: ModelConfig): string | undefined {
  return model.provider === 'openai' ? `openai ${resolveEndpoint(model).baseURL}` : undefined;
}

/** Recorded answers are sent a few lines at a time, so the page shows the same streaming path for them. */
async function replay(model: ModelConfig, req: CompletionRequest, onDelta: OnDelta, signal: AbortSignal): Promise<CompletionResult> {
  const res = await createProvider(model).complete(req, { signal });
  if (res.text === undefined) return res;
  const pieces = res.text.match(/(?:[^\n]*\n){1,4}|[^\n]+$/g) ?? [res.text];
  for (const piece of pieces) {
    if (signal.aborted) return { error: { code: 'aborted', message: 'request aborted', retryable: false }, latencyMs: res.latencyMs, cached: false };
    onDelta(piece);
    await new Promise((r) => setImmediate(r));
  }
  return res;
}

async function openai(model: ModelConfig, req: CompletionRequest, onDelta: OnDelta, signal: AbortSignal): Promise<CompletionResult> {
  const started = performance.now();
  const elapsed = () => performance.now() - started;
  const endpoint = resolveEndpoint(model);
  if (endpoint.error) return { error: endpoint.error, latencyMs: 0, cached: false };
  // Node's own fetch here (not the harness's buffered transport): the body must arrive as it is written.
  const client = new OpenAI({ apiKey: endpoint.apiKey, baseURL: endpoint.baseURL, defaultHeaders: endpoint.headers, maxRetries: 0, timeout: model.timeout_ms ?? DEFAULT_TIMEOUT_MS });
  const p = req.params;
  try {
    const stream = await client.chat.completions.create(
      {
        model: req.modelId,
        messages: req.messages,
        stream: true,
        stream_options: { include_usage: true },
        ...(p.temperature !== undefined ? { temperature: p.temperature } : {}),
        ...(p.max_tokens !== undefined ? { max_tokens: p.max_tokens } : {}),
        ...(p.top_p !== undefined ? { top_p: p.top_p } : {}),
        ...(p.seed !== undefined ? { seed: p.seed } : {}),
        ...(p.stop !== undefined ? { stop: p.stop } : {}),
      },
      { signal },
    );
    let text = '';
    let finishReason: string | undefined;
    let usage: CompletionResult['usage'];
    for await (const chunk of stream) {
      const choice = chunk.choices?.[0];
      const delta = choice?.delta?.content;
      if (typeof delta === 'string' && delta !== '') {
        text += delta;
        onDelta(delta);
      }
      if (choice?.finish_reason) finishReason = choice.finish_reason;
      if (chunk.usage) usage = { inputTokens: chunk.usage.prompt_tokens, outputTokens: chunk.usage.completion_tokens };
    }
    return { text, usage, latencyMs: elapsed(), cached: false, finishReason };
  } catch (err) {
    return { error: toCompletionError(err, req, sdk), latencyMs: elapsed(), cached: false };
  }
}

/** Asks the model for one answer, calling `onDelta` as text arrives; never throws. */
export function streamCompletion(model: ModelConfig, req: CompletionRequest, onDelta: OnDelta, signal: AbortSignal): Promise<CompletionResult> {
  return model.provider === 'openai' ? openai(model, req, onDelta, signal) : replay(model, req, onDelta, signal);
}
