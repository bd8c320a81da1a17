// `l4d2-eval serve`: Node's own http server with two pages (playground, runs), their static script and style, and a
// small JSON API. Every response carries a strict CSP; the Host header must name this server; every POST needs the
// per-server token from the page; with an access token (remote use) every request needs it too.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from '../config/load.js';
import { packagePath } from '../core/paths.js';
import { UserError } from '../core/errors.js';
import { escapeHtml } from '../report/html/escape.js';
import { tokenizeSourcePawn } from '../report/html/highlight.js';
import type { Suite } from '../types/suite.js';
import { Playground, type GenerateRequest, type PlaygroundEvent } from './playground.js';
import { parsePick, RunsView } from './runs.js';
import { baseHeaders, BodyTooLarge, cookie, hostAllowed, isLoopback, readBody, tokenMatches } from './security.js';

/** Header carrying the per-server token on state-changing requests. */
export const TOKEN_HEADER = 'x-l4d2-token';

/** How to start the server. */
export interface ServeOptions {
  config: Config;
  suite: Suite;
  host?: string;
  port?: number;
  /** Access token: when set, every request must carry it (`?token=` once, then a cookie). */
  accessToken?: string;
}

/** A running server. */
export interface RunningServer {
  /** The page to open (with `?token=` when an access token is set). */
  url: string;
  host: string;
  port: number;
  /** The per-server token the pages send with every POST. */
  token: string;
  close(): Promise<void>;
}

type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void> | void;

/** A static asset: the file under reports/templates/serve/ in the package, read once. */
function asset(file: string): string {
  return readFileSync(packagePath('reports', 'templates', 'serve', file), 'utf8');
}

function page(kind: 'playground' | 'runs', token: string, title: string): string {
  const nav = (href: string, text: string, on: boolean) => `<a href="${href}"${on ? ' aria-current="page"' : ''}>${text}</a>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="l4d2-token" content="${escapeHtml(token)}">
<title>${escapeHtml(title)} · l4d2-eval</title>
<link rel="stylesheet" href="/assets/app.css">
<script src="/assets/highlight.js" defer></script>
<script src="/assets/app.js" defer></script>
</head>
<body data-page="${kind}">
<header class="top"><strong>l4d2-eval</strong><nav>${nav('/', 'Playground', kind === 'playground')}${nav('/runs', 'Runs', kind === 'runs')}</nav></header>
<main id="app"><noscript>This page needs JavaScript.</noscript></main>
</body>
</html>
`;
}

/** The report's own CSP (its one inline script is pinned by hash), from the page it rendered. */
function reportCsp(html: string): string {
  const m = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html.slice(0, 4000));
  return `${m ? m[1]!.replace(/&#x27;|&#39;/g, "'") : "default-src 'none'"}; frame-ancestors 'none'`;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { ...baseHeaders(), 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function sendText(res: ServerResponse, status: number, type: string, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...baseHeaders(), 'content-type': type, ...headers });
  res.end(body);
}

