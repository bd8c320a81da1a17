// The one way the harness opens SQLite files (src/run/sqlite.ts), on real files and real processes: the driver's quirks
// stay inside it, concurrent writers wait for each other, and trouble with a file is one UserError naming it.
import { spawn } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { assertWritable, openDatabase, openRebuildable, sqliteCodeName, TurnWriter, type DatabaseKind } from '../../src/run/sqlite.js';
import { ROOT } from '../helpers/cli.js';
import { tempTree } from '../helpers/tmp.js';

const KIND: DatabaseKind = {
  what: 'test store',
  migrations: [
    { version: 1, sql: 'CREATE TABLE t (k TEXT PRIMARY KEY, v INTEGER, b BLOB)' },
    { version: 2, sql: 'CREATE TABLE u (x TEXT)' },
  ],
};

const SQLITE_JS = pathToFileURL(path.join(ROOT, 'dist/src/run/sqlite.js')).href;

/**
 * A copy of the built src/run/sqlite.js and the driver in `dir`, for a process of another user: the repository
 * itself may sit in a folder only its owner can enter.
 */
function sqliteCopyIn(dir: string): string {
  const parts = ['package.json', 'dist/src/run/sqlite.js', 'dist/src/core/errors.js', 'dist/src/core/text.js', 'node_modules/libsql', 'node_modules/@libsql', 'node_modules/@neon-rs', 'node_modules/detect-libc'];
  for (const rel of parts) cpSync(path.join(ROOT, rel), path.join(dir, rel), { recursive: true });
  return pathToFileURL(path.join(dir, 'dist/src/run/sqlite.js')).href;
}

/** Runs a module script in a real node process: its pid, and its exit code and output once it ends. */
function node(script: string, args: string[], opts: { cwd?: string; uid?: number; gid?: number; onLine?: (line: string) => void } = {}) {
  const child = spawn(process.execPath, ['--input-type=module', '-e', script, ...args], { cwd: opts.cwd, uid: opts.uid, gid: opts.gid, stdio: ['ignore', 'pipe', 'pipe'] });
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => {
      stdout += s;
      for (const line of s.split('\n')) if (line) opts.onLine?.(line);
    });
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { pid: child.pid!, done };
}

