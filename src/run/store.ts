// Run store in SQLite: each finished item is committed in the event-loop turn it finishes in,
// so Ctrl-C or a killed process loses nothing finished, and `run --resume` asks only for the rest.
// Model configs are stored without apiKey and headers: secrets never reach this file.
import * as z from 'zod';
import { UserError } from '../core/errors.js';
import { assertWritable, openDatabase, TurnWriter, type Database, type DatabaseKind } from './sqlite.js';
import type { ModelConfig } from '../config/schema.js';
import type { CaseInfo, ItemResult, RunResult } from '../types/run.js';

/**
 * The run store file's schema, version by version (PRAGMA user_version). Append a migration to change it; never edit
 * one that shipped. Version 1 is every table as it was before versions existed (CREATE ... IF NOT EXISTS), so older
 * files move forward unchanged. Other parts (the Batch API tables) live in the same file and the same list.
 */
export const RUN_STORE_MIGRATIONS = [
  {
    version: 1,
    sql: `
      CREATE TABLE IF NOT EXISTS runs (
        id TEXT PRIMARY KEY, started_at TEXT NOT NULL, finished_at TEXT, status TEXT NOT NULL,
        suite TEXT NOT NULL, meta TEXT NOT NULL, counters TEXT NOT NULL DEFAULT '{}');
      CREATE TABLE IF NOT EXISTS items (
        run_id TEXT NOT NULL, model TEXT NOT NULL, case_id TEXT NOT NULL, sample INTEGER NOT NULL,
        status TEXT NOT NULL, score REAL, output_tokens INTEGER, data TEXT NOT NULL, stored_at TEXT NOT NULL,
        PRIMARY KEY (run_id, model, case_id, sample));
      CREATE TABLE IF NOT EXISTS batches (
        batch_id TEXT PRIMARY KEY, run_id TEXT NOT NULL, model TEXT NOT NULL, input_file_id TEXT NOT NULL,
        request_file TEXT NOT NULL, created_at TEXT NOT NULL, collected_at TEXT);
      CREATE TABLE IF NOT EXISTS batch_items (
        batch_id TEXT NOT NULL, custom_id TEXT NOT NULL, model TEXT NOT NULL, case_id TEXT NOT NULL,
        sample INTEGER NOT NULL, request TEXT NOT NULL, PRIMARY KEY (batch_id, custom_id));`,
  },
] as const;

/** The run store as a kind of SQLite file. */
export const RUN_STORE: DatabaseKind = { what: 'run store', migrations: RUN_STORE_MIGRATIONS };

/** What the store's JSON columns must hold to be read back (loose: other fields are kept as written). */
const metaSchema = z.looseObject({
  runId: z.string().min(1),
  startedAt: z.string(),
  suite: z.looseObject({ name: z.string(), files: z.array(z.string()) }),
  cases: z.array(z.looseObject({ id: z.string().min(1) })),
  models: z.array(z.looseObject({ label: z.string().min(1), id: z.string() })),
});
const itemSchema = z.looseObject({
  model: z.string().min(1),
  caseId: z.string().min(1),
  sample: z.number().int(),
  status: z.enum(['pass', 'fail', 'error']),
  score: z.number().nullable(),
});
const countersSchema = z.record(z.string(), z.looseObject({ requests: z.number(), retries: z.number(), cachedResponses: z.number() }));

/** Parses one JSON column of a store row against its schema; a bad row is a UserError naming the file and row. */
export function parseStoredJson<S extends z.ZodType>(schema: S, text: string, file: string, row: string): z.output<S> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new UserError('E_STORE', `${file}: ${row} is not valid JSON (${(err as Error).message}); the file is damaged`, 'move the file away to start a new store, or delete that row with the sqlite3 tool');
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UserError('E_STORE', `${file}: ${row} does not have the expected shape (${issue.path.join('.') || 'top level'}: ${issue.message})`, 'move the file away to start a new store, or delete that row with the sqlite3 tool');
  }
  return parsed.data;
}

