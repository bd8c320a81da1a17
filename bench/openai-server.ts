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
}

/** A plugin small enough to answer anything with. */
export const FIXED_PLUGIN = '```sourcepawn\n#include <sourcemod>\n\npublic void OnPluginStart()\n{\n    PrintToServer("hello");\n}\n```\n';

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Starts the server on an ephemeral port. */
export async function startOpenAIServer(initial: ServerOptions = {}) {
  const options: ServerOptions = { ...initial, faults: [...(initial.faults ?? [])] };
  const requests: SeenRequest[] = [];
  const sockets = new Set<Socket>();
  let served = 0;

  async function completions(req: IncomingMessage, res: ServerResponse): Promise<void> {
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
    const prompt = [...messages].reverse().find((m) => m.role === 'user')?.content ?? '';
    const content = fault === 'empty' ? null : (options.answers?.get(prompt) ?? options.defaultAnswer ?? FIXED_PLUGIN);
    const promptChars = messages.reduce((s, m) => s + m.content.length, 0);
    served++;
    send(res, 200, {
      id: `chatcmpl-${served}`,
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model: body.model,
      choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
      usage: { prompt_tokens: Math.ceil(promptChars / 4), completion_tokens: Math.ceil((content ?? '').length / 4), total_tokens: 0 },
    });
  }

  const server = createServer((req, res) => {
    const url = req.url ?? '';
    if (req.method === 'POST' && url === '/v1/chat/completions') {
      completions(req, res).catch((err: Error) => send(res, 400, { error: { message: err.message } }));
      return;
    }
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
    /** Completions answered with 200. */
    get served() {
      return served;
    },
    async close(): Promise<void> {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type OpenAIServer = Awaited<ReturnType<typeof startOpenAIServer>>;
