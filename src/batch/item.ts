// Turns a batch answer (or its absence) into a stored item, judged on the same path as a direct answer.
import type { CompilerSettings } from '../../evaluators/core/types.js';
import { judgeAnswer } from '../run/judge.js';
import type { ChatMessage, CompletionError, CompletionResult, ModelParams } from '../types/provider.js';
import type { ItemResult } from '../types/run.js';
import type { CaseSpec } from '../types/suite.js';

/** One item of a batch run: a model × case × sample with its request. */
export interface BatchWork {
  label: string;
  modelId: string;
  kase: CaseSpec;
  sample: number;
  messages: ChatMessage[];
  params: ModelParams;
}

/** The messages and params a direct request would send for this case and model. */
export function requestOf(kase: CaseSpec, modelParams: ModelParams | undefined): { messages: ChatMessage[]; params: ModelParams } {
  return {
    messages: [
      { role: 'system', content: kase.system },
      { role: 'user', content: kase.prompt },
    ],
    params: { ...kase.params, ...modelParams },
  };
}

/** An error item: kept apart from model failures in every report, asked again by `--resubmit`. */
export function errorItem(w: Pick<BatchWork, 'label' | 'kase' | 'sample'>, error: CompletionError, usage?: CompletionResult['usage']): ItemResult {
  return { model: w.label, caseId: w.kase.id, category: w.kase.category, sample: w.sample, latencyMs: 0, cached: false, usage, status: 'error', score: null, answer: null, code: '', checks: [], syntax: null, api: null, warnings: [], error };
}

/** Judges a result exactly as a live item is judged (`judgeAnswer`); never throws. */
export async function batchItem(w: Pick<BatchWork, 'label' | 'kase' | 'sample'>, res: CompletionResult, compiler?: CompilerSettings): Promise<ItemResult> {
  if (res.error || res.text === undefined) return errorItem(w, res.error ?? { code: 'invalid_response', message: 'batch line has neither text nor error', retryable: true }, res.usage);
  const base = { model: w.label, caseId: w.kase.id, category: w.kase.category, sample: w.sample, latencyMs: res.latencyMs, cached: res.cached, usage: res.usage };
  return { ...base, answer: res.text, ...(await judgeAnswer(res.text, w.kase.checks, w.kase.passScore, compiler ? { compiler } : {})) };
}