/** A run's state in the store; `batch_pending` waits for the Batch API (see `batch collect`). */
export type RunStatus = 'running' | 'finished' | 'interrupted' | 'batch_pending';

/** A model as stored: the config minus secrets. */
export type StoredModel = Omit<ModelConfig, 'apiKey' | 'headers'>;

/** Per-model request counters, summed over every process that worked on the run. */
export interface ModelCounters {
  requests: number;
  retries: number;
  cachedResponses: number;
}

/** What is known about a run before any item is done. */
export interface RunMeta {
  runId: string;
  startedAt: string;
  suite: RunResult['suite'];
  cases: CaseInfo[];
  models: StoredModel[];
  /** The suite files the run was started with (absolute), to load them again on resume. */
  entryFiles?: string[];
  /** Config file the run was started with, to resume with the same one. */
  configFile?: string;
  /** Set when the run was submitted to the Batch API. */
  batch?: boolean;
}

/** One line of `l4d2-eval runs`. */
export interface RunRow {
  runId: string;
  startedAt: string;
  finishedAt: string | null;
  status: RunStatus;
  suite: string;
  models: { label: string; items: number; errors: number; avgScore: number | null }[];
}

/** Drops secrets from a model config. */
export function storedModel(m: ModelConfig): StoredModel {
  const { apiKey: _k, headers: _h, ...rest } = m;
  return rest;
}

/** Opens (and creates) a store file. */
export class RunStore {
  private readonly db: Database;
  /** Finished items, committed once per event-loop turn (see TurnWriter). */
  private readonly itemWriter: TurnWriter<unknown[]>;

  constructor(readonly file: string) {
    this.db = openDatabase(file, RUN_STORE);
    this.itemWriter = new TurnWriter(
      this.db,
      this.db.prepare<unknown[]>('INSERT OR REPLACE INTO items (run_id, model, case_id, sample, status, score, output_tokens, data, stored_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'),
    );
  }

  /** Throws a UserError naming the file when the store cannot be written (checked before a run spends anything). */
  assertWritable(): void {
    assertWritable(this.db, this.file, 'run store');
  }

  beginRun(meta: RunMeta): void {
    this.db.prepare('INSERT INTO runs (id, started_at, status, suite, meta) VALUES (?, ?, ?, ?, ?)').run(meta.runId, meta.startedAt, 'running', meta.suite.name, JSON.stringify(meta));
  }

  /** Writes one finished item (committed within this event-loop turn); a re-judged item (resume after an error) replaces the old one. */
  putItem(runId: string, item: ItemResult): void {
    this.itemWriter.push(runId, item.model, item.caseId, item.sample, item.status, item.score, item.usage?.outputTokens ?? null, JSON.stringify(item), new Date().toISOString());
  }

  /** Commits items put in this turn now. */
  flush(): void {
    this.itemWriter.flush();
  }

  setStatus(runId: string, status: RunStatus, counters?: Record<string, ModelCounters>): void {
    this.itemWriter.flush();
    const finishedAt = status === 'running' || status === 'batch_pending' ? null : new Date().toISOString();
    this.db.transaction(() => {
      this.db.prepare('UPDATE runs SET status = ?, finished_at = ? WHERE id = ?').run(status, finishedAt, runId);
      if (counters) this.db.prepare('UPDATE runs SET counters = ? WHERE id = ?').run(JSON.stringify(addCounters(this.counters(runId), counters)), runId);
      // Immediate: the counters are read and written back, so no other process may write in between.
    }, 'immediate');
  }

  meta(runId: string): RunMeta | undefined {
    const row = this.db.prepare<[string], { meta: string }>('SELECT meta FROM runs WHERE id = ?').get(runId);
    return row ? (parseStoredJson(metaSchema, row.meta, this.file, `run ${runId}`) as unknown as RunMeta) : undefined;
  }

  status(runId: string): { status: RunStatus; finishedAt: string | null } | undefined {
    const row = this.db.prepare<[string], { status: RunStatus; finished_at: string | null }>('SELECT status, finished_at FROM runs WHERE id = ?').get(runId);
    return row ? { status: row.status, finishedAt: row.finished_at } : undefined;
  }

