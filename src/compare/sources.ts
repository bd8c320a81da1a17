// Where compared results come from: results.json files, or a fresh run of the suite for model labels.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/load.js';
import { selectModels } from '../config/models.js';
import { mergeResults, readResults } from '../run/results-file.js';
import { executeRun, fullyCachedModels } from '../run/run.js';
import { loadSuites, type SuiteCaching } from '../suite/multi.js';
import type { ItemHook } from '../run/hooks.js';
import type { CacheMode, ResponseCache } from '../run/cache.js';
import type { ModelConfig } from '../config/schema.js';
import type { ItemResult, RunResult } from '../types/run.js';
import type { Suite } from '../types/suite.js';
import { UserError } from '../core/errors.js';

/** A positional is a results file when it looks like one or exists; otherwise it is a model label. */
export function isResultsFile(arg: string): boolean {
  return arg.endsWith('.json') || arg.includes('/') || arg.includes(path.sep) || existsSync(arg);
}

/** How to run the suite for labels that are not in files. */
export interface RunSource {
  config: Config;
  labels: string[];
  /** Suite files (default: the config's suite). */
  suites?: string[];
  concurrency?: number;
  modelConcurrency?: number;
  onItem?: (item: ItemResult) => void;
  onWarning?: (message: string) => void;
  /** Model-graded checks of the loaded suite (the CLI's judge, as for `run`): called before anything is sent, it may
   * refuse the suite by throwing; `close` is called when the run ends. */
  judge?: (suite: Suite) => { hook: ItemHook; close(): void } | undefined;
  /** The response cache for the models' answers (as `run` uses it), opened for the selected models. */
  answers?: (models: ModelConfig[]) => { cache: ResponseCache; cacheMode: CacheMode; close(): void } | undefined;
  /** Where parsed suites are kept between runs (as `run` keeps them). */
  suiteCaching?: SuiteCaching;
  /** Checks made before anything is sent, given the models and those the cache answers in full (asked nothing). */
  preflight?: (models: readonly ModelConfig[], answered: ReadonlySet<string>) => Promise<void>;
}

/** Runs the suite for the given model labels (the offline replay models need no network). */
export async function runLabels(source: RunSource): Promise<RunResult> {
  const files = source.suites && source.suites.length > 0 ? source.suites : [source.config.suite];
  const { suite, warnings } = await loadSuites(files, source.suiteCaching);
  for (const w of warnings) source.onWarning?.(w);
  const models = selectModels(source.config, source.labels);
  const judging = source.judge?.(suite);
  const answers = source.answers?.(models);
  try {
    await source.preflight?.(models, answers?.cacheMode === 'use' ? fullyCachedModels(answers.cache, models, suite.cases) : new Set());
    return await executeRun({
      suite,
      models,
      concurrency: source.concurrency,
      modelConcurrency: source.modelConcurrency,
      onItem: source.onItem,
      ...(judging ? { afterJudge: judging.hook } : {}),
      ...(answers ? { live: { cache: answers.cache, cacheMode: answers.cacheMode } } : {}),
    });
  } finally {
    answers?.close();
    judging?.close();
  }
}

/** Options of `gatherRun`. */
export interface GatherOptions extends Omit<RunSource, 'config' | 'labels'> {
  config?: Config;
}

/**
 * Builds one run from positionals: results files are read and merged, labels are run through the suite
 * (one run for all of them). Files come first, then labels, each in the order given.
 */
export async function gatherRun(args: readonly string[], options: GatherOptions): Promise<RunResult> {
  const files = args.filter(isResultsFile);
  const labels = args.filter((a) => !isResultsFile(a));
  const runs = files.map((f) => readResults(f));
  if (labels.length > 0) {
    if (!options.config) throw new UserError('E_CONFIG', `model labels (${labels.join(', ')}) need a config to run the suite`, 'run in a folder with l4d2-eval.config.yaml or pass --config FILE; or pass results.json files');
    runs.push(await runLabels({ ...options, config: options.config, labels }));
  }
  if (runs.length === 0) throw new UserError('E_USAGE', 'nothing to compare', 'pass results.json files or model labels, e.g. l4d2-eval compare v1 v2');
  return mergeResults(runs);
}
