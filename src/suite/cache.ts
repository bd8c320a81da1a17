// Parsed suites kept beside the response cache (`<cache folder>/suites/`), so a re-run does not parse and validate
// the same YAML again. An entry is reused only when the harness code is the same (src/core/stamp.ts), the run starts
// in the same folder with the same suite paths, and every file the loader read (suite, includes, rubric files) still
// has the content it had (SHA-256). It holds only valid suites; anything unreadable is a miss, never an error.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { codeStamp } from '../core/stamp.js';
import type { Suite } from '../types/suite.js';

/** A loaded suite as `loadSuites` returns it. */
export interface LoadedSuites {
  suite: Suite;
  warnings: string[];
}

interface Entry extends LoadedSuites {
  stamp: string;
  sources: { file: string; sha256: string }[];
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** The entry file of a list of suite paths, as they were given, from the current folder. */
function entryFile(dir: string, files: readonly string[]): string {
  const key = sha256(JSON.stringify([process.cwd(), files.map((f) => path.resolve(f))]));
  return path.join(dir, 'suites', `${key.slice(0, 32)}.json`);
}

/** The stored suites for these paths when nothing they were made from has changed. */
export function readCachedSuites(dir: string, files: readonly string[]): LoadedSuites | undefined {
  try {
    const entry = JSON.parse(readFileSync(entryFile(dir, files), 'utf8')) as Entry;
    if (entry.stamp !== codeStamp()) return undefined;
    for (const s of entry.sources) if (sha256(readFileSync(s.file)) !== s.sha256) return undefined;
    return { suite: entry.suite, warnings: entry.warnings };
  } catch {
    return undefined;
  }
}

/**
 * Stores loaded suites with the files they were read from and the SHA-256 of the text the loader read (not read again:
 * a file changed since would otherwise be recorded with content the suite was not made from). Written whole, then
 * renamed into place.
 */
export function writeCachedSuites(dir: string, files: readonly string[], loaded: LoadedSuites, sources: readonly { file: string; sha256: string }[]): void {
  try {
    const entry: Entry = { ...loaded, stamp: codeStamp(), sources: [...new Map(sources.map((s) => [s.file, s.sha256]))].map(([file, hash]) => ({ file, sha256: hash })) };
    const file = entryFile(dir, files);
    mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(entry));
    renameSync(tmp, file);
  } catch {
    // A cache that cannot be written costs the next run a parse, nothing else.
  }
}
