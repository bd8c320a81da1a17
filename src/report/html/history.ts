// Where the trend's history comes from: results.json files under a folder, plus finished runs in the
// SQLite run store when its file exists. Kept out of the renderer, which stays pure.
import { existsSync } from 'node:fs';
import { loadHistory } from '../../analysis/history.js';
import type { HistoryPoint } from '../../analysis/types.js';
import { loadRun } from '../../run/session.js';
import { RunStore } from '../../run/store.js';

/** Sources of a trend. */
export interface HistorySources {
  /** Folder searched recursively for results.json. */
  dir?: string;
  /** Run store file; ignored when it does not exist (no store is created just to read it). */
  storeFile?: string;
  onWarning?: (message: string) => void;
}

/** Finished runs of the store as history points, one per model. */
export function storeHistory(file: string): HistoryPoint[] {
  const store = new RunStore(file);
  try {
    return store
      .list()
      .filter((row) => row.status === 'finished')
      .flatMap((row) => {
        const run = loadRun(store, row.runId);
        if (!run) return [];
        return run.models.map((m) => ({ runId: run.runId, startedAt: run.startedAt, suite: run.suite.name, model: m.label, modelId: m.modelId, cases: m.cases, avgScore: m.avgScore, passRate: m.passRate, file }));
      });
  } finally {
    store.close();
  }
}

/** Points from every source, oldest first; a run found both as a file and in the store counts once. */
export function collectHistory(src: HistorySources): HistoryPoint[] {
  const files = src.dir ? loadHistory({ dir: src.dir, onWarning: src.onWarning }) : [];
  const stored = src.storeFile && existsSync(src.storeFile) ? storeHistory(src.storeFile) : [];
  const seen = new Set(files.map((p) => `${p.runId}\0${p.model}`));
  const all = [...files, ...stored.filter((p) => !seen.has(`${p.runId}\0${p.model}`))];
  return all.sort((a, b) => a.startedAt.localeCompare(b.startedAt) || a.model.localeCompare(b.model));
}
