// A real HTTP server on 127.0.0.1 speaking the parts of the OpenAI protocol the harness uses,
// with switches for latency and failures. Tests and the benchmark (hence its place in bench/) talk to it; nothing leaves the machine.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** A failure the server plays for one request. */
/** A failure played for one request; `ok` answers normally (to place a later fault on a later request). */
export type Fault = 'ok' | '429' | '500' | 'drop' | 'malformed' | 'hang' | '401' | '404' | 'empty';

/** A failure played for one structured-output (judge) request. */
export type JudgeFault = 'invalid_json' | 'refusal' | 'hang';

/** A value following a JSON schema: first enum value, 'ok', 10, true; an array of objects with an enum `id` gets one
 * item per id (a rubric verdict names every criterion). */
export function fillSchema(schema: Record<string, unknown>): unknown {
  const s = schema as { type?: string; enum?: unknown[]; properties?: Record<string, Record<string, unknown>>; items?: Record<string, unknown> };
  if (s.enum && s.enum.length > 0) return s.enum[0];
  if (s.type === 'object') return Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, fillSchema(v)]));
  if (s.type === 'array') {
    const item = s.items ?? {};
    const ids = ((item as { properties?: { id?: { enum?: unknown[] } } }).properties?.id?.enum ?? []) as unknown[];
    if (ids.length > 0) return ids.map((id) => ({ ...(fillSchema(item) as object), id }));
    return [fillSchema(item)];
  }
  if (s.type === 'number' || s.type === 'integer') return 10;
  if (s.type === 'boolean') return true;
  return 'ok';
}

/** One chat completion request as received. */
export interface SeenRequest {
  model: string;
  messages: { role: string; content: string }[];
  body: Record<string, unknown>;
  authorization: string | undefined;
  headers: Record<string, string | string[] | undefined>;
}

/** Server switches; all can change while it runs. */
export interface ServerOptions {
  latencyMs?: number;
  /** Faults played in order, one per incoming request, before normal answers. */
  faults?: Fault[];
  /** Retry-After header (seconds) sent with 429; `retryAfterMs` sends retry-after-ms instead. */
  retryAfter?: string;
  retryAfterMs?: number;
  /** Answer by user prompt; otherwise `defaultAnswer`. */
  answers?: Map<string, string>;
  defaultAnswer?: string;
  /** Keep every request in `requests` (default true; the benchmark turns it off to measure the harness's memory). */
  record?: boolean;
  /** Batch API: retrieves that still answer `in_progress` before a batch ends (default 0). */
  batchPolls?: number;
  /** Batch API: lines to fail (they go to the error file with a 500). */
  batchFail?: (customId: string) => boolean;
  /** Batch API: batches end `expired`, answering only their first `batchExpireAfter` lines (the rest get no line). */
  batchExpire?: boolean;
  batchExpireAfter?: number;
  /** Judge mode: a request with `response_format: json_schema` is answered with JSON following its schema, made by
   * `judge` (given the request and the schema) or, without it, filled in from the schema (`fillSchema`). */
  judge?: (req: SeenRequest, schema: Record<string, unknown>) => unknown;
  /** Judge faults played in order, one per structured-output request: invalid JSON, a refusal, or no answer at all. */
  judgeFaults?: JudgeFault[];
  /** The model id structured-output answers report (default: the requested id), e.g. a dated snapshot. */
  servedModel?: string;
  /** Streaming (`stream: true`): characters per chunk (default 40) and a pause between chunks (default none). */
  streamChunkChars?: number;
  streamDelayMs?: number;
  /** Fine-tuning: retrieves that see a job still `running` before it ends (default 1). */
  fineTunePolls?: number;
  /** Fine-tuning: fewest examples a training file must hold (default 10, as OpenAI). */
  fineTuneMinExamples?: number;
}

/** A fine-tuning job as the server keeps it. */
export interface FakeFineTuneJob {
  id: string;
  model: string;
  suffix: string | null;
  trainingFile: string;
  validationFile: string | null;
  hyperparameters: Record<string, unknown>;
  status: 'validating_files' | 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
  polls: number;
  fineTunedModel: string | null;
  error: { code: string; message: string; param: string | null } | null;
  events: { id: string; created_at: number; level: 'info' | 'warn' | 'error'; message: string }[];
  createdAt: number;
  authorization: string | undefined;
}

