// Reading and editing the harness's SQLite files in tests, through the same driver and surface the harness uses.
import { existsSync } from 'node:fs';
import { openDatabase, type Database } from '../../src/run/sqlite.js';

/** Rows of one query on an existing file; none when the file does not exist (yet). The connection refuses writes. */
export function queryFile<R = Record<string, unknown>>(file: string, sql: string, ...params: unknown[]): R[] {
  if (!existsSync(file)) return [];
  const db = openDatabase(file);
  try {
    db.exec('PRAGMA query_only = ON');
    return db.prepare<unknown[], R>(sql).all(...params);
  } finally {
    db.close();
  }
}

/** Runs `fn` on a connection to `file` (created when missing), then closes it. */
export function withFile<T>(file: string, fn: (db: Database) => T): T {
  const db = openDatabase(file);
  try {
    return fn(db);
  } finally {
    db.close();
  }
}
