// Response cache in SQLite: a run never pays twice for the same answer. The key is a hash of
// everything that shapes the answer (provider and endpoint, model id, messages, params, sample);
// the API key is never part of it, and only successful answers are kept.
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { openDatabase, TurnWriter } from './sqlite.js';
import type { CompletionRequest, CompletionResult } from '../types/provider.js';

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

/** Opens (and creates) a cache file; one instance per process. */
export class ResponseCache {
  private readonly db: Database.Database;
  private readonly getStmt: Database.Statement<[string], { text: string; input_tokens: number | null; output_tokens: number | null; finish_reason: string | null }>;
  private readonly writer: TurnWriter<unknown[]>;
  /** Answers put in this turn and not yet committed, so a get sees them. */
  private readonly unflushed = new Map<string, CompletionResult>();

  constructor(readonly file: string) {
    this.db = openDatabase(file);
    this.db.exec(`CREATE TABLE IF NOT EXISTS responses (
      key TEXT PRIMARY KEY, model_id TEXT NOT NULL, text TEXT NOT NULL,
      input_tokens INTEGER, output_tokens INTEGER, finish_reason TEXT, created_at TEXT NOT NULL)`);
    this.getStmt = this.db.prepare('SELECT text, input_tokens, output_tokens, finish_reason FROM responses WHERE key = ?');
    const putStmt = this.db.prepare<unknown[]>('INSERT OR REPLACE INTO responses (key, model_id, text, input_tokens, output_tokens, finish_reason, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    this.writer = new TurnWriter(this.db, putStmt, () => this.unflushed.clear());
  }

  get(key: string): CompletionResult | undefined {
    const fresh = this.unflushed.get(key);
    if (fresh) return { ...fresh, latencyMs: 0, cached: true };
    const row = this.getStmt.get(key);
    if (!row) return undefined;
    const usage = row.input_tokens !== null && row.output_tokens !== null ? { inputTokens: row.input_tokens, outputTokens: row.output_tokens } : undefined;
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

  /** Commits answers put in this turn now. */
  flush(): void {
    this.writer.flush();
  }

  close(): void {
    this.writer.flush();
    this.db.close();
  }
}
