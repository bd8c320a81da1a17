// One way to open the harness's SQLite files (cache and run store): WAL mode, a schema version in
// PRAGMA user_version moved forward by an ordered list of migrations, and clear errors naming the file
// when it is read-only, not a database, or written by a newer harness.
//
// The driver is libsql (prebuilt binaries from the npm registry: no compiler, no install script). Everything else
// uses the small `Database`/`Statement` surface below, which hides the driver's quirks: rows from `get` carry an extra
// `_metadata` property, `pragma(..., { simple })` is ignored, a single object parameter (null, a Buffer) is taken for
// named parameters (a Buffer aborts the process), `get` on a statement last used by `all` returns a row of the old
// result, extended result codes come back as `UNKNOWN_SQLITE_ERROR_<n>`, a file that cannot be opened throws an
// error without a code, transactions do not nest, and `close()` leaves the connection open (its statements still
// work) until every statement it prepared is garbage-collected.
import { mkdirSync, renameSync, existsSync } from 'node:fs';
import path from 'node:path';
import Libsql from 'libsql';
import { UserError } from '../core/errors.js';

/** What `run` tells: rows changed and the last rowid inserted. */
export interface RunResult {
  changes: number;
  lastInsertRowid: number | bigint;
}

/** A prepared statement; `P` are its positional parameters, `R` the shape of a row. Rows are plain column objects. */
export interface Statement<P extends unknown[] = unknown[], R = Record<string, unknown>> {
  run(...params: P): RunResult;
  get(...params: P): R | undefined;
  all(...params: P): R[];
}

/** A connection to one SQLite file. Errors are `SqliteError`s with SQLite's code names (`SQLITE_BUSY`, `SQLITE_READONLY_DIRECTORY`, ...). */
export interface Database {
  prepare<P extends unknown[] = unknown[], R = Record<string, unknown>>(sql: string): Statement<P, R>;
  /** Runs one or more statements without results. */
  exec(sql: string): void;
  /** Runs `fn` now in one transaction (a savepoint inside another): committed when it returns, rolled back when it throws. */
  transaction<T>(fn: () => T, mode?: 'deferred' | 'immediate'): T;
  /** `PRAGMA <source>`: the first column of the first row as a plain value (`pragma('user_version')` is a number), or undefined. */
  pragma(source: string): unknown;
  readonly inTransaction: boolean;
  close(): void;
}

/** An error from SQLite, named as SQLite names it (extended codes included, e.g. `SQLITE_READONLY_DIRECTORY`). */
export class SqliteError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly rawCode?: number,
  ) {
    super(message);
    this.name = 'SqliteError';
  }
}

const PRIMARY = [
  'OK', 'ERROR', 'INTERNAL', 'PERM', 'ABORT', 'BUSY', 'LOCKED', 'NOMEM', 'READONLY', 'INTERRUPT', 'IOERR', 'CORRUPT', 'NOTFOUND', 'FULL',
  'CANTOPEN', 'PROTOCOL', 'EMPTY', 'SCHEMA', 'TOOBIG', 'CONSTRAINT', 'MISMATCH', 'MISUSE', 'NOLFS', 'AUTH', 'FORMAT', 'RANGE', 'NOTADB', 'NOTICE', 'WARNING',
];
/** Extended result codes worth telling apart (https://sqlite.org/rescode.html), by primary code and `rawCode >> 8`. */
const EXTENDED: Record<string, Record<number, string>> = {
  BUSY: { 1: 'RECOVERY', 2: 'SNAPSHOT', 3: 'TIMEOUT' },
  READONLY: { 1: 'RECOVERY', 2: 'CANTLOCK', 3: 'ROLLBACK', 4: 'DBMOVED', 5: 'CANTINIT', 6: 'DIRECTORY' },
  CANTOPEN: { 1: 'NOTEMPDIR', 2: 'ISDIR', 3: 'FULLPATH', 4: 'CONVPATH', 6: 'SYMLINK' },
  CORRUPT: { 1: 'VTAB', 2: 'SEQUENCE', 3: 'INDEX' },
  IOERR: { 1: 'READ', 2: 'SHORT_READ', 3: 'WRITE', 4: 'FSYNC', 10: 'DELETE', 13: 'ACCESS', 15: 'LOCK', 18: 'SHMOPEN', 19: 'SHMSIZE', 21: 'SHMMAP' },
};

