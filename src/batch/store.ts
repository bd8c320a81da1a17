// The Batch API side of the run store: which batches a run sent and which item each request line is,
// so `batch status` and `batch collect` work from any process, days later. Tables are created
// idempotently in the same SQLite file as the runs; no secret is ever written here.
import * as z from 'zod';
import { openDatabase, type Database } from '../run/sqlite.js';
import { parseStoredJson, RUN_STORE } from '../run/store.js';
import type { ChatMessage, ModelParams } from '../types/provider.js';

/** A batch line's stored request: what rebuilds its cache key. */
const requestSchema = z.looseObject({
  messages: z.array(z.looseObject({ role: z.enum(['system', 'user', 'assistant']), content: z.string() })),
  params: z.looseObject({}),
});

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
  private readonly db: Database;

  constructor(readonly file: string) {
    // The tables are part of the run store's schema (RUN_STORE_MIGRATIONS), made by whichever opens the file first.
    this.db = openDatabase(file, RUN_STORE);
  }

  /** Records a created batch and its request lines in one transaction. */
  addBatch(row: Omit<BatchRow, 'collectedAt'>, items: Omit<BatchItemRow, 'batchId'>[]): void {
    const insBatch = this.db.prepare('INSERT INTO batches (batch_id, run_id, model, input_file_id, request_file, created_at) VALUES (?, ?, ?, ?, ?, ?)');
    const insItem = this.db.prepare('INSERT INTO batch_items (batch_id, custom_id, model, case_id, sample, request) VALUES (?, ?, ?, ?, ?, ?)');
    this.db.transaction(() => {
      insBatch.run(row.batchId, row.runId, row.model, row.inputFileId, row.requestFile, row.createdAt);
      for (const i of items) insItem.run(row.batchId, i.customId, i.model, i.caseId, i.sample, JSON.stringify({ messages: i.messages, params: i.params }));
    });
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
      .map((r) => ({ batchId, customId: r.custom_id, model: r.model, caseId: r.case_id, sample: r.sample, ...(parseStoredJson(requestSchema, r.request, this.file, `batch line ${r.custom_id} of ${batchId}`) as Pick<BatchItemRow, 'messages' | 'params'>) }));
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
