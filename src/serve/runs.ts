// The runs page's data: every run of the store, one run's cases, two runs (or two models) compared, and the HTML
// report of either, rendered by the report's own renderer. Read-only: one connection to the store, opened at the first
// request that finds the file and kept (each read sees the runs committed until then, by any process).
import { existsSync } from 'node:fs';
import { compareRun } from '../analysis/compare.js';
import { caseRows, classifyChange, summaryRows } from '../analysis/view.js';
import { loadBatchRun } from '../batch/result.js';
import type { Config } from '../config/load.js';
import { UserError } from '../core/errors.js';
import { renderHtml } from '../report/html/page.js';
import { mergeResults } from '../run/results-file.js';
import { RunStore, type RunRow } from '../run/store.js';
import type { RunResult } from '../types/run.js';

/** A side of a comparison: a whole run, or one model of it (`runId` or `runId:label`). */
export interface RunPick {
  runId: string;
  model?: string;
}

/** Parses `runId` or `runId:label`. */
export function parsePick(text: string | null): RunPick {
  if (!text) throw new UserError('E_USAGE', 'a run to compare is missing', 'pick two runs (or two models of runs) on the runs page');
  const at = text.indexOf(':');
  return at < 0 ? { runId: text } : { runId: text.slice(0, at), model: text.slice(at + 1) };
}

/**
 * Reads stored runs through one kept connection: the SQLite driver (libsql) releases a closed connection's file handles
 * and memory only when its statements are garbage-collected, so opening the store per request would pile them up.
 */
export class RunsView {
  private store?: RunStore;

  constructor(
    private readonly config: Config,
    private readonly templateDir = config.templates,
  ) {}

  private withStore<T>(fn: (store: RunStore) => T): T {
    this.store ??= new RunStore(this.config.storeFile);
    return fn(this.store);
  }

  close(): void {
    this.store?.close();
    this.store = undefined;
  }

  /** Every run, newest first; [] when there is no store yet (nothing is created for a read). */
  list(): RunRow[] {
    if (!existsSync(this.config.storeFile)) return [];
    return this.withStore((s) => s.list());
  }

  /** One stored run, or one model of it. */
  load(pick: RunPick): RunResult {
    const run = existsSync(this.config.storeFile) ? this.withStore((s) => loadBatchRun(s, pick.runId)) : undefined;
    if (!run) throw new UserError('E_RUN', `no run "${pick.runId}" in the run store`, 'choose a run from the list');
    if (pick.model === undefined) return run;
    if (!run.models.some((m) => m.label === pick.model)) throw new UserError('E_RUN', `run ${pick.runId} has no model "${pick.model}"`, `its models: ${run.models.map((m) => m.label).join(', ')}`);
    return { ...run, models: run.models.filter((m) => m.label === pick.model), items: run.items.filter((i) => i.model === pick.model) };
  }

  /** A run's summary and case table (status of each model on each case) for the page's filters. */
  detail(pick: RunPick) {
    const run = this.load(pick);
    return {
      runId: run.runId,
      suite: run.suite.name,
      startedAt: run.startedAt,
      status: run.status ?? 'finished',
      models: summaryRows(run).map((m) => ({ label: m.label, modelId: m.modelId, avgScore: m.avgScore, passRate: m.passRate, errors: m.errors, costUsd: m.costUsd })),
      cases: caseRows(run).map((r) => ({ caseId: r.caseId, category: r.category, cells: r.cells.map((c) => ({ model: c.model, status: c.status, score: c.avgScore })) })),
    };
  }

  /** Two runs (or models) side by side, as `compare` merges them: first = baseline. */
  merged(a: RunPick, b: RunPick): RunResult {
    return mergeResults([this.load(a), this.load(b)]);
  }

  /** compare's statistics for two picks: figures with intervals, the paired verdict, and each case's change. */
  compare(a: RunPick, b: RunPick) {
    const run = this.merged(a, b);
    const c = compareRun(run);
    const pair = c.pairs[0];
    return {
      runId: run.runId,
      suite: run.suite.name,
      models: c.models.map((m) => ({ label: m.label, baseline: m.baseline, avgScore: m.avgScore, scoreCi: m.scoreCi, passRate: m.passRate, compileRate: m.compileRate })),
      verdict: pair ? { kind: pair.verdict.kind, text: pair.verdict.text, regressions: pair.regressions.length, improvements: pair.improvements.length } : null,
      cases: c.cases.map((r) => {
        const [base, cand] = r.cells;
        const change = base && cand ? (classifyChange(base, cand) ?? 'unchanged') : 'unchanged';
        return { caseId: r.caseId, category: r.category, change, cells: r.cells.map((x) => ({ model: x.model, status: x.status, score: x.avgScore })) };
      }),
    };
  }

  /** The run's HTML report, as `report --format html` writes it. */
  reportHtml(run: RunResult): string {
    return renderHtml(run, this.templateDir ? { templateDir: this.templateDir } : {});
  }
}
