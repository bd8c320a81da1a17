// A model line's scores across runs, read from every results.json under a folder (no run store yet).
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../core/errors.js';
import { readResults } from '../run/results-file.js';
import type { HistoryPoint } from './types.js';

/** Every `results.json` below `dir` (recursively), sorted by path; [] when the folder does not exist. */
export function findResultFiles(dir: string): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    // node_modules and dot folders never hold our reports and can be huge.
    if (entry.isDirectory() && entry.name !== 'node_modules' && !entry.name.startsWith('.')) out.push(...findResultFiles(full));
    else if (entry.isFile() && entry.name === 'results.json') out.push(full);
  }
  return out.sort();
}

/** Filters of a history query. */
export interface HistoryQuery {
  /** Scanned folder; files that are not valid results are skipped with a warning. */
  dir?: string;
  /** Explicit files: an invalid one is an error. */
  files?: string[];
  model?: string;
  /** Suite name (or a suite file whose base name matches). */
  suite?: string;
  onWarning?: (message: string) => void;
}

function suiteMatches(name: string, files: readonly string[], wanted: string): boolean {
  const base = path.basename(wanted).replace(/\.ya?ml$/, '');
  return name === wanted || name === base || files.some((f) => path.basename(f) === path.basename(wanted));
}

/** One point per model per run, oldest first; the same run found twice counts once. */
export function loadHistory(query: HistoryQuery): HistoryPoint[] {
  const scanned = query.dir ? findResultFiles(query.dir) : [];
  const explicit = query.files ?? [];
  const seen = new Set<string>();
  const points: HistoryPoint[] = [];
  for (const file of [...explicit, ...scanned]) {
    let run;
    try {
      run = readResults(file);
    } catch (err) {
      if (explicit.includes(file) || !(err instanceof UserError)) throw err;
      query.onWarning?.(`skipped ${file}: ${err.message}`);
      continue;
    }
    if (query.suite && !suiteMatches(run.suite.name, run.suite.files, query.suite)) continue;
    for (const m of run.models) {
      if (query.model && m.label !== query.model && !m.label.startsWith(`${query.model}@`)) continue;
      const key = `${run.runId}\0${m.label}`;
      if (seen.has(key)) continue;
      seen.add(key);
      points.push({ runId: run.runId, startedAt: run.startedAt, suite: run.suite.name, model: m.label, modelId: m.modelId, cases: m.cases, avgScore: m.avgScore, passRate: m.passRate, file });
    }
  }
  return points.sort((a, b) => a.startedAt.localeCompare(b.startedAt) || a.model.localeCompare(b.model));
}
