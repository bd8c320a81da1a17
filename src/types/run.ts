import type { CheckResult, CodeLocation } from '../../evaluators/core/check.js';
import type { CompletionError, Usage } from './provider.js';
import type { JudgeSummary } from './judge.js';
import type { CompileResult, Diagnostic } from '../../evaluators/compile/types.js';

/** Result status of one item: `error` is a harness/provider problem, never the model's failure. */
export type ItemStatus = 'pass' | 'fail' | 'error';

/** One model × case × sample, fully judged. */
export interface ItemResult {
  model: string;
  caseId: string;
  category: string;
  sample: number;
  status: ItemStatus;
  /** 0–10, null when the item is an error. */
  score: number | null;
  answer: string | null;
  /** Extracted main code ('' when none). */
  code: string;
  checks: CheckResult[];
  syntax: { ok: boolean; errors: CodeLocation[] } | null;
  /** The API analysis: calls, those resolved, the unknown names, and for each unknown name its hint as judged ("did you
   * mean ...?", a known invention; empty when there is none), so summaries need not load the API index again. */
  api: { total: number; resolved: number; unknown: string[]; hints?: Record<string, string> } | null;
  /** How the code compiled (spcomp, or the static check when spcomp is absent); absent when there was no code or the compiler had a problem. */
  compile?: ItemCompile;
  /** Problems noticed while extracting the code (e.g. an unterminated fence). */
  warnings: string[];
  /** 1-based line of the answer where the extracted code starts: code line n is answer line codeStartLine + n - 1. */
  codeStartLine?: number;
  error?: CompletionError;
  usage?: Usage;
  latencyMs: number;
  cached: boolean;
}

/** An item's compile outcome as stored in results: the compiler's result without raw output and timings. */
export type ItemCompile = Pick<CompileResult, 'ok' | 'mode' | 'errors' | 'warnings' | 'diagnostics' | 'version' | 'problem'>;

/** One frequent diagnostic across a model's answers: code and message pattern (names replaced by `"…"`). */
export interface DiagnosticCount {
  severity: Diagnostic['severity'];
  code: number | null;
  pattern: string;
  count: number;
  cases: string[];
}

/** A count of one unknown API name for one model. */
export interface UnknownApiCount {
  name: string;
  count: number;
  cases: string[];
  /** The real way, when the name is a known invention, a near miss of a real function, or a missing member. */
  hint?: string;
}

/** Per-category figures for one model. */
export interface CategorySummary {
  category: string;
  items: number;
  avgScore: number | null;
  passRate: number | null;
}

/** Headline figures for one model in one run. */
export interface ModelSummary {
  label: string;
  modelId: string;
  provider: string;
  /** Number of cases and of items (cases × samples). */
  cases: number;
  items: number;
  passed: number;
  failed: number;
  errors: number;
  /** Mean score over judged items (errors excluded), 0–10. */
  avgScore: number | null;
  /** passed / judged items. */
  passRate: number | null;
  /** Items whose code parsed without errors / judged items. */
  syntaxRate: number | null;
  /** Resolved API calls / all non-local calls. */
  apiAccuracy: number | null;
  unknownApis: UnknownApiCount[];
  categories: CategorySummary[];
  inputTokens: number;
  outputTokens: number;
  costUsd: number | null;
  latencyMs: { avg: number | null; p50: number | null; p95: number | null };
  /** Answers that compiled / answers compiled (items with a compile outcome); absent when nothing was compiled. */
  compileRate?: number | null;
  /** What produced compileRate: spcomp, the static check, or both (mixed). */
  compileMode?: 'spcomp' | 'static' | 'mixed';
  /** spcomp version(s) seen, e.g. `1.12`. */
  compilerVersion?: string;
  /** The most common diagnostics, most frequent first. */
  topDiagnostics?: DiagnosticCount[];
  /** Live runs: attempts sent to the provider (retries included). */
  requests?: number;
  /** Live runs: answers taken from the response cache (no request, no cost). */
  cachedResponses?: number;
  /** Live runs: attempts that were retries. */
  retries?: number;
  /** Replay models: `sample` for hand-written answer files, `recorded` for answers `l4d2-eval record` exported (a manifest). */
  answers?: 'sample' | 'recorded';
}

/** Case metadata carried into reports. */
export interface CaseInfo {
  id: string;
  category: string;
  tags: string[];
  weight: number;
  prompt: string;
}

/** A whole run: the stable JSON document reports are rendered from. */
export interface RunResult {
  schemaVersion: 1;
  runId: string;
  harnessVersion: string;
  suite: { name: string; description: string; files: string[]; passScore: number };
  startedAt: string;
  finishedAt: string;
  models: ModelSummary[];
  cases: CaseInfo[];
  items: ItemResult[];
  /** `interrupted` when Ctrl-C stopped the run before every item was done (absent: finished). */
  status?: 'finished' | 'interrupted';
  /** Judge models of `judge` checks: their verdicts, tokens and cost, apart from the evaluated models. */
  judges?: JudgeSummary[];
  /** Set on the results of `run --shard i/n`: which slice of the plan this run holds (`l4d2-eval merge` joins them). */
  shard?: ShardInfo;
}

/** The slice of a plan a sharded run holds, and what identifies that plan. */
export interface ShardInfo {
  index: number;
  count: number;
  /** Fingerprint of the whole plan (suite cases and settings, models and their settings): equal across the shards of one run. */
  plan: string;
  /** Items in the whole plan (every shard together). */
  planned: number;
}
