// Builds the RunResult document from items, for a live run and for a run read back from the store.
import type { ModelConfig } from '../config/schema.js';
import { costUsd, pricingFor } from '../cost/pricing.js';
import { summarizeModel } from '../score/summary.js';
import { summarizeJudges } from '../score/judges.js';
import type { CaseInfo, ItemResult, ModelSummary, RunResult } from '../types/run.js';
import type { CaseSpec } from '../types/suite.js';
import { HARNESS_VERSION } from '../core/version.js';
import { replayAnswers } from '../providers/recording.js';
import type { ModelCounters } from './store.js';

/** What a run document is made of. */
export interface RunParts {
  runId: string;
  suite: RunResult['suite'];
  startedAt: string;
  finishedAt: string;
  models: Pick<ModelConfig, 'label' | 'id' | 'provider' | 'pricing' | 'dir'>[];
  cases: CaseInfo[];
  items: ItemResult[];
  counters?: Record<string, ModelCounters>;
  status?: RunResult['status'];
}

/** The dollars this run spent on a model: cached answers cost nothing; null when nothing reports usage. */
export function spentUsd(model: Pick<ModelConfig, 'id' | 'pricing'>, items: ItemResult[]): number | null {
  const pricing = pricingFor(model);
  if (!pricing || !items.some((i) => i.usage)) return null;
  return items.filter((i) => !i.cached && i.usage).reduce((s, i) => s + costUsd(i.usage!, pricing), 0);
}

function summary(parts: RunParts, model: RunParts['models'][number]): ModelSummary {
  const items = parts.items.filter((i) => i.model === model.label);
  // summarizeModel reads only id and weight of each case, which CaseInfo carries.
  const base = summarizeModel(model as ModelConfig, items, parts.cases as unknown as CaseSpec[]);
  const c = parts.counters?.[model.label];
  return { ...base, costUsd: spentUsd(model, items), ...(c ? { requests: c.requests, cachedResponses: c.cachedResponses, retries: c.retries } : {}), ...(model.provider === 'replay' && model.dir ? { answers: replayAnswers(model.dir) } : {}) };
}

/** Assembles the stable results document. */
export function assembleRun(parts: RunParts): RunResult {
  return {
    schemaVersion: 1,
    runId: parts.runId,
    harnessVersion: HARNESS_VERSION,
    suite: parts.suite,
    startedAt: parts.startedAt,
    finishedAt: parts.finishedAt,
    models: parts.models.map((m) => summary(parts, m)),
    cases: parts.cases,
    items: parts.items,
    ...(parts.status === 'interrupted' ? { status: parts.status } : {}),
    ...judgesOf(parts.items),
  };
}

/** `judges` of the run document, present only when a judge graded something. */
function judgesOf(items: ItemResult[]): Pick<RunResult, 'judges'> {
  const judges = summarizeJudges(items);
  return judges.length > 0 ? { judges } : {};
}