/** SQLite's name of a (possibly extended) result code. */
export function sqliteCodeName(rawCode: number): string {
  const primary = PRIMARY[rawCode & 0xff];
  if (!primary) return `SQLITE_UNKNOWN_${rawCode}`;
  const ext = EXTENDED[primary]?.[rawCode >> 8];
  return ext ? `SQLITE_${primary}_${ext}` : `SQLITE_${primary}`;
}

/** The driver's error as a SqliteError with a proper code; anything else unchanged. */
function converted(err: unknown): unknown {
  if (!(err instanceof Error) || err instanceof SqliteError) return err;
  const { code, rawCode } = err as { code?: unknown; rawCode?: unknown };
  if (typeof rawCode === 'number') return new SqliteError(err.message, sqliteCodeName(rawCode), rawCode);
  if (typeof code === 'string' && code.startsWith('SQLITE_')) return new SqliteError(err.message, code);
  // Opening: `ConnectionFailed("Unable to open connection to local database <file>: 14")`, without a code.
  const open = /^ConnectionFailed\(.*: (\d+)"\)$/s.exec(err.message);
  if (open) {
    const raw = Number(open[1]);
    return new SqliteError(raw === 14 ? 'unable to open database file' : err.message, sqliteCodeName(raw), raw);
  }
  return err;
}

type NativeDatabase = InstanceType<typeof Libsql>;
type NativeStatement = ReturnType<NativeDatabase['prepare']>;

class LibsqlStatement<P extends unknown[], R> implements Statement<P, R> {
  private native: NativeStatement;
  /** Set by `all`: libsql does not reset the statement after it, so the next `get`/`run` would see the old result. */
  private stale = false;

  constructor(
    private readonly db: LibsqlDatabase,
    private readonly sql: string,
  ) {
    this.native = db.prepareNative(sql);
  }

  private fresh(): NativeStatement {
    this.db.assertOpen();
    if (this.stale) {
      this.native = this.db.prepareNative(this.sql);
      this.stale = false;
    }
    return this.native;
  }

  // Parameters always go as one array: libsql takes a single object argument (null, a Buffer) for named parameters.
  run(...params: P): RunResult {
    try {
      const r = this.fresh().run(params);
      return { changes: r.changes, lastInsertRowid: r.lastInsertRowid };
    } catch (err) {
      throw converted(err);
    }
  }

  get(...params: P): R | undefined {
    let row: Record<string, unknown> | undefined;
    try {
      row = this.fresh().get(params) as Record<string, unknown> | undefined;
    } catch (err) {
      throw converted(err);
    }
    if (row && '_metadata' in row) delete row._metadata;
    return row as R | undefined;
  }

  all(...params: P): R[] {
    this.db.assertOpen();
    try {
      this.stale = true;
      const rows = this.native.all(params) as Record<string, unknown>[];
      for (const row of rows) if ('_metadata' in row) delete row._metadata;
      return rows as R[];
    } catch (err) {
      throw converted(err);
    }
  }
}

class LibsqlDatabase implements Database {
  private savepoints = 0;
  private closed = false;

  constructor(private readonly native: NativeDatabase) {}

  assertOpen(): void {
    if (this.closed) throw new SqliteError('the database connection is closed', 'SQLITE_MISUSE', 21);
  }

  prepareNative(sql: string): NativeStatement {
    this.assertOpen();
    try {
      return this.native.prepare(sql);
    } catch (err) {
      throw converted(err);
    }
  }

  prepare<P extends unknown[] = unknown[], R = Record<string, unknown>>(sql: string): Statement<P, R> {
    return new LibsqlStatement<P, R>(this, sql);
  }

  exec(sql: string): void {
    this.assertOpen();
    try {
      this.native.exec(sql);
    } catch (err) {
      throw converted(err);
    }
  }

  get inTransaction(): boolean {
    return this.native.inTransaction;
  }

  transaction<T>(fn: () => T, mode: 'deferred' | 'immediate' = 'deferred'): T {
    if (this.inTransaction) {
      const name = `sp${++this.savepoints}`;
      this.exec(`SAVEPOINT ${name}`);
      try {
        const out = fn();
        this.exec(`RELEASE ${name}`);
        return out;
      } catch (err) {
        if (this.inTransaction) this.exec(`ROLLBACK TO ${name}; RELEASE ${name}`);
        throw err;
      } finally {
        this.savepoints--;
      }
    }
    this.exec(mode === 'immediate' ? 'BEGIN IMMEDIATE' : 'BEGIN');
    try {
      const out = fn();
      this.exec('COMMIT');
      return out;
    } catch (err) {
      // A failed statement may have ended the transaction already (SQLite rolls back on some errors).
      if (this.inTransaction) this.exec('ROLLBACK');
      throw err;
    }
  }

  pragma(source: string): unknown {
    const row = this.prepare<[], Record<string, unknown>>(`PRAGMA ${source}`).get();
    return row ? Object.values(row)[0] : undefined;
  }

  /**
   * Closes the connection. libsql keeps it open until its statements are garbage-collected, so the write-ahead log is
   * first moved into the database file and emptied (when no other connection is reading; never waiting for one): the
   * file on disk is then whole by itself, as after SQLite's own last close.
   */
  close(): void {
    if (this.closed) return;
    try {
      if (this.inTransaction) this.native.exec('ROLLBACK');
      this.native.exec('PRAGMA busy_timeout = 0');
      this.native.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    } catch {
      // Read-only or busy: SQLite checkpoints when the last connection really closes.
    }
    this.closed = true;
    this.native.close();
  }
}

/** Opens (or creates) a file with the driver, nothing else: no folder made, no WAL, no migrations. */
function connect(file: string): Database {
  try {
    return new LibsqlDatabase(new Libsql(file));
  } catch (err) {
    throw converted(err);
  }
}

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
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
    return new UserError('E_SQLITE', `${what} ${shown(file)} is not a readable SQLite database (${code}: ${(err as Error).message})`, `move it away (e.g. mv ${shown(file)} ${shown(file)}.bad) and run again; a new one is created`);
  }
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_IOERR') || code === 'SQLITE_PERM') {
    return new UserError('E_SQLITE', `${what} ${shown(file)} cannot be written (${code}: ${(err as Error).message})`, 'fix the permissions of the file and its folder, or point the config (store:/cache:) at a writable place');
  }
  return new UserError('E_SQLITE', `${what} ${shown(file)}: ${code}: ${(err as Error).message}`, 'DEBUG=l4d2-eval shows the stack trace');
}

