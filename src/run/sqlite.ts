// One way to open the harness's SQLite files (cache and run store): WAL mode, a schema version in
// PRAGMA user_version moved forward by an ordered list of migrations, and clear errors naming the file
// when it is read-only, not a database, or written by a newer harness.
import { mkdirSync, renameSync, existsSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { UserError } from '../core/errors.js';

/** One step of a file's schema: applied once, in order, to files whose user_version is below `version`. */
export interface Migration {
  version: number;
  sql: string;
}

/** What a file is (for messages) and the migrations that make its schema. */
export interface DatabaseKind {
  /** e.g. "run store", "response cache". */
  what: string;
  migrations: readonly Migration[];
}

function shown(file: string): string {
  return path.relative(process.cwd(), file) || file;
}

/** A SQLite error on `file` as a one-line user error, or undefined for any other error. */
export function sqliteProblem(err: unknown, file: string, what: string): UserError | undefined {
  const code = (err as { code?: unknown })?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return undefined;
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    return new UserError('E_SQLITE', `${what} ${shown(file)} is not a readable SQLite database (${code}: ${(err as Error).message})`, `move it away (e.g. mv ${shown(file)} ${shown(file)}.bad) and run again; a new one is created`);
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_CANTOPEN' || code.startsWith('SQLITE_IOERR') || code === 'SQLITE_PERM') {
    return new UserError('E_SQLITE', `${what} ${shown(file)} cannot be written (${code}: ${(err as Error).message})`, 'fix the permissions of the file and its folder, or point the config (store:/cache:) at a writable place');
  }
  return new UserError('E_SQLITE', `${what} ${shown(file)}: ${code}: ${(err as Error).message}`, 'DEBUG=l4d2-eval shows the stack trace');
}

/** The highest schema version of a kind. */
export function latestVersion(kind: DatabaseKind): number {
  return kind.migrations.reduce((m, x) => Math.max(m, x.version), 0);
}

/** Brings a database to the latest schema of its kind; refuses a file written by a newer harness. */
export function migrate(db: Database.Database, file: string, kind: DatabaseKind): void {
  const latest = latestVersion(kind);
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > latest) {
    throw new UserError('E_SQLITE', `${kind.what} ${shown(file)} has schema version ${current}, newer than this l4d2-eval reads (${latest})`, 'upgrade l4d2-eval, or point the config at another file');
  }
  const pending = [...kind.migrations].filter((m) => m.version > current).sort((a, b) => a.version - b.version);
  if (pending.length === 0) return;
  db.transaction(() => {
    for (const m of pending) db.exec(m.sql);
    db.pragma(`user_version = ${latest}`);
  }).immediate();
}

/** Opens (creating folder and file) a database in WAL mode and migrates it; SQLite trouble is a UserError naming the file. */
export function openDatabase(file: string, kind?: DatabaseKind): Database.Database {
  const what = kind?.what ?? 'database';
  let db: Database.Database | undefined;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    // NORMAL in WAL mode: a committed transaction survives a killed process; only a power loss can drop the last few.
    db.pragma('synchronous = NORMAL');
    // The cache and the store may be shared by concurrent runs (e.g. batch collect while another run goes).
    db.pragma('busy_timeout = 5000');
    if (kind) migrate(db, file, kind);
    return db;
  } catch (err) {
    db?.close();
    throw sqliteProblem(err, file, what) ?? err;
  }
}

/**
 * Opens a file that only holds data that can be made again (the response cache): a file that is not a database is
 * moved aside to `<file>.corrupt-<time>` and a fresh one created; `onRebuilt` is told where the old one went.
 */
export function openRebuildable(file: string, kind: DatabaseKind, onRebuilt: (movedTo: string) => void): Database.Database {
  try {
    return openDatabase(file, kind);
  } catch (err) {
    if (!(err instanceof UserError) || !/not a readable SQLite database/.test(err.message) || !existsSync(file)) throw err;
    const movedTo = `${file}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    renameSync(file, movedTo);
    for (const side of ['-wal', '-shm']) if (existsSync(file + side)) renameSync(file + side, movedTo + side);
    onRebuilt(movedTo);
    return openDatabase(file, kind);
  }
}

/** Throws a UserError naming the file when the database cannot be written (a read-only file or folder). */
export function assertWritable(db: Database.Database, file: string, what: string): void {
  try {
    db.exec('BEGIN IMMEDIATE');
    db.exec('ROLLBACK');
  } catch (err) {
    throw sqliteProblem(err, file, what) ?? err;
  }
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
