// The suite file format as zod schemas. Step one of validation; checks.ts and loader.ts do the semantic step.
import * as z from 'zod';

/** The system prompt used when a suite does not set one. */
export const DEFAULT_SYSTEM_PROMPT =
  'You are an expert SourceMod plugin developer for Left 4 Dead 2. Write complete, compilable SourcePawn plugins using new-style syntax (#pragma semicolon 1, #pragma newdecls required), the SourceMod and Left4DHooks APIs, and correct L4D2 game facts.';

/** Fields every check has; the kind's own options are checked by its evaluator's schema. */
export const checkCommonShape = {
  kind: z.string().min(1).describe('Check kind: syntax, regex, not_regex, calls, hooks_event, includes, defines, uses, convar, query, rule, api, compiles, judge (model-graded)'),
  id: z.string().min(1).optional().describe('Stable id within the case (default: derived from kind and options)'),
  weight: z.number().positive().default(1).describe('Weight in the case score (default 1)'),
  required: z.boolean().default(false).describe('The case fails when a required check fails, whatever the score'),
  description: z.string().optional().describe('What the check is about, shown in reports'),
};

/** A check as written in a suite: common fields plus kind-specific options. */
export const rawCheckSchema = z.looseObject(checkCommonShape);

/** Sampling parameters sent to a model; suites and the config's model `params` share them so they cannot drift. */
export const samplingParamsSchema = z.strictObject({
  temperature: z.number().min(0).max(2).optional(),
  max_tokens: z.number().int().positive().optional(),
  top_p: z.number().min(0).max(1).optional(),
  seed: z.number().int().optional(),
});

const samplingShape = {
  ...samplingParamsSchema.shape,
  samples: z.number().int().min(1).max(100).optional().describe('Answers asked per case and model'),
  pass_score: z.number().min(0).max(10).optional().describe('Minimum case score (0-10) to pass'),
};

/** Suite-wide defaults. */
export const defaultsSchema = z.strictObject({
  system: z.string().optional().describe('System prompt for every case'),
  ...samplingShape,
  checks: z.array(rawCheckSchema).optional().describe('Checks added to every case (unless the case sets default_checks: false)'),
});

/** One prompt with the checks its answer must pass. */
export const caseSchema = z.strictObject({
  id: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'use letters, digits, ".", "_" and "-" (it names fixture files)')
    .describe('Unique case id'),
  category: z.string().min(1).describe('Area/topic, e.g. special-infected/tank'),
  prompt: z.string().min(1).describe('The user prompt (a Handlebars template over vars)'),
  vars: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  system: z.string().optional().describe('System prompt for this case (overrides the default)'),
  tags: z.array(z.string()).optional(),
  weight: z.number().positive().optional().describe('Weight of the case in averages (default 1)'),
  default_checks: z.boolean().optional().describe('Add the suite default checks (default true)'),
  ...samplingShape,
  checks: z.array(rawCheckSchema).optional(),
});

/** A suite file (top level or included). */
export const suiteFileSchema = z.strictObject({
  $schema: z.string().optional(),
  name: z.string().min(1).optional().describe('Suite name (required in the top-level file)'),
  description: z.string().optional(),
  include: z.array(z.string().min(1)).optional().describe('Other suite files, relative to this one; their cases are added'),
  models: z.array(z.string()).optional().describe('Model labels to run by default (from the config)'),
  defaults: defaultsSchema.optional(),
  cases: z.array(caseSchema).optional(),
});

export type RawCheck = z.output<typeof rawCheckSchema>;
export type RawCase = z.output<typeof caseSchema>;
export type SuiteFile = z.output<typeof suiteFileSchema>;