/** The highest schema version of a kind. */
export function latestVersion(kind: DatabaseKind): number {
  return kind.migrations.reduce((m, x) => Math.max(m, x.version), 0);
}

/** Brings a database to the latest schema of its kind; refuses a file written by a newer harness. */
export function migrate(db: Database, file: string, kind: DatabaseKind): void {
  const latest = latestVersion(kind);
  const current = Number(db.pragma('user_version') ?? 0);
  if (current > latest) {
    throw new UserError('E_SQLITE', `${kind.what} ${shown(file)} has schema version ${current}, newer than this l4d2-eval reads (${latest})`, 'upgrade l4d2-eval, or point the config at another file');
  }
  const pending = [...kind.migrations].filter((m) => m.version > current).sort((a, b) => a.version - b.version);
  if (pending.length === 0) return;
  db.transaction(() => {
    for (const m of pending) db.exec(m.sql);
    db.exec(`PRAGMA user_version = ${latest}`);
  }, 'immediate');
}

/** Opens (creating folder and file) a database in WAL mode and migrates it; SQLite trouble is a UserError naming the file. */
export function openDatabase(file: string, kind?: DatabaseKind): Database {
  const what = kind?.what ?? 'database';
  let db: Database | undefined;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    db = connect(file);
    db.exec('PRAGMA journal_mode = WAL');
    // NORMAL in WAL mode: a committed transaction survives a killed process; only a power loss can drop the last few.
    db.exec('PRAGMA synchronous = NORMAL');
    // The cache and the store may be shared by concurrent runs (e.g. batch collect while another run goes).
    db.exec('PRAGMA busy_timeout = 5000');
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
export function openRebuildable(file: string, kind: DatabaseKind, onRebuilt: (movedTo: string) => void): Database {
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

const ROLLBACK = Symbol('rollback');

/**
 * Throws a UserError naming the file when the database cannot be written (a read-only file or folder). A write is
 * tried and rolled back: SQLite lets BEGIN IMMEDIATE through on a file it opened read-only.
 */
export function assertWritable(db: Database, file: string, what: string): void {
  try {
    db.transaction(() => {
      db.exec(`PRAGMA user_version = ${Number(db.pragma('user_version') ?? 0)}`);
      throw ROLLBACK;
    }, 'immediate');
  } catch (err) {
    if (err === ROLLBACK) return;
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
    private readonly db: Database,
    private readonly stmt: Statement<A>,
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
    });
    this.committed?.();
  }
}
