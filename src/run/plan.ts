// Plans the work of a run: every model × case × sample, in a stable order.
import type { ModelConfig } from '../config/schema.js';
import type { CaseSpec } from '../types/suite.js';

/** One unit of work. */
export interface WorkItem {
  model: ModelConfig;
  kase: CaseSpec;
  /** 1-based sample index. */
  sample: number;
}

/** Expands models × cases × samples. */
export function planRun(models: readonly ModelConfig[], cases: readonly CaseSpec[]): WorkItem[] {
  return models.flatMap((model) => cases.flatMap((kase) => Array.from({ length: kase.samples }, (_, s) => ({ model, kase, sample: s + 1 }))));
}
