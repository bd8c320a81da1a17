/** A chat message as sent to a model. */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** Sampling parameters shared by every provider. */
export interface ModelParams {
  temperature?: number;
  max_tokens?: number;
  top_p?: number;
  seed?: number;
  stop?: string[];
}

/** One request for one sample of one case from one model. */
export interface CompletionRequest {
  /** The model label from the config, e.g. `v2`. */
  label: string;
  /** The provider's model id, e.g. `ft:gpt-4o-mini-...`. */
  modelId: string;
  caseId: string;
  /** 1-based sample index. */
  sample: number;
  messages: ChatMessage[];
  params: ModelParams;
  /** Structured output: the answer must be JSON following this schema (`response_format: json_schema`). */
  responseFormat?: JsonSchemaFormat;
}

/** A JSON schema the answer must follow, as sent in `response_format`. */
export interface JsonSchemaFormat {
  name: string;
  schema: Record<string, unknown>;
  strict?: boolean;
}

/** Why a completion did not produce text. Failures are values the scheduler acts on. */
export interface CompletionError {
  /** Stable category: `missing_recording`, `rate_limit`, `timeout`, `auth`, `not_found`, `bad_request`, `server`, `network`, `aborted`, `invalid_response`. */
  code: string;
  message: string;
  /** True when asking again may succeed (429, 5xx, timeouts, resets). */
  retryable: boolean;
  /** Server's hint in ms (Retry-After), when given. */
  retryAfterMs?: number;
  /** True when no further request to this model can succeed (bad key, unknown model). */
  permanent?: boolean;
  /** HTTP status of the response, when the server answered. */
  status?: number;
  /** The server's own error text (its `error.message`), when it sent one. */
  server?: string;
  /** host:port the request went to (never the key or the path). */
  host?: string;
}

/** Token usage as reported by the provider. */
export interface Usage {
  inputTokens: number;
  outputTokens: number;
}

/** What a provider returns: either text or an error, never an exception. */
export interface CompletionResult {
  text?: string;
  error?: CompletionError;
  usage?: Usage;
  latencyMs: number;
  cached: boolean;
  finishReason?: string;
  /** The model id the server says answered (may differ from the requested id, e.g. a dated snapshot). */
  servedModel?: string;
}

/** The small interface every provider implements (replay, openai, batch). */
export interface Provider {
  readonly name: string;
  /** When set, answers may be cached under this scope (provider and endpoint). Replay leaves it unset. */
  readonly cacheScope?: string;
  /** Set when no request can be sent at all (e.g. the API key is missing); the model stops at once. */
  readonly setupError?: CompletionError;
  complete(request: CompletionRequest, options: { signal?: AbortSignal }): Promise<CompletionResult>;
}