/** One line of a batch input file as received. */
export interface SeenBatchLine {
  batchId: string;
  customId: string;
  body: { model: string; messages: { role: string; content: string }[] } & Record<string, unknown>;
}

interface FakeBatch {
  id: string;
  inputFileId: string;
  polls: number;
  status: 'completed' | 'expired';
  outputFileId?: string;
  errorFileId?: string;
  counts: { total: number; completed: number; failed: number };
}

/** The file part and the fields of a multipart/form-data body, as the openai client uploads them. */
function parseMultipart(body: Buffer, contentType: string): { fields: Record<string, string>; file?: { name: string; content: string } } {
  const boundary = /boundary=("?)([^";]+)\1/.exec(contentType)?.[2];
  const fields: Record<string, string> = {};
  let file: { name: string; content: string } | undefined;
  if (!boundary) return { fields };
  for (const part of body.toString('utf8').split(`--${boundary}`)) {
    const split = part.indexOf('\r\n\r\n');
    if (split < 0) continue;
    const head = part.slice(0, split);
    const content = part.slice(split + 4).replace(/\r\n$/, '');
    const name = /name="([^"]*)"/.exec(head)?.[1];
    const filename = /filename="([^"]*)"/.exec(head)?.[1];
    if (filename !== undefined) file = { name: filename, content };
    else if (name) fields[name] = content;
  }
  return { fields, file };
}

/** A plugin small enough to answer anything with. */
export const FIXED_PLUGIN = '```sourcepawn\n#include <sourcemod>\n\npublic void OnPluginStart()\n{\n    PrintToServer("hello");\n}\n```\n';

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