  counters(runId: string): Record<string, ModelCounters> {
    const row = this.db.prepare<[string], { counters: string }>('SELECT counters FROM runs WHERE id = ?').get(runId);
    return row ? (parseStoredJson(countersSchema, row.counters, this.file, `counters of run ${runId}`) as Record<string, ModelCounters>) : {};
  }

  items(runId: string): ItemResult[] {
    this.itemWriter.flush();
    return this.db
      .prepare<[string], { data: string; rowid: number }>('SELECT data, rowid FROM items WHERE run_id = ? ORDER BY rowid')
      .all(runId)
      .map((r) => parseStoredJson(itemSchema, r.data, this.file, `item row ${r.rowid} of run ${runId}`) as unknown as ItemResult);
  }

  /** How many items of a run are stored, how many ended in an error (a resume asks those again), and how many others
   * have a `judge` check in error (a resume grades those again). */
  itemCounts(runId: string): { stored: number; errors: number; judgeErrors: number } {
    this.itemWriter.flush();
    const row = this.db
      .prepare<[string], { stored: number; errors: number | null; judgeErrors: number | null }>(
        `SELECT COUNT(*) AS stored, SUM(status = 'error') AS errors,
          SUM(status != 'error' AND EXISTS (SELECT 1 FROM json_each(data, '$.checks') WHERE json_extract(value, '$.kind') = 'judge' AND json_extract(value, '$.status') = 'error')) AS judgeErrors
        FROM items WHERE run_id = ?`,
      )
      .get(runId);
    return { stored: row?.stored ?? 0, errors: row?.errors ?? 0, judgeErrors: row?.judgeErrors ?? 0 };
  }

  list(): RunRow[] {
    this.itemWriter.flush();
    const runs = this.db.prepare<[], { id: string; started_at: string; finished_at: string | null; status: RunStatus; suite: string; meta: string }>('SELECT * FROM runs ORDER BY started_at DESC, id DESC').all();
    const stats = this.db.prepare<[string], { model: string; items: number; errors: number; avg: number | null }>(
      "SELECT model, COUNT(*) AS items, SUM(status = 'error') AS errors, AVG(score) AS avg FROM items WHERE run_id = ? GROUP BY model",
    );
    return runs.map((r) => {
      const byModel = new Map(stats.all(r.id).map((s) => [s.model, s]));
      const meta = parseStoredJson(metaSchema, r.meta, this.file, `run ${r.id}`) as unknown as RunMeta;
      return {
        runId: r.id,
        startedAt: r.started_at,
        finishedAt: r.finished_at,
        status: r.status,
        suite: r.suite,
        models: meta.models.map((m) => ({ label: m.label, items: byModel.get(m.label)?.items ?? 0, errors: byModel.get(m.label)?.errors ?? 0, avgScore: byModel.get(m.label)?.avg ?? null })),
      };
    });
  }

  /** Mean output tokens per case id over judged items of earlier runs (for estimates). */
  outputTokensByCase(): Map<string, number> {
    this.itemWriter.flush();
    const rows = this.db
      .prepare<[], { case_id: string; avg: number }>("SELECT case_id, AVG(output_tokens) AS avg FROM items WHERE output_tokens IS NOT NULL AND status != 'error' GROUP BY case_id")
      .all();
    return new Map(rows.map((r) => [r.case_id, r.avg]));
  }

  close(): void {
    this.itemWriter.flush();
    this.db.close();
  }
}

function addCounters(a: Record<string, ModelCounters>, b: Record<string, ModelCounters>): Record<string, ModelCounters> {
  const out = { ...a };
  for (const [label, c] of Object.entries(b)) {
    const prev = out[label] ?? { requests: 0, retries: 0, cachedResponses: 0 };
    out[label] = { requests: prev.requests + c.requests, retries: prev.retries + c.retries, cachedResponses: prev.cachedResponses + c.cachedResponses };
  }
  return out;
}
