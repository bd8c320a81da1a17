// Checks made before the first paid request: the report folder and the run store can be written, every live
// model has its key, every base URL answers, and under --max-cost every model has a price. Each failure is one
// UserError naming the folder, model or URL at fault and the fix; nothing has been sent when one is thrown.
import { accessSync, constants, statSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import type { Config } from '../config/load.js';
import type { ModelConfig } from '../config/schema.js';
import { UserError } from '../core/errors.js';
import { pricingFor } from '../cost/pricing.js';
import { hostPort, resolveEndpoint } from '../providers/openai.js';

/** What a run needs before it may spend anything. */
export interface PreflightOptions {
  models: readonly ModelConfig[];
  /** Report folder the run will write (checked when given). */
  outDir?: string;
  /** Checks the run store (and cache) can be written; throws a UserError naming the file when not. */
  checkStore?: () => void;
  /** --max-cost was given: every live model must have a price. */
  maxCost?: number;
  /** --allow-unpriced: an unpriced model is let through under --max-cost. */
  allowUnpriced?: boolean;
  /** Where the models come from, for hints (`--config FILE` or the default file). */
  configFile?: string;
  /** Per-probe timeout in ms (default 5000, or L4D2_EVAL_PREFLIGHT_TIMEOUT_MS). */
  timeoutMs?: number;
  /** Called before a failed check is thrown (to release what the caller opened). */
  onFail?: () => void;
}

/** Refuses a folder that exists as a file, or whose nearest existing parent cannot be written. */
export function checkWritableFolder(dir: string, what: string): void {
  const shown = path.relative(process.cwd(), dir) || dir;
  let probe = path.resolve(dir);
  for (;;) {
    let st;
    try {
      st = statSync(probe);
    } catch {
      const parent = path.dirname(probe);
      if (parent === probe) break;
      probe = parent;
      continue;
    }
    if (!st.isDirectory()) {
      const shownProbe = path.relative(process.cwd(), probe) || probe;
      throw new UserError('E_PREFLIGHT', `${what} ${shown} cannot be created: ${shownProbe} is a file, not a folder; nothing was sent`, 'pick another folder with --out, or move that file away');
    }
    try {
      accessSync(probe, constants.W_OK);
    } catch {
      throw new UserError('E_PREFLIGHT', `${what} ${shown} is not writable (no write permission on ${path.relative(process.cwd(), probe) || probe}); nothing was sent`, 'pick a writable folder with --out, or fix its permissions');
    }
    return;
  }
}

interface Probe {
  url: string;
  apiKey?: string;
  headers: Record<string, string>;
  labels: string[];
}

/** One GET of `<baseURL>/models`: resolves to the HTTP status, or rejects with the connection error. */
function getStatus(url: string, headers: Record<string, string>, timeoutMs: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const mod = u.protocol === 'https:' ? https : http;
    const req = mod.request(u, { method: 'GET', headers: { accept: 'application/json', ...headers } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => {
        if (body.length < 4000) body += c;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('error', reject);
    });
    req.setTimeout(timeoutMs, () => req.destroy(Object.assign(new Error(`no answer within ${timeoutMs} ms`), { code: 'ETIMEDOUT' })));
    req.on('error', reject);
    req.end();
  });
}

/** The server's own error text from a JSON error body (`{"error":{"message":...}}`), else the start of the body. */
export function serverErrorText(body: string): string {
  try {
    const doc = JSON.parse(body) as { error?: { message?: unknown } | string; message?: unknown };
    const m = typeof doc.error === 'string' ? doc.error : (doc.error?.message ?? doc.message);
    if (typeof m === 'string' && m.trim()) return m.trim().slice(0, 300);
  } catch {
    // not JSON
  }
  return body.replace(/\s+/g, ' ').trim().slice(0, 200);
}

function where(labels: string[], configFile?: string): string {
  return `baseURL of model${labels.length > 1 ? 's' : ''} ${labels.join(', ')}${configFile ? ` in ${path.relative(process.cwd(), configFile) || configFile}` : ''}`;
}