describe('the SQLite surface', () => {
  it('gives plain rows and plain pragma values, binds any single value, and reads right after all()', () => {
    const file = path.join(tempTree({}), 'db', 'a.db');
    const db = openDatabase(file, KIND);
    expect(db.pragma('journal_mode')).toBe('wal');
    expect(db.pragma('user_version')).toBe(2);
    expect(db.pragma('busy_timeout')).toBe(5000);
    expect(db.pragma('synchronous')).toBe(1); // NORMAL
    const ins = db.prepare<unknown[]>('INSERT INTO t (k, v, b) VALUES (?, ?, ?)');
    for (let i = 0; i < 4; i++) ins.run(`k${i}`, i, null);
    ins.run('blob', null, Buffer.from('hi'));
    const one = db.prepare<[string], { k: string; v: number }>('SELECT k, v FROM t WHERE k = ?').get('k1');
    expect(one).toEqual({ k: 'k1', v: 1 });
    expect(Object.keys(one!)).toEqual(['k', 'v']);
    expect(JSON.stringify(db.prepare('SELECT COUNT(*) AS n FROM t').get())).toBe('{"n":5}');
    expect(db.prepare('SELECT k FROM t WHERE v >= ? ORDER BY k').all(2)).toEqual([{ k: 'k2' }, { k: 'k3' }]);
    // One parameter that is an object to JavaScript: null and a Buffer.
    const same = db.prepare<[unknown], { v: unknown }>('SELECT ? AS v');
    expect(same.get(null)).toEqual({ v: null });
    expect(same.get(Buffer.from('hi'))).toEqual({ v: Buffer.from('hi') });
    expect(db.prepare<[unknown]>('SELECT k FROM t WHERE b = ?').all(Buffer.from('hi'))).toEqual([{ k: 'blob' }]);
    // The same statement through all() then get(): the get sees its own parameters.
    const from = db.prepare<[number], { k: string }>('SELECT k FROM t WHERE v >= ? ORDER BY k');
    expect(from.all(0)).toHaveLength(4);
    expect(from.get(3)).toEqual({ k: 'k3' });
    expect(from.get(1)).toEqual({ k: 'k1' });
    db.close();
  });

  it('rolls a failed transaction back, nests as a savepoint, and names SQLite codes', () => {
    const db = openDatabase(path.join(tempTree({}), 'a.db'), KIND);
    const count = () => db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM t').get()!.n;
    expect(() =>
      db.transaction(() => {
        db.prepare('INSERT INTO t (k) VALUES (?)').run('a');
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(count()).toBe(0);
    expect(db.inTransaction).toBe(false);
    db.transaction(() => {
      db.prepare('INSERT INTO t (k) VALUES (?)').run('outer');
      expect(() =>
        db.transaction(() => {
          db.prepare('INSERT INTO t (k) VALUES (?)').run('inner');
          throw new Error('inner fails');
        }),
      ).toThrow('inner fails');
    }, 'immediate');
    expect(db.prepare('SELECT k FROM t').all()).toEqual([{ k: 'outer' }]);
    let err: unknown;
    try {
      db.prepare('INSERT INTO t (k) VALUES (?)').run('outer');
    } catch (e) {
      err = e;
    }
    expect(err).toMatchObject({ name: 'SqliteError', code: 'SQLITE_CONSTRAINT', message: 'UNIQUE constraint failed: t.k' });
    db.close();
    expect(sqliteCodeName(1544)).toBe('SQLITE_READONLY_DIRECTORY');
    expect(sqliteCodeName(14)).toBe('SQLITE_CANTOPEN');
    expect(sqliteCodeName(5)).toBe('SQLITE_BUSY');
  });

  it('close() leaves the file whole by itself (the write-ahead log emptied) and its statements unusable', () => {
    const dir = tempTree({});
    const db = openDatabase(path.join(dir, 'a.db'), KIND);
    const ins = db.prepare<[string]>('INSERT INTO t (k) VALUES (?)');
    ins.run('a');
    db.transaction(() => ins.run('b'));
    db.close();
    expect(() => ins.run('c')).toThrow('the database connection is closed');
    // The main file alone, without its -wal and -shm side files, holds every committed row.
    copyFileSync(path.join(dir, 'a.db'), path.join(dir, 'copy.db'));
    const copy = openDatabase(path.join(dir, 'copy.db'), KIND);
    expect(copy.prepare('SELECT k FROM t ORDER BY k').all()).toEqual([{ k: 'a' }, { k: 'b' }]);
    copy.close();
  });

  it('commits TurnWriter rows once per event-loop turn', async () => {
    const file = path.join(tempTree({}), 'a.db');
    const db = openDatabase(file, KIND);
    let commits = 0;
    const w = new TurnWriter(db, db.prepare<[string, number]>('INSERT INTO t (k, v) VALUES (?, ?)'), () => commits++);
    for (let i = 0; i < 10; i++) w.push(`k${i}`, i);
    await new Promise((r) => setImmediate(r));
    expect(commits).toBe(1);
    expect(db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM t').get()).toEqual({ n: 10 });
    db.close();
  });
});

describe('schema versions', () => {
  it('migrates an older file in order and refuses a newer one, naming the file', () => {
    const dir = tempTree({});
    const file = path.join(dir, 'a.db');
    const old = openDatabase(file, { what: 'test store', migrations: KIND.migrations.slice(0, 1) });
    old.prepare('INSERT INTO t (k) VALUES (?)').run('kept');
    expect(old.pragma('user_version')).toBe(1);
    old.close();
    const now = openDatabase(file, KIND);
    expect(now.pragma('user_version')).toBe(2);
    expect(now.prepare('SELECT k FROM t').all()).toEqual([{ k: 'kept' }]);
    now.exec('PRAGMA user_version = 7');
    now.close();
    expect(() => openDatabase(file, KIND)).toThrow(/test store .*a\.db has schema version 7, newer than this l4d2-eval reads \(2\)/);
  });
});

describe('files that are not databases or cannot be opened', () => {
  it('a file that is not a database is a UserError; a rebuildable one is moved aside and made again', () => {
    const dir = tempTree({ 'bad.db': 'not a database '.repeat(300) });
    const file = path.join(dir, 'bad.db');
    expect(() => openDatabase(file, KIND)).toThrow(/test store .*bad\.db is not a readable SQLite database \(SQLITE_NOTADB: file is not a database\)/);
    let movedTo = '';
    const db = openRebuildable(file, KIND, (m) => (movedTo = m));
    expect(db.pragma('user_version')).toBe(2);
    db.close();
    expect(path.basename(movedTo)).toMatch(/^bad\.db\.corrupt-/);
    expect(readFileSync(movedTo, 'utf8')).toBe('not a database '.repeat(300));
    expect(readdirSync(dir).filter((f) => f.includes('corrupt'))).toEqual([path.basename(movedTo)]);
  });

  it('a folder where the file should be is a one-line "cannot be written" UserError', () => {
    const dir = tempTree({});
    mkdirSync(path.join(dir, 'runs.db'));
    let err: unknown;
    try {
      openDatabase(path.join(dir, 'runs.db'), KIND);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).message).toMatch(/^test store .*runs\.db cannot be written \(SQLITE_CANTOPEN: unable to open database file\)$/);
  });

  it('a read-only folder or file is a UserError naming the file, before anything is written', async () => {
    // Permissions bind only a user who is not root: as root, the check runs as nobody.
    const asRoot = process.getuid?.() === 0;
    const dir = tempTree({});
    chmodSync(dir, 0o755);
    const sqliteJs = asRoot ? sqliteCopyIn(path.join(dir, 'copy')) : SQLITE_JS;
    for (const [sub, mode] of [['existing-in-ro-folder', 0o666], ['ro-file', 0o444]] as const) {
      const db = openDatabase(path.join(dir, sub, 'runs.db'), KIND);
      db.close();
      for (const side of ['-wal', '-shm']) rmSync(path.join(dir, sub, `runs.db${side}`), { force: true });
      chmodSync(path.join(dir, sub, 'runs.db'), mode);
    }
    mkdirSync(path.join(dir, 'ro-folder'));
    chmodSync(path.join(dir, 'ro-folder'), 0o555);
    chmodSync(path.join(dir, 'existing-in-ro-folder'), 0o555);
    chmodSync(path.join(dir, 'ro-file'), 0o777);
    const script = `
      const { openDatabase, assertWritable } = await import(${JSON.stringify(sqliteJs)});
      const kind = ${JSON.stringify(KIND)};
      for (const file of process.argv.slice(1)) {
        try { const db = openDatabase(file, kind); assertWritable(db, file, kind.what); db.close(); console.log('writable'); }
        catch (e) { console.log(e.constructor.name + ': ' + e.message); }
      }`;
    const files = ['ro-folder', 'existing-in-ro-folder', 'ro-file'].map((s) => `${s}/runs.db`);
    const r = await node(script, files, { cwd: dir, ...(asRoot ? { uid: 65534, gid: 65534 } : {}) }).done;
    expect(r.stderr).toBe('');
    expect(r.stdout.trim().split('\n')).toEqual([
      'UserError: test store ro-folder/runs.db cannot be written (SQLITE_CANTOPEN: unable to open database file)',
      'UserError: test store existing-in-ro-folder/runs.db cannot be written (SQLITE_READONLY_DIRECTORY: attempt to write a readonly database)',
      'UserError: test store ro-file/runs.db cannot be written (SQLITE_READONLY: attempt to write a readonly database)',
    ]);
    expect(existsSync(path.join(dir, files[0]!))).toBe(false);
  });
});

describe('two processes on one file', () => {
  it('a writer waits for another process holding the write lock (busy_timeout) instead of failing', async () => {
    const file = path.join(tempTree({}), 'a.db');
    const holder = openDatabase(file, KIND);
    holder.exec('BEGIN IMMEDIATE');
    holder.prepare('INSERT INTO t (k) VALUES (?)').run('holder');
    const script = `
      const { openDatabase } = await import(${JSON.stringify(SQLITE_JS)});
      const db = openDatabase(process.argv[1], ${JSON.stringify(KIND)});
      console.log('opened');
      for (let i = 0; i < 50; i++) db.transaction(() => db.prepare('INSERT INTO t (k) VALUES (?)').run('child' + i));
      db.close();
      console.log('done');`;
    let release!: () => void;
    const opened = new Promise<void>((r) => (release = r));
    const child = node(script, [file], { onLine: (l) => l === 'opened' && release() });
    await opened;
    // The child is now writing into a locked file; give it time to meet the lock, then commit.
    await new Promise((r) => setTimeout(r, 200));
    holder.exec('COMMIT');
    const r = await child.done;
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('opened\ndone\n');
    expect(holder.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM t').get()).toEqual({ n: 51 });
    holder.close();
  });

  it('a killed writer loses no committed row', async () => {
    const file = path.join(tempTree({}), 'a.db');
    openDatabase(file, KIND).close();
    const script = `
      const { openDatabase } = await import(${JSON.stringify(SQLITE_JS)});
      const db = openDatabase(process.argv[1], ${JSON.stringify(KIND)});
      for (let i = 0; ; i++) { db.transaction(() => db.prepare('INSERT INTO t (k, v) VALUES (?, ?)').run('k' + i, i)); console.log(i); }`;
    let last = -1;
    let kill!: () => void;
    const enough = new Promise<void>((r) => (kill = r));
    const child = node(script, [file], {
      onLine: (l) => {
        last = Math.max(last, Number(l));
        if (last >= 200) kill();
      },
    });
    await enough;
    process.kill(child.pid, 'SIGKILL');
    expect((await child.done).signal).toBe('SIGKILL');
    const db = openDatabase(file, KIND);
    const rows = db.prepare<[], { n: number; top: number }>('SELECT COUNT(*) AS n, MAX(v) AS top FROM t').get()!;
    db.close();
    // Every row the writer reported committed is there, with no gap.
    expect(rows.top).toBeGreaterThanOrEqual(last);
    expect(rows.n).toBe(rows.top + 1);
  });
});
