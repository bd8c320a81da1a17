// Response cache in SQLite: a run never pays twice for the same answer. The key is a hash of
// everything that shapes the answer (provider and endpoint, model id, messages, params, sample);
// the API key is never part of it, and only successful answers are kept.
import { createHash } from 'node:crypto';
import { io } from '../core/io.js';
import { openRebuildable, TurnWriter, type Database, type DatabaseKind, type Statement } from './sqlite.js';
import type { CompletionRequest, CompletionResult } from '../types/provider.js';
import type { Judgement } from './judge.js';

/** use: read and write; off (--no-cache): neither; refresh (--refresh): ask again and overwrite. */
export type CacheMode = 'use' | 'off' | 'refresh';

/** JSON with object keys sorted, so equal params always hash the same. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

/** The cache key of a request under a provider scope (e.g. `openai https://api.openai.com/v1`). */
export function cacheKey(scope: string, req: CompletionRequest): string {
  return createHash('sha256').update(canonical([scope, req.modelId, req.messages, req.params, req.sample])).digest('hex');
}

/** The cache file's schema, version by version (PRAGMA user_version); append to change it. */
export const CACHE: DatabaseKind = {
  what: 'response cache',
  migrations: [
    {
      version: 1,
      sql: `CREATE TABLE IF NOT EXISTS responses (
        key TEXT PRIMARY KEY, model_id TEXT NOT NULL, text TEXT NOT NULL,
        input_tokens INTEGER, output_tokens INTEGER, finish_reason TEXT, created_at TEXT NOT NULL)`,
    },
    {
      // Verdicts of the pure checks on an answer, keyed by everything that shapes them (see judgement-key.ts).
      version: 2,
      sql: `CREATE TABLE IF NOT EXISTS judgements (key TEXT PRIMARY KEY, json TEXT NOT NULL, created_at TEXT NOT NULL)`,
    },
  ],
};

/**
 * Opens (and creates) a cache file; one instance per process. A file that is not a database is moved aside and a new
 * cache started (it only holds answers that can be asked again; the run store is a separate file and is not touched).
 */
export class ResponseCache {
  private readonly db: Database;
  private readonly getStmt: Statement<[string], { text: string; input_tokens: number | null; output_tokens: number | null; finish_reason: string | null }>;
  private readonly writer: TurnWriter<unknown[]>;
  /** Answers put in this turn and not yet committed, so a get sees them. */
  private readonly unflushed = new Map<string, CompletionResult>();

  constructor(readonly file: string) {
    this.db = openRebuildable(file, CACHE, (movedTo) => io.stderr.write(`warning: response cache ${file} was not a readable SQLite database; moved to ${movedTo} and started a new cache\n`));
    this.getStmt = this.db.prepare('SELECT text, input_tokens, output_tokens, finish_reason FROM responses WHERE key = ?');
    const putStmt = this.db.prepare<unknown[]>('INSERT OR REPLACE INTO responses (key, model_id, text, input_tokens, output_tokens, finish_reason, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    this.writer = new TurnWriter(this.db, putStmt, () => this.unflushed.clear());
  }

  get(key: string): CompletionResult | undefined {
    const fresh = this.unflushed.get(key);
    if (fresh) return { ...fresh, latencyMs: 0, cached: true };
    const row = this.getStmt.get(key);
    // A row that is not what this version writes (edited by hand, damaged) is a miss: the answer is asked again.
    if (!row || typeof row.text !== 'string') return undefined;
    const usage = typeof row.input_tokens === 'number' && typeof row.output_tokens === 'number' ? { inputTokens: row.input_tokens, outputTokens: row.output_tokens } : undefined;
    return { text: row.text, usage, latencyMs: 0, cached: true, finishReason: row.finish_reason ?? undefined };
  }

  /** Which of `keys` the cache holds (one query per 500 keys). */
  existing(keys: readonly string[]): Set<string> {
    this.writer.flush();
    const found = new Set<string>();
    for (let i = 0; i < keys.length; i += 500) {
      const chunk = keys.slice(i, i + 500);
      const rows = this.db.prepare<string[], { key: string }>(`SELECT key FROM responses WHERE key IN (${chunk.map(() => '?').join(',')})`).all(...chunk);
      for (const r of rows) found.add(r.key);
    }
    return found;
  }

  put(key: string, req: CompletionRequest, res: CompletionResult): void {
    if (res.text === undefined || res.error) return;
    this.unflushed.set(key, res);
    this.writer.push(key, req.modelId, res.text, res.usage?.inputTokens ?? null, res.usage?.outputTokens ?? null, res.finishReason ?? null, new Date().toISOString());
  }

  private judgedStmts?: { get: Statement<[string], { json: string }>; writer: TurnWriter<unknown[]> };
  private readonly unflushedJudgements = new Map<string, Judgement>();

  private judged() {
    this.judgedStmts ??= {
      get: this.db.prepare('SELECT json FROM judgements WHERE key = ?'),
      writer: new TurnWriter(this.db, this.db.prepare<unknown[]>('INSERT OR REPLACE INTO judgements (key, json, created_at) VALUES (?, ?, ?)'), () => this.unflushedJudgements.clear()),
    };
    return this.judgedStmts;
  }

  /** A stored judgement (null when absent or not of this version's shape: judged again). */
  judgement(key: string): Judgement | undefined {
    const fresh = this.unflushedJudgements.get(key);
    if (fresh) return fresh;
    const row = this.judged().get.get(key);
    if (!row) return undefined;
    try {
      const j = JSON.parse(row.json) as Judgement;
      return typeof j?.status === 'string' && Array.isArray(j.checks) ? j : undefined;
    } catch {
      return undefined;
    }
  }

  putJudgement(key: string, judgement: Judgement): void {
    this.unflushedJudgements.set(key, judgement);
    this.judged().writer.push(key, JSON.stringify(judgement), new Date().toISOString());
  }

  /** Commits answers put in this turn now. */
  flush(): void {
    this.writer.flush();
    this.judgedStmts?.writer.flush();
  }

  close(): void {
    this.flush();
    this.db.close();
  }
}
