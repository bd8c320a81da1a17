// One way to open the harness's SQLite files (cache and run store).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

/** Opens (creating folder and file) a database in WAL mode. */
export function openDatabase(file: string): Database.Database {
  mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // NORMAL in WAL mode: a committed transaction survives a killed process; only a power loss can drop the last few.
  db.pragma('synchronous = NORMAL');
  // The cache and the store may be shared by concurrent runs (e.g. batch collect while another run goes).
  db.pragma('busy_timeout = 5000');
  return db;
}

/**
 * Rows written in one transaction per event-loop turn: everything that finished in the same turn is committed
 * together before the loop goes on (setImmediate), instead of one commit per row. A killed process can lose only
 * rows of the turn it died in, which are as good as in flight. `flush()` commits at once (before reads, at close).
 */
export class TurnWriter<A extends unknown[]> {
  private pending: A[] = [];
  private scheduled?: NodeJS.Immediate;

  constructor(
    private readonly db: Database.Database,
    private readonly stmt: Database.Statement<A>,
    /** Called after each commit. */
    private readonly committed?: () => void,
  ) {}

  push(...row: A): void {
    this.pending.push(row);
    this.scheduled ??= setImmediate(() => this.flush());
  }

  flush(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = undefined;
    if (this.pending.length === 0) return;
    const rows = this.pending;
    this.pending = [];
    this.db.transaction(() => {
      for (const row of rows) this.stmt.run(...row);
    })();
    this.committed?.();
  }
}