function readRaw(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function readBody(req: IncomingMessage): Promise<string> {
  return (await readRaw(req)).toString('utf8');
}

/** Starts the server on an ephemeral port. */
export async function startOpenAIServer(initial: ServerOptions = {}) {
  const options: ServerOptions = { ...initial, faults: [...(initial.faults ?? [])] };
  const requests: SeenRequest[] = [];
  const sockets = new Set<Socket>();
  let served = 0;
  // Chat requests being answered now, and the most at once since the last reset (concurrency tests).
  let inFlight = 0;
  let maxInFlight = 0;

  async function completions(req: IncomingMessage, res: ServerResponse): Promise<void> {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.once('close', () => inFlight--);
    const body = JSON.parse(await readBody(req)) as Record<string, unknown>;
    const messages = (body.messages ?? []) as SeenRequest['messages'];
    if (options.record !== false) requests.push({ model: String(body.model), messages, body, authorization: req.headers.authorization, headers: req.headers });
    const format = body.response_format as { type?: string; json_schema?: { schema?: Record<string, unknown> } } | undefined;
    if (format?.type === 'json_schema' && format.json_schema?.schema) return structured(req, res, body, messages, format.json_schema.schema);
    const fault = options.faults?.shift();
    if (fault === 'hang') return; // never answers; the client's timeout must fire
    if (options.latencyMs) await new Promise((r) => setTimeout(r, options.latencyMs));
    if (fault === 'drop') return void req.socket.destroy();
    if (fault === '429') {
      const h: Record<string, string> = options.retryAfterMs !== undefined ? { 'retry-after-ms': String(options.retryAfterMs) } : { 'retry-after': options.retryAfter ?? '0' };
      return send(res, 429, { error: { message: 'Rate limit reached', type: 'requests', code: 'rate_limit_exceeded' } }, h);
    }
    if (fault === '500') return send(res, 500, { error: { message: 'The server had an error', type: 'server_error' } });
    if (fault === '401') return send(res, 401, { error: { message: 'Incorrect API key provided', type: 'invalid_request_error', code: 'invalid_api_key' } });
    if (fault === '404') return send(res, 404, { error: { message: `The model ${String(body.model)} does not exist`, type: 'invalid_request_error', code: 'model_not_found' } });
    if (fault === 'malformed') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return void res.end('{"id":"chatcmpl-x","choices":[{"message":');
    }
    served++;
    const answer = completion(`chatcmpl-${served}`, body.model, messages, fault === 'empty');
    if (body.stream === true) return streamCompletion(res, answer);
    send(res, 200, answer);
  }

  /** `stream: true`: the answer as server-sent chunks of `streamChunkChars` characters, then usage, then [DONE]. */
  async function streamCompletion(res: ServerResponse, answer: ReturnType<typeof completion>): Promise<void> {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    const content = answer.choices[0]!.message.content ?? '';
    const size = Math.max(1, options.streamChunkChars ?? 40);
    const chunk = (delta: Record<string, unknown>, finish: string | null, usage?: unknown) =>
      res.write(`data: ${JSON.stringify({ id: answer.id, object: 'chat.completion.chunk', created: answer.created, model: answer.model, choices: usage ? [] : [{ index: 0, delta, finish_reason: finish }], ...(usage ? { usage } : {}) })}\n\n`);
    chunk({ role: 'assistant', content: '' }, null);
    for (let i = 0; i < content.length; i += size) {
      chunk({ content: content.slice(i, i + size) }, null);
      if (options.streamDelayMs) await new Promise((r) => setTimeout(r, options.streamDelayMs));
    }
    chunk({}, 'stop');
    chunk({}, null, answer.usage);
    res.end('data: [DONE]\n\n');
  }

  /** Judge mode: JSON following the request's schema, or the next judge fault. */
  async function structured(req: IncomingMessage, res: ServerResponse, body: Record<string, unknown>, messages: SeenRequest['messages'], schema: Record<string, unknown>): Promise<void> {
    const fault = options.judgeFaults?.shift();
    if (fault === 'hang') return; // never answers; the client's timeout must fire
    if (options.latencyMs) await new Promise((r) => setTimeout(r, options.latencyMs));
    served++;
    const seen: SeenRequest = { model: String(body.model), messages, body, authorization: req.headers.authorization, headers: req.headers };
    const content = fault === 'invalid_json' ? '{"criteria": [{"id": ' : fault === 'refusal' ? null : JSON.stringify(options.judge ? options.judge(seen, schema) : fillSchema(schema));
    const answer = completion(`chatcmpl-${served}`, options.servedModel ?? body.model, messages);
    const message: Record<string, unknown> = { role: 'assistant', content, ...(fault === 'refusal' ? { refusal: "I'm sorry, I can't help with grading this." } : {}) };
    send(res, 200, { ...answer, choices: [{ index: 0, message, finish_reason: 'stop' }], usage: { ...answer.usage, completion_tokens: Math.ceil((content ?? '').length / 4) } });
  }

  /** A chat completion body: the answer for the last user prompt, usage from prompt and answer sizes. */
  function completion(id: string, model: unknown, messages: SeenRequest['messages'], empty = false) {
    const prompt = [...messages].reverse().find((m) => m.role === 'user')?.content ?? '';
    const content = empty ? null : (options.answers?.get(prompt) ?? options.defaultAnswer ?? FIXED_PLUGIN);
    const promptChars = messages.reduce((s, m) => s + m.content.length, 0);
    return {
      id,
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model,
      choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
      usage: { prompt_tokens: Math.ceil(promptChars / 4), completion_tokens: Math.ceil((content ?? '').length / 4), total_tokens: 0 },
    };
  }

  // Batch API: files and batches live in memory; a batch's results are made when it is created.
  const files = new Map<string, { purpose: string; name: string; content: string }>();
  const batches = new Map<string, FakeBatch>();
  const batchLines: SeenBatchLine[] = [];
  const batchAuth: (string | undefined)[] = [];
  const addFile = (purpose: string, name: string, content: string) => {
    const id = `file-${files.size + 1}`;
    files.set(id, { purpose, name, content });
    return id;
  };

  async function uploadFile(req: IncomingMessage, res: ServerResponse): Promise<void> {
    batchAuth.push(req.headers.authorization);
    const { fields, file } = parseMultipart(await readRaw(req), String(req.headers['content-type'] ?? ''));
    if (!file || !fields.purpose) return send(res, 400, { error: { message: 'expected a file and a purpose' } });
    const id = addFile(fields.purpose, file.name, file.content);
    send(res, 200, { id, object: 'file', bytes: Buffer.byteLength(file.content), created_at: Math.floor(Date.now() / 1000), filename: file.name, purpose: fields.purpose, status: 'processed' });
  }

  async function createBatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    batchAuth.push(req.headers.authorization);
    const body = JSON.parse(await readBody(req)) as { input_file_id?: string };
    const input = files.get(body.input_file_id ?? '');
    if (!input) return send(res, 404, { error: { message: `no file ${body.input_file_id}` } });
    const id = `batch_${batches.size + 1}`;
    const lines = input.content.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as { custom_id: string; body: SeenBatchLine['body'] });
    const answered = options.batchExpire ? lines.slice(0, options.batchExpireAfter ?? 0) : lines;
    const output: string[] = [];
    const errors: string[] = [];
    for (const [i, l] of answered.entries()) {
      if (options.record !== false) batchLines.push({ batchId: id, customId: l.custom_id, body: l.body });
      if (options.batchFail?.(l.custom_id)) {
        errors.push(JSON.stringify({ id: `batch_req_${i}`, custom_id: l.custom_id, response: { status_code: 500, request_id: `req_${i}`, body: { error: { message: 'The server had an error', type: 'server_error' } } }, error: null }));
      } else {
        output.push(JSON.stringify({ id: `batch_req_${i}`, custom_id: l.custom_id, response: { status_code: 200, request_id: `req_${i}`, body: completion(`chatcmpl-${id}-${i}`, l.body.model, l.body.messages) }, error: null }));
      }
    }
    const batch: FakeBatch = {
      id,
      inputFileId: body.input_file_id!,
      polls: options.batchPolls ?? 0,
      status: options.batchExpire ? 'expired' : 'completed',
      ...(output.length ? { outputFileId: addFile('batch_output', `${id}_output.jsonl`, output.join('\n') + '\n') } : {}),
      ...(errors.length ? { errorFileId: addFile('batch_output', `${id}_error.jsonl`, errors.join('\n') + '\n') } : {}),
      counts: { total: lines.length, completed: output.length, failed: errors.length },
    };
    batches.set(id, batch);
    send(res, 200, batchObject(batch, 'validating'));
  }

  function batchObject(b: FakeBatch, status: string) {
    const done = status === 'completed' || status === 'expired';
    return {
      id: b.id,
      object: 'batch',
      endpoint: '/v1/chat/completions',
      input_file_id: b.inputFileId,
      completion_window: '24h',
      status,
      output_file_id: done ? (b.outputFileId ?? null) : null,
      error_file_id: done ? (b.errorFileId ?? null) : null,
      created_at: Math.floor(Date.now() / 1000),
      request_counts: done ? b.counts : { total: b.counts.total, completed: 0, failed: 0 },
    };
  }

  function batchRoutes(req: IncomingMessage, res: ServerResponse, url: string): boolean {
    const fail = (err: Error) => send(res, 400, { error: { message: err.message } });
    if (req.method === 'POST' && url === '/v1/files') return void uploadFile(req, res).catch(fail), true;
    if (req.method === 'POST' && url === '/v1/batches') return void createBatch(req, res).catch(fail), true;
    const content = /^\/v1\/files\/([^/]+)\/content$/.exec(url);
    if (req.method === 'GET' && content) {
      const f = files.get(content[1]!);
      if (!f) return send(res, 404, { error: { message: 'no such file' } }), true;
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      return res.end(f.content), true;
    }
    const batch = /^\/v1\/batches\/([^/]+)$/.exec(url);
    if (req.method === 'GET' && batch) {
      batchAuth.push(req.headers.authorization);
      const b = batches.get(batch[1]!);
      if (!b) return send(res, 404, { error: { message: 'no such batch' } }), true;
      // The first `batchPolls` retrieves see it still running.
      const status = b.polls > 0 ? 'in_progress' : b.status;
      if (b.polls > 0) b.polls--;
      return send(res, 200, batchObject(b, status)), true;
    }
    return false;
  }

  // Fine-tuning: jobs live in memory and move one step per retrieve (validating → running → succeeded or failed),
  // so a client that polls sees the states and events a real job goes through.
  const fineTuneJobs: FakeFineTuneJob[] = [];
  const fineTuneEvent = (job: FakeFineTuneJob, message: string, level: 'info' | 'warn' | 'error' = 'info') =>
    job.events.push({ id: `ftevent-${job.id}-${job.events.length + 1}`, created_at: Math.floor(Date.now() / 1000), level, message });

  /** Why a training file cannot be trained on (the checks OpenAI makes before a job starts), or null. */
  function trainingFileProblem(content: string): string | null {
    const lines = content.split('\n').filter((l) => l.trim() !== '');
    for (const [i, l] of lines.entries()) {
      let row: { messages?: { role?: string; content?: unknown }[] };
      try {
        row = JSON.parse(l) as typeof row;
      } catch {
        return `Invalid file format. Line ${i + 1}: the line is not valid JSON.`;
      }
      if (!Array.isArray(row.messages)) return `Invalid file format. Line ${i + 1}: missing required key "messages".`;
      if (!row.messages.some((m) => m.role === 'assistant' && typeof m.content === 'string')) return `Invalid file format. Line ${i + 1}: no assistant message to train on.`;
    }
    const min = options.fineTuneMinExamples ?? 10;
    if (lines.length < min) return `Training file has ${lines.length} example(s), but must have at least ${min} examples.`;
    return null;
  }

  function fineTuneObject(j: FakeFineTuneJob) {
    return {
      id: j.id,
      object: 'fine_tuning.job',
      created_at: j.createdAt,
      finished_at: j.status === 'succeeded' || j.status === 'failed' || j.status === 'cancelled' ? Math.floor(Date.now() / 1000) : null,
      model: j.model,
      fine_tuned_model: j.fineTunedModel,
      organization_id: 'org-loopback',
      result_files: [],
      status: j.status,
      validation_file: j.validationFile,
      training_file: j.trainingFile,
      hyperparameters: j.hyperparameters,
      trained_tokens: j.status === 'succeeded' ? 1000 : null,
      error: j.error,
      seed: 1,
    };
  }

  /** One retrieve's worth of progress. */
  function advance(j: FakeFineTuneJob): void {
    if (j.status === 'validating_files') {
      const problem = trainingFileProblem(files.get(j.trainingFile)?.content ?? '');
      if (problem) {
        j.status = 'failed';
        j.error = { code: 'invalid_training_file', message: `The job failed due to an invalid training file. ${problem}`, param: 'training_file' };
        fineTuneEvent(j, j.error.message, 'error');
        return;
      }
      fineTuneEvent(j, 'Files validated, moving job to queued state');
      j.status = 'queued';
      return;
    }
    if (j.status === 'queued') {
      j.status = 'running';
      fineTuneEvent(j, 'Fine-tuning job started');
      return;
    }
    if (j.status === 'running') {
      if (j.polls > 0) {
        j.polls--;
        fineTuneEvent(j, `Step ${j.events.length}/10: training loss=0.${(50 - j.events.length).toString().padStart(2, '0')}`);
        return;
      }
      j.status = 'succeeded';
      // As OpenAI names them: the original base model (also when training on a fine-tune), the org, the suffix, an id.
      const base = j.model.startsWith('ft:') ? (j.model.split(':')[1] ?? j.model) : j.model;
      j.fineTunedModel = `ft:${base}:loopback:${j.suffix ?? ''}:${j.id.slice(-6)}`;
      fineTuneEvent(j, `New fine-tuned model created: ${j.fineTunedModel}`);
      fineTuneEvent(j, 'The job has successfully completed');
    }
  }

  async function createFineTune(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = JSON.parse(await readBody(req)) as { training_file?: string; validation_file?: string; model?: string; suffix?: string; hyperparameters?: Record<string, unknown>; method?: Record<string, unknown> };
    const training = files.get(body.training_file ?? '');
    if (!training) return send(res, 400, { error: { message: `invalid training_file: ${body.training_file}`, type: 'invalid_request_error', param: 'training_file', code: null } });
    if (training.purpose !== 'fine-tune') return send(res, 400, { error: { message: `File ${body.training_file} has purpose ${training.purpose}, expected fine-tune`, type: 'invalid_request_error', param: 'training_file', code: null } });
    if (body.validation_file && !files.get(body.validation_file)) return send(res, 400, { error: { message: `invalid validation_file: ${body.validation_file}`, type: 'invalid_request_error', param: 'validation_file', code: null } });
    if (!body.model) return send(res, 400, { error: { message: 'model is required', type: 'invalid_request_error', param: 'model', code: null } });
    const id = `ftjob-loopback${String(fineTuneJobs.length + 1).padStart(6, '0')}`;
    const job: FakeFineTuneJob = {
      id,
      model: body.model,
      suffix: body.suffix ?? null,
      trainingFile: body.training_file!,
      validationFile: body.validation_file ?? null,
      hyperparameters: body.hyperparameters ?? { n_epochs: 'auto' },
      status: 'validating_files',
      polls: options.fineTunePolls ?? 1,
      fineTunedModel: null,
      error: null,
      events: [],
      createdAt: Math.floor(Date.now() / 1000),
      authorization: req.headers.authorization,
    };
    fineTuneEvent(job, `Validating training file: ${job.trainingFile}`);
    fineTuneJobs.push(job);
    send(res, 200, fineTuneObject(job));
  }

  function fineTuneRoutes(req: IncomingMessage, res: ServerResponse, url: string): boolean {
    const [pathname, query = ''] = url.split('?');
    if (req.method === 'POST' && pathname === '/v1/fine_tuning/jobs') return void createFineTune(req, res).catch((err: Error) => send(res, 400, { error: { message: err.message } })), true;
    const m = /^\/v1\/fine_tuning\/jobs\/([^/]+)(\/events|\/cancel)?$/.exec(pathname ?? '');
    if (!m) return false;
    const job = fineTuneJobs.find((j) => j.id === m[1]);
    if (!job) return send(res, 404, { error: { message: `No fine-tuning job found with id ${m[1]}`, type: 'invalid_request_error', param: null, code: 'fine_tune_not_found' } }), true;
    if (req.method === 'GET' && m[2] === undefined) {
      advance(job);
      return send(res, 200, fineTuneObject(job)), true;
    }
    if (req.method === 'GET' && m[2] === '/events') {
      // Newest first, as the API lists them; `after` pages towards older events.
      const params = new URLSearchParams(query);
      const newest = [...job.events].reverse();
      const after = params.get('after');
      const from = after ? newest.findIndex((e) => e.id === after) + 1 : 0;
      const limit = Number(params.get('limit') ?? 20);
      const page = newest.slice(from, from + limit);
      return send(res, 200, { object: 'list', data: page.map((e) => ({ ...e, object: 'fine_tuning.job.event', type: 'message' })), has_more: from + limit < newest.length }), true;
    }
    if (req.method === 'POST' && m[2] === '/cancel') {
      if (job.status === 'succeeded' || job.status === 'failed' || job.status === 'cancelled') {
        return send(res, 400, { error: { message: `Job ${job.id} has already ${job.status === 'cancelled' ? 'been cancelled' : job.status}`, type: 'invalid_request_error', param: null, code: null } }), true;
      }
      job.status = 'cancelled';
      fineTuneEvent(job, 'Fine-tuning job cancelled');
      return send(res, 200, fineTuneObject(job)), true;
    }
    return false;
  }

  const server = createServer((req, res) => {
    const url = req.url ?? '';
    if (req.method === 'POST' && url === '/v1/chat/completions') {
      completions(req, res).catch((err: Error) => send(res, 400, { error: { message: err.message } }));
      return;
    }
    if (batchRoutes(req, res, url)) return;
    if (fineTuneRoutes(req, res, url)) return;
    send(res, 404, { error: { message: `no route ${req.method} ${url}` } });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    options,
    /** Batch API: every line of every batch input received, and the authorization of each batch call. */
    batchLines,
    batchAuth,
    /** Fine-tuning jobs created, in order (their files are in `uploadedFile`). */
    fineTuneJobs,
    /** The content of an uploaded file by id. */
    uploadedFile(id: string): { purpose: string; name: string; content: string } | undefined {
      return files.get(id);
    },
    /** Completions answered with 200. */
    get served() {
      return served;
    },
    /** Most chat requests in flight at once since the last call (which resets it). */
    takeMaxInFlight(): number {
      const m = maxInFlight;
      maxInFlight = inFlight;
      return m;
    },
    async close(): Promise<void> {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type OpenAIServer = Awaited<ReturnType<typeof startOpenAIServer>>;
