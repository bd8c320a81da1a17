// `l4d2-eval serve` at the HTTP level: a real server on 127.0.0.1 over a temp project with a real run store, a
// loopback OpenAI server for the live model. Token, Host check, CSP, limits, streaming, caching, no key in responses.
import http from 'node:http';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { hostAllowed, isLoopback } from '../../src/serve/security.js';
import { startServer, TOKEN_HEADER, type RunningServer } from '../../src/serve/server.js';
import { loadSuites } from '../../src/suite/multi.js';
import { startOpenAIServer, type OpenAIServer } from '../helpers/openai-server.js';
import { KEY_VAR, SECRET_KEY, serveProject, storeRun } from './project.js';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** One raw request (raw so the Host header can be anything). */
function request(port: number, o: { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: o.method ?? 'GET', path: o.path ?? '/', headers: { host: `127.0.0.1:${port}`, ...o.headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(o.body);
  });
}

/** The server-sent events of a body: [name, data] pairs. */
function events(body: string): [string, any][] {
  return body
    .split('\n\n')
    .filter((b) => b.trim())
    .map((b) => {
      const name = /^event: (.*)$/m.exec(b)?.[1] ?? 'message';
      return [name, JSON.parse(/^data: (.*)$/m.exec(b)?.[1] ?? 'null')];
    });
}

const HOSTILE = '</script><script>alert(1)</script><img src=x onerror=alert(2)>';
const ANSWER = '```sourcepawn\n#include <sourcemod>\n\npublic void OnPluginStart()\n{\n    PrintToServer("' + HOSTILE.replace(/"/g, "'") + '");\n}\n```\n';

let model: OpenAIServer;
let project: string;
let server: RunningServer;
let runId: string;
const generate = (body: unknown, token = server.token) => request(server.port, { method: 'POST', path: '/api/generate', headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token }, body: JSON.stringify(body) });

beforeAll(async () => {
  model = await startOpenAIServer({ defaultAnswer: ANSWER, streamChunkChars: 16 });
  project = serveProject(model.baseURL);
  runId = await storeRun(project, 'v1,v2');
  const config = loadConfig(undefined, project);
  server = await startServer({ config, suite: (await loadSuites([config.suite])).suite, port: 0 });
});

afterAll(async () => {
  await server?.close();
  await model?.close();
  delete process.env[KEY_VAR];
  if (project) rmSync(project, { recursive: true, force: true });
});

