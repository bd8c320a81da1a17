// A batch run read back from the store, with its cost at Batch API prices.
import { costUsd, pricingFor } from '../cost/pricing.js';
import { loadRun } from '../run/session.js';
import type { RunStore } from '../run/store.js';
import type { RunResult } from '../types/run.js';

/**
 * Like `loadRun`, but every answer that was not cached is priced at the model's batch rates
 * (`batch_input`/`batch_output`), since every request of a batch run went through the Batch API.
 */
export function loadBatchRun(store: RunStore, runId: string): RunResult | undefined {
  const run = loadRun(store, runId);
  const meta = store.meta(runId);
  if (!run || !meta?.batch) return run;
  const models = run.models.map((s) => {
    const model = meta.models.find((m) => m.label === s.label);
    const pricing = model ? pricingFor(model) : undefined;
    const items = run.items.filter((i) => i.model === s.label);
    if (!pricing || !items.some((i) => i.usage)) return { ...s, costUsd: null };
    return { ...s, costUsd: items.filter((i) => !i.cached && i.usage).reduce((sum, i) => sum + costUsd(i.usage!, pricing, true), 0) };
  });
  return { ...run, models };
}
