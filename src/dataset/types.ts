// Types of the training-data spot-check: examples read from JSONL, their verdicts, the summary.

/** The JSONL shapes understood: chat fine-tune, Batch API output, prompt/completion pairs. */
export type ExampleFormat = 'chat' | 'batch' | 'completion';

/** One training example taken out of a JSONL line. */
export interface Example {
  format: ExampleFormat;
  /** System prompt of a chat example ('' when it has none); null for formats without one. */
  system: string | null;
  /** The user prompt answered (last user message); null when the format has none (batch output). */
  prompt: string | null;
  /** The assistant answer judged. */
  answer: string;
  /** `finish_reason` when the format carries it (batch output). */
  finishReason?: string;
  /** Every text of the example (system, user, assistant), for token counting. */
  texts: string[];
}

/** Stable codes of rejection reasons; `check:<id>` codes come from the evaluator checks. */
export type ReasonCode =
  | 'malformed-json'
  | 'line-too-long'
  | 'unknown-format'
  | 'no-assistant'
  | 'role-order'
  | 'batch-error'
  | 'empty-answer'
  | 'truncated'
  | 'no-code'
  | 'system-prompt'
  | 'too-many-tokens'
  | 'duplicate'
  | 'near-duplicate'
  | 'low-score'
  | 'compile'
  | 'compiler-problem'
  | 'conflicting-answers'
  | `check:${string}`;

/** Why an example is rejected (or, for warnings, what looks suspicious but does not reject it). */
export interface Reason {
  code: ReasonCode;
  message: string;
}

/** The verdict on one input line. */
export interface Verdict {
  file: string;
  line: number;
  accepted: boolean;
  /** Evaluator score 0-10, or null when the line was not judged (bad input, empty answer). */
  score: number | null;
  reasons: Reason[];
  warnings: Reason[];
  unknownApis: string[];
  /** The prompt, when accepted and the format has one (for --to-suite). */
  prompt: string | null;
  /** The line is a JSON object (a `_reasons` field can be added to it). */
  jsonObject: boolean;
}

/** Options of a check over one or more JSONL files. */
export interface CheckOptions {
  /** Minimum evaluator score (0-10) to accept an example. */
  minScore: number;
  /** Rule ids of the rule pack to apply (all when undefined). */
  rules?: string[];
  /** Examples over this many o200k_base tokens are rejected. */
  maxTokens: number;
  /** MinHash similarity (0-1) above which an example is a near duplicate of an accepted one. */
  nearDup: number;
  /** Check only a reproducible random subset of this many examples. */
  sample?: number;
  seed: number;
  /** Lines above this many bytes are rejected without being held whole. */
  maxLineBytes: number;
}

/** One bar of the score histogram. */
export interface HistogramBin {
  label: string;
  count: number;
}

/** A low-scoring or rejected example listed in the report. */
export interface WorstExample {
  file: string;
  line: number;
  score: number | null;
  reasons: string[];
}

/** What a check over a dataset found: counts and rankings for the report and `--json`. */
export interface CheckSummary {
  files: string[];
  /** Non-blank lines seen in the inputs. */
  lines: number;
  /** Lines examined (all, or the sample). */
  checked: number;
  accepted: number;
  rejected: number;
  blankLines: number;
  sampled: { size: number; seed: number } | null;
  /** The majority system prompt (shortened), or null when there is none. */
  majoritySystem: { text: string; share: number } | null;
  /** Rejection reasons by code, most frequent first. */
  reasons: { code: string; count: number }[];
  warnings: { code: string; count: number }[];
  histogram: HistogramBin[];
  meanScore: number | null;
  unknownApis: { name: string; count: number }[];
  worst: WorstExample[];
  options: CheckOptions;
  /** Output files written. */
  outputs: Record<string, string>;
  elapsedMs: number;
}