async function probe(p: Probe, timeoutMs: number, configFile?: string): Promise<void> {
  const url = `${p.url}/models`;
  const headers = { ...p.headers, ...(p.apiKey ? { authorization: `Bearer ${p.apiKey}` } : {}) };
  let res: { status: number; body: string };
  try {
    res = await getStatus(url, headers, timeoutMs);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const why = e.code === 'ECONNREFUSED' ? 'connection refused' : e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN' ? 'host not found' : e.code === 'ETIMEDOUT' ? `no answer within ${timeoutMs} ms` : (e.code ?? e.message);
    throw new UserError('E_PREFLIGHT', `cannot reach ${p.url} (${hostPort(p.url)}): GET /models: ${why}; nothing was sent`, `start the server, or fix the ${where(p.labels, configFile)} (or OPENAI_BASE_URL)`);
  }
  // Any answer means the server is there (many compatible servers have no /models); a rejected key is final.
  if (res.status === 401 || res.status === 403) {
    throw new UserError('E_PREFLIGHT', `${p.url} (${hostPort(p.url)}) rejected the API key of model${p.labels.length > 1 ? 's' : ''} ${p.labels.join(', ')} (HTTP ${res.status}: ${serverErrorText(res.body)}); nothing was sent`, 'check the key in the environment variable the config names (apiKey), e.g. OPENAI_API_KEY');
  }
}

/** Runs every check; throws the first failure as a UserError (exit 2) before anything is sent. */
export async function preflight(o: PreflightOptions): Promise<void> {
  try {
    await checks(o);
  } catch (err) {
    o.onFail?.();
    throw err;
  }
}

async function checks(o: PreflightOptions): Promise<void> {
  if (o.outDir) checkWritableFolder(o.outDir, 'report folder');
  o.checkStore?.();
  const live = o.models.filter((m) => m.provider !== 'replay');
  const probes = new Map<string, Probe>();
  const missing: string[] = [];
  for (const m of live) {
    if (m.provider !== 'openai') continue;
    const ep = resolveEndpoint(m);
    if (ep.error) {
      missing.push(ep.error.message);
      continue;
    }
    const key = `${ep.baseURL}\0${ep.apiKey ?? ''}\0${JSON.stringify(ep.headers)}`;
    const p = probes.get(key);
    if (p) p.labels.push(m.label);
    else probes.set(key, { url: ep.baseURL, apiKey: ep.apiKey, headers: ep.headers, labels: [m.label] });
  }
  if (missing.length > 0) {
    throw new UserError('E_PREFLIGHT', `${missing.join('; ')}; nothing was sent`, 'set the variable, or leave the model out with --models');
  }
  if (o.maxCost !== undefined && !o.allowUnpriced) {
    const unpriced = live.filter((m) => !pricingFor(m));
    if (unpriced.length > 0) {
      throw new UserError('E_COST', `--max-cost cannot be enforced: model${unpriced.length > 1 ? 's' : ''} ${unpriced.map((m) => `${m.label} (${m.id})`).join(', ')} ha${unpriced.length > 1 ? 've' : 's'} no price; nothing was sent`, 'add `pricing: { input: USD, output: USD }` (per 1M tokens) to the model in the config, or pass --allow-unpriced');
    }
  }
  const timeoutMs = o.timeoutMs ?? (Number(process.env.L4D2_EVAL_PREFLIGHT_TIMEOUT_MS) || 5000);
  const results = await Promise.allSettled([...probes.values()].map((p) => probe(p, timeoutMs, o.configFile)));
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}

/**
 * Preflight for compare and gate when they run the suite for model labels: called once the suite is loaded and the
 * response cache opened, with the models whose every answer the cache holds (`answered`): those are asked nothing,
 * so their server and key are not needed (a re-run from the cache works offline, as with `run`).
 */
export function labelPreflight(config: Config, outDir?: string): (models: readonly ModelConfig[], answered: ReadonlySet<string>) => Promise<void> {
  return (models, answered) => preflight({ models: models.filter((m) => !answered.has(m.label)), ...(outDir ? { outDir } : {}), configFile: config.file });
}
