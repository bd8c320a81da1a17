// The shape a results.json must have to be read back: what reports, comparisons and history rely on. Loose
// objects and few required fields, so results written by older or newer harness versions still load.
import * as z from 'zod';

const modelSchema = z.looseObject({
  label: z.string().min(1),
  modelId: z.string(),
});

const caseSchema = z.looseObject({
  id: z.string().min(1),
});

const itemSchema = z.looseObject({
  model: z.string().min(1),
  caseId: z.string().min(1),
  status: z.enum(['pass', 'fail', 'error']),
  score: z.number().nullable(),
});

/** A results file written by `l4d2-eval run` (schemaVersion 1). */
export const resultsFileSchema = z.looseObject({
  schemaVersion: z.literal(1),
  runId: z.string().min(1),
  suite: z.looseObject({ name: z.string(), files: z.array(z.string()) }),
  startedAt: z.string(),
  models: z.array(modelSchema),
  cases: z.array(caseSchema),
  items: z.array(itemSchema),
});