/** Starts the workbench; resolves once it listens. */
export async function startServer(o: ServeOptions): Promise<RunningServer> {
  const host = o.host ?? '127.0.0.1';
  const token = randomBytes(24).toString('base64url');
  const playground = new Playground(o.config, o.suite);
  const runs = new RunsView(o.config);
  const inflight = new Set<AbortController>();
  const assets: Record<string, { type: string; body: string }> = {
    '/assets/app.js': { type: 'text/javascript; charset=utf-8', body: asset('app.js') },
    '/assets/app.css': { type: 'text/css; charset=utf-8', body: asset('app.css') },
    // The report's tokenizer, so the page highlights exactly as the report does.
    '/assets/highlight.js': { type: 'text/javascript; charset=utf-8', body: `'use strict';\nconst tokenizeSourcePawn = ${tokenizeSourcePawn.toString()};\n` },
  };
  let port = 0;
  const cookieName = () => `l4d2_eval_${port}`;

  const get: Record<string, Handler> = {
    '/': (_q, res) => sendText(res, 200, 'text/html; charset=utf-8', page('playground', token, 'Playground')),
    '/runs': (_q, res) => sendText(res, 200, 'text/html; charset=utf-8', page('runs', token, 'Runs')),
    // Browsers ask for it on their own; no icon, and no 404 in the console.
    '/favicon.ico': (_q, res) => {
      res.writeHead(204, baseHeaders());
      res.end();
    },
    '/api/catalog': (_q, res) => sendJson(res, 200, playground.catalog()),
    '/api/runs': (_q, res) => sendJson(res, 200, runs.list()),
    '/api/run': (_q, res, url) => sendJson(res, 200, runs.detail(parsePick(url.searchParams.get('run')))),
    '/api/compare': (_q, res, url) => sendJson(res, 200, runs.compare(parsePick(url.searchParams.get('a')), parsePick(url.searchParams.get('b')))),
    '/report': (_q, res, url) => {
      const one = url.searchParams.get('run');
      const run = one !== null ? runs.load(parsePick(one)) : runs.merged(parsePick(url.searchParams.get('a')), parsePick(url.searchParams.get('b')));
      const html = runs.reportHtml(run);
      sendText(res, 200, 'text/html; charset=utf-8', html, { 'content-security-policy': reportCsp(html) });
    },
    '/api/download': (_q, res, url) => {
      const answer = playground.answer(url.searchParams.get('id') ?? '');
      if (!answer) throw new HttpError(404, 'no such answer', 'generate it again');
      const name = `${(answer.caseId ?? 'playground').replace(/[^A-Za-z0-9_.-]/g, '_')}.${answer.model.replace(/[^A-Za-z0-9_.-]/g, '_')}.sp`;
      sendText(res, 200, 'text/plain; charset=utf-8', answer.judgement.code || answer.answer, { 'content-disposition': `attachment; filename="${name}"` });
    },
  };

  async function generate(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let body: GenerateRequest;
    try {
      const parsed = JSON.parse(await readBody(req)) as Record<string, unknown>;
      body = { model: String(parsed.model ?? ''), ...(typeof parsed.caseId === 'string' && parsed.caseId ? { caseId: parsed.caseId } : {}), ...(typeof parsed.prompt === 'string' ? { prompt: parsed.prompt } : {}) };
    } catch (err) {
      if (err instanceof BodyTooLarge) throw err;
      throw new HttpError(400, 'the request body is not JSON', 'send {"model": LABEL, "caseId": ID} or {"model": LABEL, "prompt": TEXT}');
    }
    playground.validate(body); // a UserError becomes a 400 before the stream starts
    const ctl = new AbortController();
    inflight.add(ctl);
    res.on('close', () => ctl.abort());
    res.writeHead(200, { ...baseHeaders(), 'content-type': 'text/event-stream; charset=utf-8', connection: 'keep-alive' });
    res.flushHeaders();
    const emit = (e: PlaygroundEvent) => {
      if (!res.writableEnded) res.write(`event: ${e.type}\ndata: ${JSON.stringify(e.type === 'delta' ? { text: e.text } : e.type === 'result' ? e.result : e.error)}\n\n`);
    };
    try {
      await playground.generate(body, emit, ctl.signal);
    } catch (err) {
      emit({ type: 'error', error: { code: 'server', message: err instanceof Error ? err.message : String(err) } });
    } finally {
      inflight.delete(ctl);
      res.end();
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hostAllowed(req.headers.host, host, port)) throw new HttpError(421, 'this Host is not served here', `open http://${host.includes(':') ? `[${host}]` : host}:${port}/`);
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    if (o.accessToken !== undefined) {
      const given = url.searchParams.get('token');
      if (given !== null && req.method === 'GET' && tokenMatches(given, o.accessToken)) {
        url.searchParams.delete('token');
        res.writeHead(303, { ...baseHeaders(), location: url.pathname + url.search, 'set-cookie': `${cookieName()}=${encodeURIComponent(o.accessToken)}; HttpOnly; SameSite=Strict; Path=/` });
        return void res.end();
      }
      if (!tokenMatches(cookie(req, cookieName()), o.accessToken)) throw new HttpError(401, 'an access token is needed', 'open the URL serve printed (it ends in ?token=…)');
    }
    if (req.method === 'POST') {
      // No cross-site form or script can send this header (or read the page that holds the token).
      if (!tokenMatches(req.headers[TOKEN_HEADER] as string | undefined, token)) throw new HttpError(403, 'missing or wrong token', `send the page's token in the ${TOKEN_HEADER} header`);
      const origin = req.headers.origin;
      if (origin !== undefined && origin !== `http://${req.headers.host}`) throw new HttpError(403, 'cross-origin request refused');
      if (url.pathname === '/api/generate') return generate(req, res);
      throw new HttpError(404, `no route POST ${url.pathname}`);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, `method ${req.method} not allowed`);
    const a = assets[url.pathname];
    if (a) return sendText(res, 200, a.type, a.body, { 'cache-control': 'no-cache' });
    const h = get[url.pathname];
    if (!h) throw new HttpError(404, `no page ${url.pathname}`, 'open / (playground) or /runs');
    return h(req, res, url);
  }

  const server = createServer({ maxHeaderSize: 16 * 1024, requestTimeout: 60_000 }, (req, res) => {
    Promise.resolve()
      .then(() => handle(req, res))
      .catch((err: unknown) => {
        const status = err instanceof HttpError ? err.status : err instanceof BodyTooLarge ? 413 : err instanceof UserError ? 400 : 500;
        const message = err instanceof BodyTooLarge ? 'request body too large' : err instanceof Error ? err.message : String(err);
        const hint = err instanceof HttpError || err instanceof UserError ? err.hint : undefined;
        if (res.headersSent) return void res.end();
        sendJson(res, status, { error: message, ...(hint ? { hint } : {}) });
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(err.code === 'EADDRINUSE' ? new UserError('E_SERVE', `port ${o.port} on ${host} is in use`, 'pick another with --port N, or --port 0 for any free port') : err.code === 'EADDRNOTAVAIL' || err.code === 'ENOTFOUND' ? new UserError('E_SERVE', `cannot listen on ${host}: ${err.code}`, 'pass an address of this machine with --host, e.g. 127.0.0.1') : err),
    );
    server.listen(o.port ?? 8787, host, resolve);
  });
  port = (server.address() as AddressInfo).port;
  // Bound to every interface: the URL to open here is the loopback one (other machines use this one's address).
  const shown = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '[::1]' : host.includes(':') ? `[${host}]` : host;
  const url = `http://${shown}:${port}/${o.accessToken !== undefined ? `?token=${encodeURIComponent(o.accessToken)}` : ''}`;
  return {
    url,
    host,
    port,
    token,
    async close() {
      for (const c of inflight) c.abort();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      playground.close();
      runs.close();
    },
  };
}

export { isLoopback };
