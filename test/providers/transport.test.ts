import { createServer, type Server } from 'node:http';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeFetch } from '../../src/providers/openai/transport.js';

// A small server with one route per behaviour the transport must handle like fetch does.
let server: Server;
let base: string;
const seen: { method?: string; headers: Record<string, string | string[] | undefined>; body: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push({ method: req.method, headers: req.headers, body: Buffer.concat(chunks).toString() });
      switch (req.url) {
        case '/json':
          res.writeHead(201, { 'content-type': 'application/json', 'x-request-id': 'req_1', 'set-cookie': ['a=1', 'b=2'] });
          return res.end('{"ok":true}');
        case '/gzip':
          res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
          return res.end(gzipSync('{"zipped":"yes"}'));
        case '/empty':
          res.writeHead(204);
          return res.end();
        case '/cut':
          // Promise a long body, send part of it, then drop the connection.
          res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
          res.write('{"partial":');
          return setTimeout(() => res.socket?.destroy(), 20);
        case '/hang':
          return; // never answers
        default:
          res.writeHead(404, { 'content-type': 'text/plain' });
          res.end('no such route');
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe('node fetch transport', () => {
  const f = createNodeFetch();

  it('sends method, headers and body, and returns status, headers and a JSON body', async () => {
    const res = await f(`${base}/json`, { method: 'POST', headers: new Headers({ Authorization: 'Bearer t', 'content-type': 'application/json' }), body: '{"q":1}' });
    expect(res.status).toBe(201);
    expect(res.ok).toBe(true);
    expect(res.headers.get('x-request-id')).toBe('req_1');
    expect(res.headers.get('set-cookie')).toBe('a=1, b=2');
    expect(await res.json()).toEqual({ ok: true });
    const last = seen.at(-1)!;
    expect(last.method).toBe('POST');
    expect(last.headers.authorization).toBe('Bearer t');
    expect(last.headers['content-length']).toBe('7');
    expect(last.body).toBe('{"q":1}');
  });

  it('decodes gzip bodies', async () => {
    const res = await f(`${base}/gzip`, { method: 'GET' });
    expect(await res.json()).toEqual({ zipped: 'yes' });
    expect(res.headers.get('content-encoding')).toBeNull();
  });

  it('gives a null body for 204 and the status of errors', async () => {
    expect((await f(`${base}/empty`)).status).toBe(204);
    const missing = await f(`${base}/nope`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe('no such route');
  });

  it('rejects a connection dropped mid-body with TypeError("fetch failed") and a cause', async () => {
    const err = await f(`${base}/cut`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TypeError);
    expect((err as Error).message).toBe('fetch failed');
    expect((err as Error).cause).toBeInstanceOf(Error);
  });

  it('rejects with an AbortError when the signal aborts, before or during the request', async () => {
    const ctl = new AbortController();
    const pending = f(`${base}/hang`, { signal: ctl.signal }).catch((e: unknown) => e);
    setTimeout(() => ctl.abort(), 30);
    expect((await pending as Error).name).toBe('AbortError');
    const pre = await f(`${base}/json`, { signal: AbortSignal.abort() }).catch((e: unknown) => e);
    expect((pre as Error).name).toBe('AbortError');
  });

  it('refuses a connection to a closed port like fetch (TypeError with the cause)', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const err = await f(`http://127.0.0.1:${port}/json`).catch((e: unknown) => e);
    expect((err as Error).message).toBe('fetch failed');
    expect(((err as Error).cause as NodeJS.ErrnoException).code).toBe('ECONNREFUSED');
  });
});
