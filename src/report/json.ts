import type { CheckResult, CodeLocation } from '../../evaluators/core/check.js';
import type { ItemResult, ModelSummary, RunResult } from '../types/run.js';
import type { ReportOptions, Reporter } from './types.js';

// Keys are rebuilt in the order of the types so the file diffs cleanly between runs,
// whatever order the store or the scorer built the objects in. Fields a newer type adds
// are kept (after the known ones) rather than silently dropped.

/** Copies `o` with `keys` first, in order, then any other keys; undefined values are dropped. */
function ordered<T extends object>(o: T, keys: (keyof T)[]): T {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (o[k] !== undefined) out[k as string] = o[k];
  for (const [k, v] of Object.entries(o)) if (!(k in out) && v !== undefined) out[k] = v;
  return out as T;
}

const loc = (l: CodeLocation): CodeLocation => ordered(l, ['line', 'column', 'message']);

// Own fields of CheckResult first, then those inherited from CheckOutcome.
const check = (c: CheckResult): CheckResult =>
  ordered({ ...c, locations: c.locations?.map(loc) }, [
    'kind', 'id', 'weight', 'required', 'pass', 'status', 'reason', 'locations', 'details',
  ]);

function item(it: ItemResult): ItemResult {
  return ordered(
    {
      ...it,
      checks: it.checks.map(check),
      syntax: it.syntax && ordered({ ...it.syntax, errors: it.syntax.errors.map(loc) }, ['ok', 'errors']),
      api: it.api && ordered(it.api, ['total', 'resolved', 'unknown', 'hints']),
      // Older run files may predate the field; the default keeps the document valid against the type.
      warnings: it.warnings ?? [],
      error: it.error && ordered(it.error, ['code', 'message', 'retryable', 'retryAfterMs', 'permanent']),
      usage: it.usage && ordered(it.usage, ['inputTokens', 'outputTokens']),
    },
    ['model', 'caseId', 'category', 'sample', 'status', 'score', 'answer', 'code', 'checks', 'syntax', 'api',
      'warnings', 'error', 'usage', 'latencyMs', 'cached'],
  );
}

function model(m: ModelSummary): ModelSummary {
  return ordered(
    {
      ...m,
      unknownApis: m.unknownApis.map((u) => ordered(u, ['name', 'count', 'cases'])),
      categories: m.categories.map((c) => ordered(c, ['category', 'items', 'avgScore', 'passRate'])),
      latencyMs: ordered(m.latencyMs, ['avg', 'p50', 'p95']),
    },
    ['label', 'modelId', 'provider', 'cases', 'items', 'passed', 'failed', 'errors', 'avgScore', 'passRate',
      'syntaxRate', 'apiAccuracy', 'unknownApis', 'categories', 'inputTokens', 'outputTokens', 'costUsd', 'latencyMs'],
  );
}

/** The run in canonical key order (schemaVersion first). */
export function canonicalRun(run: RunResult): RunResult {
  return ordered(
    {
      ...run,
      suite: ordered(run.suite, ['name', 'description', 'files', 'passScore']),
      models: run.models.map(model),
      cases: run.cases.map((c) => ordered(c, ['id', 'category', 'tags', 'weight', 'prompt'])),
      items: run.items.map(item),
    },
    ['schemaVersion', 'runId', 'harnessVersion', 'suite', 'startedAt', 'finishedAt', 'models', 'cases', 'items'],
  );
}

/** Pretty-printed RunResult JSON with a trailing newline. */
export function renderJson(run: RunResult): string {
  return `${JSON.stringify(canonicalRun(run), null, 2)}\n`;
}

/** The full run as JSON, the stable document other tools read. */
export const json = {
  name: 'json',
  extension: 'json',
  file: 'results.json',
  description: 'The complete run result as pretty-printed JSON (schemaVersion first)',
  render: (run: RunResult, _options?: ReportOptions) => renderJson(run),
} satisfies Reporter;
