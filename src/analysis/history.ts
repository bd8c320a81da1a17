// A model line's scores across runs, from results.json files and the finished runs of the SQLite run store.
// `history`, `compare --history` and `report --history` all read it here, so they show the same runs.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../core/errors.js';
import { readResults } from '../run/results-file.js';
import { loadRun } from '../run/session.js';
import { RunStore } from '../run/store.js';
import type { RunResult } from '../types/run.js';
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

/** Sources and filters of a history query. */
export interface HistoryQuery {
  /** Scanned folder; files that are not valid results are skipped with a warning. */
  dir?: string;
  /** Explicit files: an invalid one is an error. */
  files?: string[];
  /** Run store file: its finished runs count too; ignored when it does not exist (none is created to read it). */
  storeFile?: string;
  model?: string;
  /** Suite name (or a suite file whose base name matches). */
  suite?: string;
  onWarning?: (message: string) => void;
}

function suiteMatches(name: string, files: readonly string[], wanted: string): boolean {
  const base = path.basename(wanted).replace(/\.ya?ml$/, '');
  return name === wanted || name === base || files.some((f) => path.basename(f) === path.basename(wanted));
}

/** A run's points that pass the query's filters; `file` is where the run was read from. */
function runPoints(run: RunResult, file: string, query: HistoryQuery): HistoryPoint[] {
  if (query.suite && !suiteMatches(run.suite.name, run.suite.files, query.suite)) return [];
  return run.models
    .filter((m) => !query.model || m.label === query.model || m.label.startsWith(`${query.model}@`))
    .map((m) => ({ runId: run.runId, startedAt: run.startedAt, suite: run.suite.name, model: m.label, modelId: m.modelId, cases: m.cases, avgScore: m.avgScore, passRate: m.passRate, file }));
}

function filePoints(query: HistoryQuery): HistoryPoint[] {
  const explicit = query.files ?? [];
  return [...explicit, ...(query.dir ? findResultFiles(query.dir) : [])].flatMap((file) => {
    try {
      return runPoints(readResults(file), file, query);
    } catch (err) {
      if (explicit.includes(file) || !(err instanceof UserError)) throw err;
      query.onWarning?.(`skipped ${file}: ${err.message}`);
      return [];
    }
  });
}

function storePoints(file: string, query: HistoryQuery): HistoryPoint[] {
  const store = new RunStore(file);
  try {
    return store
      .list()
      .filter((row) => row.status === 'finished')
      .flatMap((row) => {
        const run = loadRun(store, row.runId);
        return run ? runPoints(run, file, query) : [];
      });
  } finally {
    store.close();
  }
}

/** One point per model per run, oldest first; a run found twice (two files, or a file and the store) counts once, files first. */
export function loadHistory(query: HistoryQuery): HistoryPoint[] {
  const files = filePoints(query);
  const stored = query.storeFile && existsSync(query.storeFile) ? storePoints(query.storeFile, query) : [];
  const seen = new Set<string>();
  const points = [...files, ...stored].filter((p) => {
    const key = `${p.runId}\0${p.model}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return points.sort((a, b) => a.startedAt.localeCompare(b.startedAt) || a.model.localeCompare(b.model));
}
