// Fine-tuning jobs in the run store file, so `finetune status|cancel` work from any process, days later.
// Self-contained: its own connection and one table created idempotently (`finetune_jobs`); it does not touch the
// runs tables or the file's schema version. No secret is ever written here.
import { openDatabase, type Database } from '../run/sqlite.js';

/** A job as recorded. */
export interface JobRow {
  jobId: string;
  /** The label whose connection started it, and the label to write on success. */
  fromLabel: string;
  label: string;
  baseModel: string;
  suffix: string | null;
  trainingFile: string;
  trainingFileId: string;
  validationFileId: string | null;
  configFile: string;
  status: string;
  fineTunedModel: string | null;
  error: string | null;
  /** Last event printed, so a later `status` shows only newer ones. */
  lastEventId: string | null;
  /** Set once the label was written to the config (or printed when it could not be). */
  labelWrittenAt: string | null;
  createdAt: string;
  updatedAt: string;
}

type Row = {
  job_id: string; from_label: string; label: string; base_model: string; suffix: string | null; training_file: string; training_file_id: string;
  validation_file_id: string | null; config_file: string; status: string; fine_tuned_model: string | null; error: string | null;
  last_event_id: string | null; label_written_at: string | null; created_at: string; updated_at: string;
};

const toJob = (r: Row): JobRow => ({
  jobId: r.job_id, fromLabel: r.from_label, label: r.label, baseModel: r.base_model, suffix: r.suffix, trainingFile: r.training_file,
  trainingFileId: r.training_file_id, validationFileId: r.validation_file_id, configFile: r.config_file, status: r.status,
  fineTunedModel: r.fine_tuned_model, error: r.error, lastEventId: r.last_event_id, labelWrittenAt: r.label_written_at,
  createdAt: r.created_at, updatedAt: r.updated_at,
});

/** The fine-tuning jobs table of a run store file. */
export class JobStore {
  private readonly db: Database;

  constructor(readonly file: string) {
    this.db = openDatabase(file);
    this.db.exec(`CREATE TABLE IF NOT EXISTS finetune_jobs (
      job_id TEXT PRIMARY KEY, from_label TEXT NOT NULL, label TEXT NOT NULL, base_model TEXT NOT NULL, suffix TEXT,
      training_file TEXT NOT NULL, training_file_id TEXT NOT NULL, validation_file_id TEXT, config_file TEXT NOT NULL,
      status TEXT NOT NULL, fine_tuned_model TEXT, error TEXT, last_event_id TEXT, label_written_at TEXT,
      created_at TEXT NOT NULL, updated_at TEXT NOT NULL)`);
  }

  add(j: Omit<JobRow, 'fineTunedModel' | 'error' | 'lastEventId' | 'labelWrittenAt' | 'createdAt' | 'updatedAt'>): void {
    const now = new Date().toISOString();
    this.db
      .prepare('INSERT INTO finetune_jobs (job_id, from_label, label, base_model, suffix, training_file, training_file_id, validation_file_id, config_file, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(j.jobId, j.fromLabel, j.label, j.baseModel, j.suffix, j.trainingFile, j.trainingFileId, j.validationFileId, j.configFile, j.status, now, now);
  }

  update(jobId: string, f: Partial<Pick<JobRow, 'status' | 'fineTunedModel' | 'error' | 'lastEventId' | 'labelWrittenAt'>>): void {
    const cols: Record<string, string> = { status: 'status', fineTunedModel: 'fine_tuned_model', error: 'error', lastEventId: 'last_event_id', labelWrittenAt: 'label_written_at' };
    const set = Object.entries(f).filter(([k, v]) => cols[k] && v !== undefined);
    if (set.length === 0) return;
    this.db
      .prepare(`UPDATE finetune_jobs SET ${set.map(([k]) => `${cols[k]} = ?`).join(', ')}, updated_at = ? WHERE job_id = ?`)
      .run(...set.map(([, v]) => v), new Date().toISOString(), jobId);
  }

  get(jobId: string): JobRow | undefined {
    const r = this.db.prepare<[string], Row>('SELECT * FROM finetune_jobs WHERE job_id = ?').get(jobId);
    return r ? toJob(r) : undefined;
  }

  /** The newest job, for `finetune status` without an id. */
  latest(): JobRow | undefined {
    const r = this.db.prepare<[], Row>('SELECT * FROM finetune_jobs ORDER BY created_at DESC, rowid DESC LIMIT 1').get();
    return r ? toJob(r) : undefined;
  }

  list(): JobRow[] {
    return this.db.prepare<[], Row>('SELECT * FROM finetune_jobs ORDER BY created_at DESC, rowid DESC').all().map(toJob);
  }

  close(): void {
    this.db.close();
  }
}
