// Request lines going into a batch and result lines coming out of it, mapped by custom_id.
import type { CompletionResult, ChatMessage, ModelParams } from '../types/provider.js';

/** One line of the request JSONL, as the Batch API expects it. */
export interface RequestLine {
  custom_id: string;
  method: 'POST';
  url: '/v1/chat/completions';
  body: { model: string; messages: ChatMessage[] } & ModelParams;
}

/** `<runId>/<model>/<caseId>/<sample>`: readable in the OpenAI dashboard; mapped back through the store, never parsed. */
export function customId(runId: string, model: string, caseId: string, sample: number): string {
  return `${runId}/${model}/${caseId}/${sample}`;
}

/** The request line of one item; params left unset are not sent, as in direct requests. */
export function requestLine(id: string, modelId: string, messages: ChatMessage[], params: ModelParams): RequestLine {
  const body = Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined)) as ModelParams;
  return { custom_id: id, method: 'POST', url: '/v1/chat/completions', body: { model: modelId, messages, ...body } };
}

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** One result line as an answer or an error value (latency is not known per line in a batch). */
function toResult(line: Json): CompletionResult {
  const response = isObj(line.response) ? line.response : undefined;
  const status = typeof response?.status_code === 'number' ? response.status_code : undefined;
  const body = isObj(response?.body) ? response.body : undefined;
  if (response && status === 200 && body) {
    const choice = Array.isArray(body.choices) && isObj(body.choices[0]) ? body.choices[0] : undefined;
    const message = isObj(choice?.message) ? choice.message : undefined;
    const usage = isObj(body.usage) ? body.usage : undefined;
    const u = usage && typeof usage.prompt_tokens === 'number' && typeof usage.completion_tokens === 'number' ? { inputTokens: usage.prompt_tokens, outputTokens: usage.completion_tokens } : undefined;
    if (typeof message?.content === 'string') return { text: message.content, usage: u, latencyMs: 0, cached: false, finishReason: typeof choice?.finish_reason === 'string' ? choice.finish_reason : undefined };
    return { error: { code: 'invalid_response', message: 'batch response has no message content', retryable: true }, usage: u, latencyMs: 0, cached: false };
  }
  const err = isObj(line.error) ? line.error : isObj(body?.error) ? body.error : undefined;
  const code = typeof err?.code === 'string' ? err.code : typeof err?.type === 'string' ? err.type : 'batch_failed';
  const message = typeof err?.message === 'string' ? err.message : 'the batch request failed';
  return { error: { code: 'batch', message: `batch request failed${status ? ` (${status})` : ''}: ${code}: ${message.slice(0, 200)}`, retryable: true }, latencyMs: 0, cached: false };
}

/** Parses output and error files into results by custom_id; unreadable lines are skipped (their items stay missing). */
export function parseResultLines(...files: (string | undefined)[]): Map<string, CompletionResult> {
  const out = new Map<string, CompletionResult>();
  for (const text of files) {
    for (const raw of (text ?? '').split('\n')) {
      if (!raw.trim()) continue;
      let line: unknown;
      try {
        line = JSON.parse(raw);
      } catch {
        continue;
      }
      if (!isObj(line) || typeof line.custom_id !== 'string') continue;
      const res = toResult(line);
      // An answer wins over an error line for the same id (a retried line may appear in both files).
      if (!out.get(line.custom_id)?.text) out.set(line.custom_id, res);
    }
  }
  return out;
}
