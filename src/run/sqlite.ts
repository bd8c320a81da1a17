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
