// Everything `batch status` and `batch collect` need, rebuilt from the store and the config, so
// they work from any process, days after `run --batch`.
import path from 'node:path';
import type { Config } from '../config/load.js';
import type { ModelConfig } from '../config/schema.js';
import { selectModels } from '../config/models.js';
import { UserError } from '../core/errors.js';
import type { RunMeta, RunStore } from '../run/store.js';
import { loadSuites } from '../suite/multi.js';
import type { Suite } from '../types/suite.js';
import type { BatchStore } from './store.js';

/** A batch run ready to be polled or collected. */
export interface BatchRunContext {
  runId: string;
  meta: RunMeta;
  suite: Suite;
  /** The run's models with their keys resolved from today's config. */
  models: ModelConfig[];
}

/** The run named, or the latest batch run; a user error when there is none. */
export function batchRunId(batches: BatchStore, store: RunStore, runId: string | undefined): string {
  const id = runId ?? batches.latestRun();
  const where = path.relative(process.cwd(), store.file) || store.file;
  if (!id) throw new UserError('E_RUN', `no batch run in ${where}`, 'start one with `l4d2-eval run --batch`');
  if (!store.meta(id)) throw new UserError('E_RUN', `no run "${id}" in ${where}`, 'list runs with `l4d2-eval runs`');
  if (batches.batches(id).length === 0 && !store.meta(id)?.batch) throw new UserError('E_RUN', `run ${id} was not sent to the Batch API`, `render it with \`l4d2-eval report --run ${id}\``);
  return id;
}

/** Loads the run's suite (from the files it was started with) and its models (from the config). */
export async function batchRunContext(config: Config, store: RunStore, runId: string): Promise<BatchRunContext> {
  const meta = store.meta(runId)!;
  const { suite } = await loadSuites(meta.entryFiles ?? meta.suite.files);
  const models = selectModels(
    config,
    meta.models.map((m) => m.label),
  );
  return { runId, meta, suite, models };
}
