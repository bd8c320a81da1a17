// A lean `fetch` for the openai client: node:http(s) with one keep-alive agent per model. Node's built-in
// fetch (undici with web streams) cost the harness more CPU per request than everything else it does; this
// keeps the official client (request building, errors, Retry-After) and swaps only the wire. Bodies that are
// not plain bytes (multipart uploads of the Batch API) go through the built-in fetch unchanged.
import http from 'node:http';
import https from 'node:https';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';

type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** Statuses whose responses cannot carry a body (the Response constructor refuses one). */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

function plainHeaders(h: RequestInit['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  if (!h) return out;
  if (h instanceof Headers) h.forEach((v, k) => (out[k] = v));
  else if (Array.isArray(h)) for (const [k, v] of h) out[k!.toLowerCase()] = v!;
  else for (const [k, v] of Object.entries(h)) if (v !== undefined) out[k.toLowerCase()] = String(v);
  return out;
}

function bytesOf(body: RequestInit['body']): Buffer | undefined | null {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return Buffer.from(body);
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  if (body instanceof ArrayBuffer) return Buffer.from(body);
  return null; // streams, FormData, Blob: not handled here
}

function decoded(raw: Buffer, encoding: string | undefined): Uint8Array<ArrayBuffer> {
  const bytes = decompressed(raw, encoding);
  return new Uint8Array(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength);
}

function decompressed(raw: Buffer, encoding: string | undefined): Buffer {
  switch (encoding?.trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return gunzipSync(raw);
    case 'br':
      return brotliDecompressSync(raw);
    case 'deflate':
      return inflateSync(raw);
    default:
      return raw;
  }
}

function abortError(): Error {
  return new DOMException('This operation was aborted', 'AbortError');
}

/** A fetch over node:http(s) with keep-alive sockets, for one client. */
export function createNodeFetch(): FetchLike {
  const agents = { 'http:': new http.Agent({ keepAlive: true }), 'https:': new https.Agent({ keepAlive: true }) };
  return (input, init = {}) => {
    const body = bytesOf(init.body);
    if (body === null || input instanceof Request) return fetch(input, init);
    const url = new URL(String(input));
    const mod = url.protocol === 'https:' ? https : url.protocol === 'http:' ? http : undefined;
    if (!mod) return fetch(input, init);
    const { signal } = init;
    return new Promise<Response>((resolve, reject) => {
      if (signal?.aborted) return reject(abortError());
      // Like fetch: an abort rejects with AbortError, anything else with TypeError('fetch failed') and a cause.
      // (A promise settles once, so later calls after success or failure are no-ops.)
      const fail = (err: Error) => {
        signal?.removeEventListener('abort', onAbort);
        reject(signal?.aborted ? abortError() : new TypeError('fetch failed', { cause: err }));
      };
      const headers = plainHeaders(init.headers);
      if (body) headers['content-length'] = String(body.length);
      const req = mod.request(url, { method: init.method ?? 'GET', headers, agent: agents[url.protocol as 'http:' | 'https:'] }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', fail);
        // A connection that drops mid-body closes without 'end'.
        res.on('close', () => {
          if (!res.complete) fail(new Error('connection closed before the response ended'));
        });
        res.on('end', () => {
          signal?.removeEventListener('abort', onAbort);
          const status = res.statusCode ?? 0;
          const out = new Headers();
          for (const [k, v] of Object.entries(res.headers)) {
            if (v === undefined || k === 'content-encoding' || k === 'content-length') continue;
            if (Array.isArray(v)) for (const x of v) out.append(k, x);
            else out.set(k, v);
          }
          try {
            const data = NULL_BODY.has(status) ? null : decoded(Buffer.concat(chunks), res.headers['content-encoding']);
            resolve(new Response(data, { status, statusText: res.statusMessage ?? '', headers: out }));
          } catch (err) {
            fail(err as Error);
          }
        });
      });
      const onAbort = () => {
        req.destroy(abortError());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      req.on('error', fail);
      req.end(body);
    });
  };
}
