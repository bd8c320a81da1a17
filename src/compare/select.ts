// Picks models out of a (merged) run by label, in the order asked, so the first becomes the baseline.
import { didYouMean, UserError } from '../core/errors.js';
import type { RunResult } from '../types/run.js';

/** Finds a model label: exact, else the only `label@runId` a merge produced. */
export function resolveLabel(run: RunResult, label: string): string {
  const labels = run.models.map((m) => m.label);
  if (labels.includes(label)) return label;
  const merged = labels.filter((l) => l.startsWith(`${label}@`));
  if (merged.length === 1) return merged[0]!;
  const hint = merged.length > 1 ? `it appears in several runs: use one of ${merged.join(', ')}` : `models in the results: ${labels.join(', ') || 'none'}`;
  throw new UserError('E_MODEL', `model "${label}" is not in the results${didYouMean(label, labels)}`, hint);
}

/** A run narrowed to `labels` (resolved), models and items in that order. */
export function selectRunModels(run: RunResult, labels: readonly string[]): RunResult {
  const resolved = [...new Set(labels.map((l) => resolveLabel(run, l)))];
  const keep = new Set(resolved);
  const byLabel = new Map(run.models.map((m) => [m.label, m]));
  return {
    ...run,
    models: resolved.map((l) => byLabel.get(l)!),
    items: run.items.filter((i) => keep.has(i.model)),
  };
}