describe('serve: security', () => {
  it('sends a strict CSP on pages, assets and the API, and pages hold no inline script', async () => {
    for (const p of ['/', '/runs', '/assets/app.js', '/assets/app.css', '/api/runs']) {
      const r = await request(server.port, { path: p });
      expect(r.status, p).toBe(200);
      expect(r.headers['content-security-policy'], p).toBe("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
      expect(r.headers['x-content-type-options']).toBe('nosniff');
    }
    const page = (await request(server.port)).body;
    const scripts = [...page.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBe(2);
    for (const s of scripts) {
      expect(s[0]).toMatch(/ src="\/assets\/[a-z]+\.js"/);
      expect(s[1]).toBe('');
    }
    expect(page).not.toMatch(/ on[a-z]+=|style=/);
  });

  it('refuses a Host that is not the bound one (DNS rebinding), on every route', async () => {
    for (const host of ['evil.example:' + server.port, `127.0.0.1:${server.port + 1}`, 'evil.example']) {
      const r = await request(server.port, { headers: { host } });
      expect(r.status, host).toBe(421);
      expect(r.body).not.toContain(server.token);
    }
    expect((await request(server.port, { path: '/api/runs', headers: { host: `localhost:${server.port}` } })).status).toBe(200);
    expect(hostAllowed(`[::1]:${server.port}`, '127.0.0.1', server.port)).toBe(true);
    expect(hostAllowed('attacker.example:8787', '0.0.0.0', 8787)).toBe(false);
    expect(hostAllowed('192.168.1.5:8787', '0.0.0.0', 8787)).toBe(true);
    expect(hostAllowed('192.168.1.5:8787', '192.168.1.6', 8787)).toBe(false);
    expect(isLoopback('127.0.0.1') && isLoopback('localhost') && isLoopback('[::1]') && !isLoopback('0.0.0.0')).toBe(true);
  });

  it('needs the per-server token (and the own origin) for every POST', async () => {
    const caseId = 'si-tank-spawn-announce';
    const none = await request(server.port, { method: 'POST', path: '/api/generate', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ model: 'v1', caseId }) });
    expect(none.status).toBe(403);
    expect((await generate({ model: 'v1', caseId }, server.token.slice(1) + 'x')).status).toBe(403);
    const crossSite = await request(server.port, { method: 'POST', path: '/api/generate', headers: { 'content-type': 'application/json', [TOKEN_HEADER]: server.token, origin: 'http://evil.example' }, body: JSON.stringify({ model: 'v1', caseId }) });
    expect(crossSite.status).toBe(403);
    expect(model.served).toBe(0);
    const ok = await generate({ model: 'v1', caseId });
    expect(ok.status).toBe(200);
    expect(ok.headers['content-type']).toMatch(/^text\/event-stream/);
    expect(events(ok.body).at(-1)![0]).toBe('result');
  });

  it('limits request bodies and refuses bad requests with a hint', async () => {
    const big = await request(server.port, { method: 'POST', path: '/api/generate', headers: { 'content-type': 'application/json', [TOKEN_HEADER]: server.token }, body: JSON.stringify({ model: 'live', prompt: 'x'.repeat(100_000) }) });
    expect(big.status).toBe(413);
    expect(JSON.parse(big.body).error).toBe('request body too large');
    const replayPrompt = await generate({ model: 'v1', prompt: 'Write a plugin' });
    expect(replayPrompt.status).toBe(400);
    expect(JSON.parse(replayPrompt.body)).toMatchObject({ error: expect.stringContaining('replays recorded answers'), hint: expect.stringContaining('choose a case') });
    expect((await generate({ model: 'nope', caseId: 'x' })).status).toBe(400);
    expect((await request(server.port, { method: 'PUT', path: '/api/generate', headers: { [TOKEN_HEADER]: server.token } })).status).toBe(405);
    expect((await request(server.port, { path: '/nope' })).status).toBe(404);
  });

  it('with an access token, every request needs it: once in the URL, then a cookie', async () => {
    const config = loadConfig(undefined, project);
    const locked = await startServer({ config, suite: (await loadSuites([config.suite])).suite, port: 0, accessToken: 'a-long-access-token-123' });
    try {
      expect(locked.url).toBe(`http://127.0.0.1:${locked.port}/?token=a-long-access-token-123`);
      expect((await request(locked.port)).status).toBe(401);
      expect((await request(locked.port, { path: '/api/runs' })).status).toBe(401);
      expect((await request(locked.port, { path: '/?token=wrong' })).status).toBe(401);
      const enter = await request(locked.port, { path: '/runs?token=a-long-access-token-123' });
      expect(enter.status).toBe(303);
      expect(enter.headers.location).toBe('/runs');
      const cookie = enter.headers['set-cookie']![0]!;
      expect(cookie).toMatch(/HttpOnly; SameSite=Strict/);
      expect((await request(locked.port, { path: '/api/runs', headers: { cookie: cookie.split(';')[0]! } })).status).toBe(200);
    } finally {
      await locked.close();
    }
  });
});

