// Reads results.json files written by `run` and merges several runs into one side-by-side result.
import { readFileSync } from 'node:fs';
import { UserError } from '../core/errors.js';
import { formatPath } from '../suite/yaml.js';
import type { RunResult } from '../types/run.js';
import { resultsFileSchema } from './results-schema.js';

const RESULTS_HINT = 'pass a results.json written by `l4d2-eval run`';

/** Reads one results.json and validates its shape; every reader of results files goes through here. */
export function readResults(file: string): RunResult {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UserError('E_RESULTS', `${file}: ${code === 'ENOENT' ? 'file not found' : `not valid JSON (${(err as Error).message})`}`, RESULTS_HINT);
  }
  const parsed = resultsFileSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = formatPath(issue.path) || '(top level)';
    throw new UserError('E_RESULTS', `${file}: not an l4d2-eval results file (schemaVersion 1 with models, cases and items): ${where}: ${issue.message}`, RESULTS_HINT);
  }
  // The schema checks what readers rely on and keeps every other field, so the rest is the RunResult as written.
  return parsed.data as unknown as RunResult;
}

/** Merges runs: models side by side in the given order; a label seen twice gets `@<runId>`. */
export function mergeResults(runs: RunResult[]): RunResult {
  const [first] = runs;
  if (!first) throw new UserError('E_USAGE', 'no results to merge');
  if (runs.length === 1) return first;
  const labels = new Set<string>();
  const models: RunResult['models'] = [];
  const items: RunResult['items'] = [];
  const cases = new Map(first.cases.map((c) => [c.id, c]));
  for (const run of runs) {
    for (const m of run.models) {
      const label = labels.has(m.label) ? `${m.label}@${run.runId}` : m.label;
      labels.add(label);
      models.push({ ...m, label });
      items.push(...run.items.filter((i) => i.model === m.label).map((i) => ({ ...i, model: label })));
    }
    for (const c of run.cases) if (!cases.has(c.id)) cases.set(c.id, c);
  }
  return {
    ...first,
    runId: runs.map((r) => r.runId).join('+'),
    suite: { ...first.suite, files: [...new Set(runs.flatMap((r) => r.suite.files))] },
    startedAt: runs.map((r) => r.startedAt).sort()[0]!,
    finishedAt: runs.map((r) => r.finishedAt).sort().at(-1)!,
    models,
    cases: [...cases.values()],
    items,
  };
}
