// The workbench's guards: which Host headers are ours (no DNS rebinding), tokens compared in constant time,
// the response headers every page gets (a strict CSP: scripts and styles only from this server, none inline),
// and request bodies read with a size limit.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

/** The CSP of the workbench's own pages: nothing inline, nothing from elsewhere. */
export const PAGE_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** Headers sent with every response. */
export function baseHeaders(csp = PAGE_CSP): Record<string, string> {
  return {
    'content-security-policy': csp,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'cache-control': 'no-store',
  };
}

/** Largest request body accepted (bytes). */
export const MAX_BODY_BYTES = 64 * 1024;

/** True for 127.0.0.0/8, ::1 and `localhost`. */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h);
}

/** True for 0.0.0.0 and :: (every interface). */
function isWildcard(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '');
  return h === '0.0.0.0' || h === '::';
}

/** Splits a Host header into name and port (`[::1]:8080`, `localhost:80`). */
function splitHost(header: string): { name: string; port: string } | undefined {
  const m = /^(\[[0-9a-fA-F:.]+\]|[^:[\]]+)(?::(\d+))?$/.exec(header.trim());
  return m ? { name: m[1]!.replace(/^\[|\]$/g, '').toLowerCase(), port: m[2] ?? '80' } : undefined;
}

/**
 * Whether a request's Host header names this server. A loopback server answers only loopback names; one bound to a
 * name or address answers only that; one bound to every interface answers only IP literals, so a DNS name pointed at
 * it (DNS rebinding) is refused.
 */
export function hostAllowed(header: string | undefined, boundHost: string, port: number): boolean {
  if (!header) return false;
  const h = splitHost(header);
  if (!h || h.port !== String(port)) return false;
  const bound = boundHost.replace(/^\[|\]$/g, '').toLowerCase();
  if (isLoopback(bound)) return isLoopback(h.name);
  if (isWildcard(bound)) return isIP(h.name) !== 0;
  return h.name === bound;
}

/** Constant-time token comparison (a wrong length is refused without comparing). */
export function tokenMatches(given: string | undefined | null, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A request body larger than allowed. */
export class BodyTooLarge extends Error {}

/**
 * Reads a request body as UTF-8, refusing more than `limit` bytes: the rest is read and dropped (not kept), so the
 * client gets its 413 instead of a reset connection.
 */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      req.resume();
      return reject(new BodyTooLarge());
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        req.off('data', onData);
        chunks.length = 0;
        req.resume();
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(c);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** The value of one cookie of the request. */
export function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}
