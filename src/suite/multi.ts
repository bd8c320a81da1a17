// Several suite files in one run: their cases are combined as if one included the others.
import { formatProblem, ValidationError, type Problem } from '../core/errors.js';
import type { Suite } from '../types/suite.js';
import { readCachedSuites, writeCachedSuites, type LoadedSuites } from './cache.js';
import { loadSuite } from './loader.js';

/** Where parsed suites are kept (the response cache's folder) and how: `use` reads and writes, `refresh` only writes. */
export interface SuiteCaching {
  dir: string;
  mode: 'use' | 'refresh';
}

/**
 * Loads one or more suites; every problem of every file is reported at once. With `caching`, a suite parsed before
 * from the same unchanged files is reused (src/suite/cache.ts).
 */
export async function loadSuites(files: string[], caching?: SuiteCaching): Promise<LoadedSuites> {
  if (caching?.mode === 'use') {
    const cached = readCachedSuites(caching.dir, files);
    if (cached) return cached;
  }
  const sources: { file: string; sha256: string }[] = [];
  const loaded = await loadUncached(files, sources);
  if (caching) writeCachedSuites(caching.dir, files, loaded, sources);
  return loaded;
}

async function loadUncached(files: string[], sources: { file: string; sha256: string }[]): Promise<LoadedSuites> {
  const errors: Problem[] = [];
  const warnings: string[] = [];
  const suites: Suite[] = [];
  for (const f of files) {
    const r = await loadSuite(f);
    sources.push(...r.sources);
    errors.push(...r.errors);
    warnings.push(...r.warnings.map(formatProblem));
    if (r.value) suites.push(r.value);
  }
  const seen = new Map<string, string>();
  for (const s of suites) {
    for (const c of s.cases) {
      const prev = seen.get(c.id);
      if (prev) errors.push({ file: c.file, line: c.line, message: `duplicate case id "${c.id}" (also in ${prev})` });
      else seen.set(c.id, `${c.file}:${c.line}`);
    }
  }
  if (errors.length > 0 || suites.length === 0) throw new ValidationError(errors, files.length === 1 ? `suite ${files[0]} is invalid` : 'suites are invalid');
  const [first] = suites as [Suite, ...Suite[]];
  if (suites.length === 1) return { suite: first, warnings };
  return {
    suite: { ...first, name: suites.map((s) => s.name).join(' + '), files: suites.flatMap((s) => s.files), cases: suites.flatMap((s) => s.cases) },
    warnings,
  };
}
