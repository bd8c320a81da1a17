// Shapes of model-graded (`judge`) check results: what a verdict records, and the judge's figures in a run.
import type { Usage } from './provider.js';

/** One criterion as the judge decided it. */
export interface CriterionVerdict {
  id: string;
  weight: number;
  required: boolean;
  verdict: 'pass' | 'fail';
  /** The judge's one-sentence reason. */
  reason: string;
}

/** Who judged, and what it cost. The evaluated model is never sent to the judge. */
export interface JudgeCall {
  /** The judge's label in the config. */
  label: string;
  /** The model id asked for. */
  modelId: string;
  /** The model id the server reported answering with (recorded with every verdict). */
  servedModel?: string;
  cached: boolean;
  usage?: Usage;
  /** Dollars of this call (0 when cached), absent without pricing. */
  costUsd?: number;
  latencyMs: number;
  /** Error code when the judge failed (refusal, invalid_json, timeout, ...). */
  error?: string;
}

/** `details` of a `judge` check result. */
export interface JudgeDetails {
  judge: JudgeCall;
  rubric: { id: string; hash: string };
  /** Per-criterion verdicts and reasons (absent when the judge failed). */
  criteria?: CriterionVerdict[];
  /** Weighted rubric score 0–10 from the verdicts. */
  score?: number;
  /** The judge's own overall score 0–10 (informative; the check uses the verdicts). */
  judgeScore?: number;
  passScore: number;
  /** Set by the gate when the judge is not calibrated enough to count. */
  uncounted?: string;
}

/** A judge model's figures over a run, listed apart from the evaluated models. */
export interface JudgeSummary {
  label: string;
  modelId: string;
  /** Model ids the server reported. */
  servedModels: string[];
  /** Judge checks graded / failed to grade. */
  verdicts: number;
  errors: number;
  cached: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number | null;
}
