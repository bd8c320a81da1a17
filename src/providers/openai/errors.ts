// Maps what the OpenAI client throws to a CompletionError the scheduler can act on.
import type { APIError } from 'openai';
import type { CompletionError, CompletionRequest } from '../../types/provider.js';

/** Reads `retry-after-ms` (ms) or `retry-after` (seconds or an HTTP date) from response headers. */
export function retryAfterMs(headers: Headers | undefined, now = Date.now()): number | undefined {
  if (!headers) return undefined;
  const ms = Number(headers.get('retry-after-ms'));
  if (headers.get('retry-after-ms') !== null && Number.isFinite(ms) && ms >= 0) return ms;
  const ra = headers.get('retry-after');
  if (ra === null) return undefined;
  const secs = Number(ra);
  if (Number.isFinite(secs) && secs >= 0) return secs * 1000;
  const date = Date.parse(ra);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function fromStatus(err: APIError, req: CompletionRequest): CompletionError {
  const status = err.status ?? 0;
  const detail = err.message.replace(/\s+/g, ' ').slice(0, 300);
  const who = `model ${req.label}`;
  if (status === 429) {
    // An exhausted quota will not come back by waiting.
    if (err.code === 'insufficient_quota') return { code: 'quota', message: `${who}: quota exceeded (429): ${detail}; check the billing of this API key`, retryable: false, permanent: true };
    return { code: 'rate_limit', message: `${who}: rate limited (429)`, retryable: true, retryAfterMs: retryAfterMs(err.headers) };
  }
  if (status === 401) return { code: 'auth', message: `${who}: the API key was rejected (401): check OPENAI_API_KEY or apiKey in the config`, retryable: false, permanent: true };
  if (status === 403) return { code: 'auth', message: `${who}: access denied (403): ${detail}`, retryable: false, permanent: true };
  if (status === 404) return { code: 'not_found', message: `${who}: model "${req.modelId}" not found (404): check its id in the config and that this key can use it`, retryable: false, permanent: true };
  if (status === 400 && (err.code === 'context_length_exceeded' || /context length|maximum context/i.test(detail))) {
    return { code: 'context_length', message: `${who}: prompt too long for the model's context (400): lower max_tokens or shorten the prompt`, retryable: false, permanent: true };
  }
  if (status === 408 || status === 409 || status >= 500) return { code: 'server', message: `${who}: server error (${status})`, retryable: true, retryAfterMs: retryAfterMs(err.headers) };
  return { code: 'bad_request', message: `${who}: request refused (${status}): ${detail}`, retryable: false };
}

/** The low-level cause of a connection error (ECONNREFUSED, ECONNRESET, ...), searched down the `cause` chain. */
function causeCode(err: unknown): string | undefined {
  for (let e = err as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    if (typeof e.code === 'string' && /^E[A-Z_]+$/.test(e.code)) return e.code;
  }
  return undefined;
}

/** The server's own error text of an API error (the `error.message` of its body). */
function serverText(err: APIError): string | undefined {
  const body = err.error as { message?: unknown } | undefined;
  const m = typeof body?.message === 'string' ? body.message : undefined;
  return m?.replace(/\s+/g, ' ').trim().slice(0, 300) || undefined;
}

/** The client's error classes (from the loaded `openai` module: the SDK loads on the first request, not at start). */
export type SdkErrors = Pick<typeof import('openai'), 'APIConnectionError' | 'APIConnectionTimeoutError' | 'APIError' | 'APIUserAbortError'>;

/** Converts a thrown client error into a value; never throws. */
export function toCompletionError(err: unknown, req: CompletionRequest, sdk: SdkErrors): CompletionError {
  const { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } = sdk;
  if (err instanceof APIUserAbortError) return { code: 'aborted', message: 'request aborted', retryable: false };
  if (err instanceof APIConnectionTimeoutError) return { code: 'timeout', message: `model ${req.label}: request timed out`, retryable: true };
  if (err instanceof APIConnectionError) {
    const code = causeCode(err);
    return { code: 'network', message: `model ${req.label}: connection failed: ${err.message}${code ? ` (${code})` : ''}`, retryable: true };
  }
  if (err instanceof APIError) {
    const e = fromStatus(err, req);
    const server = serverText(err);
    return { ...e, ...(err.status ? { status: err.status } : {}), ...(server ? { server } : {}) };
  }
  // A body that is not JSON (a proxy page, a truncated answer) surfaces as a parse error.
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'invalid_response', message: `model ${req.label}: unreadable response: ${message.slice(0, 200)}`, retryable: true };
}
