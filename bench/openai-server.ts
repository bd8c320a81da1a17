// A real HTTP server on 127.0.0.1 speaking the parts of the OpenAI protocol the harness uses,
// with switches for latency and failures. Tests and the benchmark (hence its place in bench/) talk to it; nothing leaves the machine.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** A failure the server plays for one request. */
export type Fault = '429' | '500' | 'drop' | 'malformed' | 'hang' | '401' | '404' | 'empty';

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
    send(res, 200, completion(`chatcmpl-${served}`, body.model, messages, fault === 'empty'));
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

  const server = createServer((req, res) => {
    const url = req.url ?? '';
    if (req.method === 'POST' && url === '/v1/chat/completions') {
      completions(req, res).catch((err: Error) => send(res, 400, { error: { message: err.message } }));
      return;
    }
    if (batchRoutes(req, res, url)) return;
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
