// The Batch API side of the run store: which batches a run sent and which item each request line is,
// so `batch status` and `batch collect` work from any process, days later. Tables are created
// idempotently in the same SQLite file as the runs; no secret is ever written here.
import Database from 'better-sqlite3';
import type { ChatMessage, ModelParams } from '../types/provider.js';

/** A batch as recorded when it was created. */
export interface BatchRow {
  batchId: string;
  runId: string;
  model: string;
  inputFileId: string;
  /** The request JSONL written before upload (absolute path). */
  requestFile: string;
  createdAt: string;
  /** Set once its output was read and every item stored. */
  collectedAt: string | null;
}

/** One request line of a batch, enough to rebuild the cache key and find the case to judge. */
export interface BatchItemRow {
  batchId: string;
  customId: string;
  model: string;
  caseId: string;
  sample: number;
  messages: ChatMessage[];
  params: ModelParams;
}

/** Opens the batch tables of a run store file (a second connection next to RunStore's). */
export class BatchStore {
  private readonly db: Database.Database;

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS batches (
        batch_id TEXT PRIMARY KEY, run_id TEXT NOT NULL, model TEXT NOT NULL, input_file_id TEXT NOT NULL,
        request_file TEXT NOT NULL, created_at TEXT NOT NULL, collected_at TEXT);
      CREATE TABLE IF NOT EXISTS batch_items (
        batch_id TEXT NOT NULL, custom_id TEXT NOT NULL, model TEXT NOT NULL, case_id TEXT NOT NULL,
        sample INTEGER NOT NULL, request TEXT NOT NULL, PRIMARY KEY (batch_id, custom_id));`);
  }

  /** Records a created batch and its request lines in one transaction. */
  addBatch(row: Omit<BatchRow, 'collectedAt'>, items: Omit<BatchItemRow, 'batchId'>[]): void {
    const insBatch = this.db.prepare('INSERT INTO batches (batch_id, run_id, model, input_file_id, request_file, created_at) VALUES (?, ?, ?, ?, ?, ?)');
    const insItem = this.db.prepare('INSERT INTO batch_items (batch_id, custom_id, model, case_id, sample, request) VALUES (?, ?, ?, ?, ?, ?)');
    this.db.transaction(() => {
      insBatch.run(row.batchId, row.runId, row.model, row.inputFileId, row.requestFile, row.createdAt);
      for (const i of items) insItem.run(row.batchId, i.customId, i.model, i.caseId, i.sample, JSON.stringify({ messages: i.messages, params: i.params }));
    })();
  }

  batches(runId: string): BatchRow[] {
    return this.db
      .prepare<[string], { batch_id: string; run_id: string; model: string; input_file_id: string; request_file: string; created_at: string; collected_at: string | null }>(
        'SELECT * FROM batches WHERE run_id = ? ORDER BY created_at, rowid',
      )
      .all(runId)
      .map((r) => ({ batchId: r.batch_id, runId: r.run_id, model: r.model, inputFileId: r.input_file_id, requestFile: r.request_file, createdAt: r.created_at, collectedAt: r.collected_at }));
  }

  items(batchId: string): BatchItemRow[] {
    return this.db
      .prepare<[string], { custom_id: string; model: string; case_id: string; sample: number; request: string }>('SELECT * FROM batch_items WHERE batch_id = ? ORDER BY rowid')
      .all(batchId)
      .map((r) => ({ batchId, customId: r.custom_id, model: r.model, caseId: r.case_id, sample: r.sample, ...(JSON.parse(r.request) as Pick<BatchItemRow, 'messages' | 'params'>) }));
  }

  markCollected(batchId: string): void {
    this.db.prepare('UPDATE batches SET collected_at = ? WHERE batch_id = ?').run(new Date().toISOString(), batchId);
  }

  /** The newest run that went through the Batch API, for `batch status` without an id. */
  latestRun(): string | undefined {
    return this.db.prepare<[], { run_id: string }>('SELECT run_id FROM batches ORDER BY created_at DESC, rowid DESC LIMIT 1').get()?.run_id;
  }

  close(): void {
    this.db.close();
  }
}
