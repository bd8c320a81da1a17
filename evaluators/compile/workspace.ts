// The fresh temp folder one answer compiles in: plugin.sp plus its companion files under safe names.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { SourceFile } from '../core/types.js';
import { ANSWER_FILE } from './types.js';

/** A temp folder holding one answer's files. */
export interface Workspace {
  dir: string;
  /** Safe file name written → the companion's name in the answer. */
  companions: Map<string, string>;
}

const RESERVED = new Set([ANSWER_FILE, 'plugin.smx']);

/** A companion name reduced to a plain file name: basename only, characters `[A-Za-z0-9_.-]`. */
export function safeFileName(name: string, index: number): string {
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/[^A-Za-z0-9_.-]/g, '_').replace(/^[.-]+/, '');
  if (base === '' || /^_*$/.test(base)) return `companion${index + 1}.inc`;
  return RESERVED.has(base.toLowerCase()) ? `companion_${base}` : base;
}

/** Creates the folder and writes the answer's files into it. */
export async function createWorkspace(main: string, companions: readonly SourceFile[]): Promise<Workspace> {
  const dir = await mkdtemp(path.join(tmpdir(), 'l4d2-eval-spcomp-'));
  const written = new Map<string, string>();
  await writeFile(path.join(dir, ANSWER_FILE), main);
  for (const [i, c] of companions.entries()) {
    let name = safeFileName(c.name, i);
    // Two blocks with the same file name: keep both, the later one renamed.
    for (let k = 2; written.has(name.toLowerCase()) || RESERVED.has(name.toLowerCase()); k++) name = `${k}_${safeFileName(c.name, i)}`;
    written.set(name.toLowerCase(), c.name);
    await writeFile(path.join(dir, name), c.code);
  }
  return { dir, companions: new Map([...written].map(([safe, original]) => [safe, original])) };
}

/** Maps a file name spcomp printed back to the answer's names; paths outside the folder are kept. */
export function workspaceMapper(ws: Workspace): (file: string) => string {
  return (file) => {
    const abs = path.resolve(ws.dir, file);
    if (path.dirname(abs) !== path.resolve(ws.dir)) return file;
    const base = path.basename(abs);
    if (base === ANSWER_FILE) return ANSWER_FILE;
    return ws.companions.get(base.toLowerCase()) ?? base;
  };
}

/** Removes the folder; never throws (a leftover temp folder must not fail a run). */
export async function removeWorkspace(ws: Workspace): Promise<void> {
  await rm(ws.dir, { recursive: true, force: true, maxRetries: 3 }).catch(() => undefined);
}
