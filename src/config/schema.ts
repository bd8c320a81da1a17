// The l4d2-eval.config.yaml format.
import * as z from 'zod';
import { samplingParamsSchema } from '../suite/schema.js';

/** Dollars per 1M tokens; batch prices default to half. */
export const pricingSchema = z.strictObject({
  input: z.number().min(0).describe('Dollars per 1M input tokens'),
  output: z.number().min(0).describe('Dollars per 1M output tokens'),
  batch_input: z.number().min(0).optional(),
  batch_output: z.number().min(0).optional(),
});

/** A model's sampling overrides: the suite's sampling parameters plus stop sequences. */
export const paramsSchema = samplingParamsSchema.extend({
  stop: z.array(z.string()).optional(),
});

/** One model, addressed by its label (v1, v2, v3-local...). */
export const modelSchema = z.strictObject({
  provider: z.enum(['replay', 'openai']).describe('How answers are obtained: replay = recorded answers from files; openai = OpenAI or any OpenAI-compatible server'),
  id: z.string().min(1).describe('The model id (e.g. an OpenAI fine-tune id)'),
  description: z.string().optional(),
  params: paramsSchema.optional().describe('Overrides the suite sampling parameters'),
  pricing: pricingSchema.optional(),
  dir: z.string().optional().describe('replay: folder of recorded answers (default fixtures/responses/<label>)'),
  baseURL: z.string().url().optional().describe('openai: API base URL (default OPENAI_BASE_URL or https://api.openai.com/v1)'),
  apiKey: z.string().optional().describe('openai: API key; ${VAR} is read from the environment (default ${OPENAI_API_KEY})'),
  headers: z.record(z.string(), z.string()).optional().describe('openai: extra HTTP headers; ${VAR} is read from the environment'),
  concurrency: z.number().int().positive().optional().describe('Requests in flight at once for this model (default 8)'),
  rpm: z.number().positive().optional().describe('Client-side limit: requests per minute'),
  tpm: z.number().positive().optional().describe('Client-side limit: tokens per minute (prompt estimate + max_tokens)'),
  timeout_ms: z.number().int().positive().optional().describe('Request timeout in ms (default 120000)'),
});

/** Thresholds of `l4d2-eval gate`; rates are fractions 0–1, scores are out of 10. Every one is optional. */
export const gateSchema = z.strictObject({
  min_avg_score: z.number().min(0).max(10).optional().describe('Candidate average score /10 at least this'),
  min_pass_rate: z.number().min(0).max(1).optional().describe('Candidate pass rate (0–1) at least this'),
  min_syntax_rate: z.number().min(0).max(1).optional().describe('Candidate syntax-valid rate (0–1) at least this'),
  min_compile_rate: z.number().min(0).max(1).optional().describe('Candidate compile rate (0–1; spcomp when found, else the static check) at least this'),
  min_api_accuracy: z.number().min(0).max(1).optional().describe('Candidate API accuracy (0–1) at least this'),
  max_unknown_apis: z.number().int().min(0).optional().describe('Distinct unknown (likely invented) API names at most this'),
  max_regressions: z.number().int().min(0).optional().describe('Cases regressed against the baseline at most this'),
  max_p_worse: z.number().gt(0).max(1).optional().describe('Fail when the candidate is worse than the baseline with p below this'),
  categories: z.record(z.string(), z.strictObject({ min_avg_score: z.number().min(0).max(10) })).optional().describe('Per-category minimum average score'),
  min_judge_kappa: z.number().min(-1).max(1).optional().describe('judge checks count in the gate only when `calibrate` measured at least this Cohen kappa for their judge and rubric; unset: judge checks never count (they inform only)'),
});

/** The model that grades `judge` checks (a label under `models:`, listed apart from the evaluated models). */
export const judgeConfigSchema = z.strictObject({
  model: z.string().min(1).describe('Label of the judge model under `models:` (provider openai)'),
});

/** Where spcomp and its include folders are; every field optional (SPCOMP, SOURCEMOD_INCLUDE and the PATH also work). */
export const compilerSchema = z.strictObject({
  spcomp: z.string().min(1).optional().describe('Path to spcomp (default: SPCOMP, then the PATH; none: the static compile check)'),
  include: z.array(z.string().min(1)).optional().describe('Include folders passed to spcomp (before SOURCEMOD_INCLUDE)'),
  timeout_ms: z.number().int().positive().optional().describe('Per-answer compile timeout in ms (default 10000)'),
  max_output_bytes: z.number().int().positive().optional().describe('Cap on compiler output per stream (default 1000000)'),
  max_memory_mb: z.number().int().min(0).optional().describe('Address-space limit of each spcomp process in MB (default 512; 0: none). Linux only'),
});

export const configSchema = z.strictObject({
  $schema: z.string().optional(),
  suite: z.string().optional().describe('Default suite file'),
  out: z.string().optional().describe('Default report folder'),
  formats: z.array(z.string()).optional().describe('Report formats written by run (md, csv, json, ...)'),
  templates: z.string().optional().describe('Folder with your own Handlebars report templates'),
  cache: z.string().optional().describe('Response cache file (default .l4d2-eval/cache.db)'),
  store: z.string().optional().describe('Run store file (default .l4d2-eval/runs.db)'),
  gate: gateSchema.optional().describe('Thresholds of `l4d2-eval gate` (flags override them)'),
  compiler: compilerSchema.optional().describe('spcomp location, include folders, timeout and output cap'),
  judge: judgeConfigSchema.optional().describe('Default judge model of `judge` checks (a check may name its own with `model:`)'),
  api: z.strictObject({ index: z.string().optional().describe('API index JSON written by `l4d2-eval index` (default: the shipped catalog)') }).optional().describe('API facts used by the static compile check and the api check'),
  models: z.record(z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'labels use letters, digits, ".", "_", "-"'), modelSchema),
});

export type ModelConfig = z.output<typeof modelSchema> & { label: string };
export type ConfigFile = z.output<typeof configSchema>;
/** The config's `gate:` section. */
export type GateConfig = z.output<typeof gateSchema>;
