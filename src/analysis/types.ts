// The comparison document: what `compare` renders and `gate` judges. Plain data, JSON-serialisable.
import type { ModelSummary, RunResult } from '../types/run.js';
import type { CaseChange, CaseRow, CategoryRow, SummaryRow } from './view.js';
import type { Interval } from './stats/interval.js';
import type { PairedVerdict } from './stats/verdict.js';
import type { JudgeView } from './judges.js';

/** What produced a compile rate: spcomp, the static check, both, or only the parser (older results). */
export type CompileMode = 'syntax' | 'static' | 'spcomp' | 'mixed';

/** pass@k of one model for one k. */
export interface PassAtK {
  k: number;
  /** null when no case of this model has k judged samples. */
  value: number | null;
  /** Cases with at least k judged samples (the ones the figure is over). */
  cases: number;
}

/** One model's headline row plus its uncertainty. */
export interface ModelStats extends SummaryRow {
  compileRate: number | null;
  compileMode: CompileMode;
  /** Bootstrap CI of the mean per-case score. */
  scoreCi: Interval | null;
  /** Wilson CI of passed / judged answers. */
  passRateCi: Interval | null;
  passAtK: PassAtK[];
  /** Cases with more than one judged sample, and those that passed on some and failed on others. */
  multiSampleCases: number;
  flakyCases: string[];
}

/** A check whose outcome changed between baseline and candidate on one case. */
export interface FlippedCheck {
  id: string;
  kind: string;
  from: 'pass' | 'fail';
  to: 'pass' | 'fail';
  /** The candidate's reason (why it fails now, or what passes now). */
  reason: string;
}

/** A regressed (or improved) case with the evidence of what changed. */
export interface CaseEvidence extends CaseChange {
  flipped: FlippedCheck[];
  /** Unified diff baseline → candidate of the first judged sample's code ('' when identical). */
  diff: string;
}

/** Baseline vs one candidate. */
export interface PairComparison {
  baseline: string;
  candidate: string;
  verdict: PairedVerdict;
  regressions: CaseEvidence[];
  improvements: CaseEvidence[];
}

/** One point of a model line's history (one model in one results file). */
export interface HistoryPoint extends Pick<ModelSummary, 'modelId' | 'cases' | 'avgScore' | 'passRate'> {
  runId: string;
  startedAt: string;
  suite: string;
  model: string;
  /** The results.json, or the run store file, the point was read from. */
  file: string;
}

/** Settings the statistics were computed with, recorded so a report can be reproduced. */
export interface CompareSettings {
  seed: number;
  iterations: number;
  level: number;
  alpha: number;
  effect: number;
  ks: number[];
}

/** Everything a comparison report shows. */
export interface Comparison {
  schemaVersion: 1;
  runId: string;
  suite: Omit<RunResult['suite'], 'files'>;
  startedAt: string;
  baseline: string;
  models: ModelStats[];
  categories: CategoryRow[];
  cases: CaseRow[];
  pairs: PairComparison[];
  settings: CompareSettings;
  history?: HistoryPoint[];
  /** Model-graded checks: the judges (apart from the models) and their verdicts; absent when the run has none. */
  judging?: JudgeView;
}
