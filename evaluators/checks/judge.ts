// `judge`: a model-graded rubric check. Only its options live here (evaluators are pure: no network); the model call
// is made by src/judge after the pure checks, which replaces this outcome. Judged without a judge (`score`), it is an
// error: it counts for nothing, never as a pass.
import * as z from 'zod';
import type { Evaluator } from '../core/types.js';

/** One criterion of a rubric: what the judge decides pass or fail on its own. */
export const criterionSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'use letters, digits, ".", "_" and "-"').describe('Stable id of the criterion'),
  weight: z.number().positive().default(1).describe('Weight in the rubric score (default 1)'),
  description: z.string().min(1).describe('What the plugin must do, in plain words, for this criterion to pass'),
  required: z.boolean().default(false).describe('The check fails when this criterion fails, whatever the score'),
});

/** A rubric: criteria with unique ids. */
export const rubricSchema = z.array(criterionSchema).min(1).superRefine((list, ctx) => {
  const seen = new Set<string>();
  for (const [i, c] of list.entries()) {
    if (seen.has(c.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate criterion id "${c.id}"` });
    seen.add(c.id);
  }
});

export const judgeOptions = z.strictObject({
  rubric: z
    .union([rubricSchema, z.string().min(1)])
    .describe('The criteria, or a rubric file (YAML with `criteria:`) relative to the suite file'),
  rubric_id: z.string().min(1).optional().describe('Name of the rubric (default: the rubric file name, else `rubric`)'),
  model: z.string().min(1).optional().describe('Label of the judge model under `models:` in the config (default: the config `judge.model`)'),
  pass_score: z.number().min(0).max(10).optional().describe('Weighted rubric score (0–10) the answer needs for the check to pass (default: the rubric file\'s, else 7)'),
});

/** Parsed options of `judge` once the suite loader has read a rubric file. */
export type JudgeOptions = Omit<z.output<typeof judgeOptions>, 'rubric'> & { rubric: z.output<typeof rubricSchema> };
/** One parsed criterion. */
export type Criterion = z.output<typeof criterionSchema>;

export const judge = {
  kind: 'judge',
  description: 'A judge model grades the answer against a rubric of criteria (needs a judge model; see README: Model-graded checks).',
  options: judgeOptions,
  defaultId: (o) => `judge:${o.rubric_id ?? (typeof o.rubric === 'string' ? o.rubric.replace(/^.*\//, '').replace(/\.ya?ml$/, '') : 'rubric')}`,
  evaluate: () => ({ status: 'error', reason: 'judge check: no judge model graded this answer (only `run` calls a judge)' }),
} satisfies Evaluator<typeof judgeOptions>;