describe('serve: playground and runs', () => {
  it('streams a live answer, judges it, prices it, caches it; the key never reaches a response', async () => {
    const before = model.served;
    const first = await generate({ model: 'live', prompt: 'Print a greeting when the plugin starts' });
    expect(first.status).toBe(200);
    const ev = events(first.body);
    const deltas = ev.filter(([n]) => n === 'delta').map(([, d]) => d.text as string);
    expect(deltas.length).toBeGreaterThan(3);
    expect(deltas.join('')).toBe(ANSWER);
    const [name, result] = ev.at(-1)!;
    expect(name).toBe('result');
    expect(result).toMatchObject({ model: 'live', caseId: null, answer: ANSWER, cached: false, usage: { inputTokens: expect.any(Number), outputTokens: expect.any(Number) } });
    expect(result.costUsd).toBeGreaterThan(0);
    expect(result.judgement.score).toBeGreaterThan(0);
    expect(result.judgement.checks.map((c: { kind: string }) => c.kind)).toEqual(['syntax', 'rule', 'api']);
    expect(result.judgement.code).toContain('OnPluginStart');
    expect(model.served).toBe(before + 1);
    expect(model.requests.at(-1)!.authorization).toBe(`Bearer ${SECRET_KEY}`);
    expect(model.requests.at(-1)!.body.stream).toBe(true);
    // Same request again: the cache answers, nothing is sent or paid.
    const again = events((await generate({ model: 'live', prompt: 'Print a greeting when the plugin starts' })).body).at(-1)![1];
    expect(again).toMatchObject({ cached: true, costUsd: 0, answer: ANSWER });
    expect(model.served).toBe(before + 1);
    // The hostile text travels as JSON data of a non-HTML response, and downloads as a plain-text attachment.
    const dl = await request(server.port, { path: `/api/download?id=${result.id as string}` });
    expect(dl.status).toBe(200);
    expect(dl.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(dl.headers['content-disposition']).toBe('attachment; filename="playground.live.sp"');
    expect(dl.body).toBe(result.judgement.code);
    for (const p of ['/', '/api/catalog', '/api/runs', `/api/run?run=${runId}`]) expect((await request(server.port, { path: p })).body, p).not.toContain(SECRET_KEY);
    expect(first.body).not.toContain(SECRET_KEY);
  });

  it('judges a recorded case as run does', async () => {
    const [, result] = events((await generate({ model: 'v2', caseId: 'si-tank-spawn-announce' })).body).at(-1)!;
    const stored = JSON.parse((await request(server.port, { path: `/api/run?run=${runId}:v2` })).body) as { cases: { caseId: string; cells: { score: number }[] }[] };
    expect(result.judgement.score).toBe(stored.cases.find((c) => c.caseId === 'si-tank-spawn-announce')!.cells[0]!.score);
    expect(result.judgement.checks.length).toBeGreaterThan(3);
  });

  it('lists runs, serves a run report under its own hash CSP, and compares two models', async () => {
    const runs = JSON.parse((await request(server.port, { path: '/api/runs' })).body) as { runId: string; models: { label: string }[] }[];
    expect(runs.map((r) => r.runId)).toEqual([runId]);
    const report = await request(server.port, { path: `/report?run=${runId}` });
    expect(report.status).toBe(200);
    expect(report.headers['content-security-policy']).toMatch(/^default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-[A-Za-z0-9+/=]+'; .*frame-ancestors 'none'$/);
    expect(report.body).toContain('id="report-data"');
    expect(report.body).toContain(runId);
    const cmp = JSON.parse((await request(server.port, { path: `/api/compare?a=${runId}:v1&b=${runId}:v2` })).body) as { models: { label: string; baseline: boolean }[]; verdict: { kind: string }; cases: { change: string }[] };
    expect(cmp.models.map((m) => [m.label, m.baseline])).toEqual([['v1', true], ['v2', false]]);
    expect(cmp.verdict.kind).toBe('better');
    expect(cmp.cases.some((c) => c.change === 'improvement')).toBe(true);
    const missing = await request(server.port, { path: '/api/run?run=nope' });
    expect(missing.status).toBe(400);
    expect(JSON.parse(missing.body).error).toContain('no run "nope"');
  });
});
