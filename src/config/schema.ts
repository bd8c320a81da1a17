// The l4d2-eval.config.yaml format.
import { z } from 'zod';

/** Dollars per 1M tokens; batch prices default to half. */
export const pricingSchema = z.strictObject({
  input: z.number().min(0).describe('Dollars per 1M input tokens'),
  output: z.number().min(0).describe('Dollars per 1M output tokens'),
  batch_input: z.number().min(0).optional(),
  batch_output: z.number().min(0).optional(),
});

export const paramsSchema = z.strictObject({
  temperature: z.number().min(0).max(2).optional(),
  max_tokens: z.number().int().positive().optional(),
  top_p: z.number().min(0).max(1).optional(),
  seed: z.number().int().optional(),
  stop: z.array(z.string()).optional(),
});

/** One model, addressed by its label (v1, v2, v3-local...). */
export const modelSchema = z.strictObject({
  provider: z.enum(['replay']).describe('How answers are obtained: replay = recorded answers from files'),
  id: z.string().min(1).describe('The model id (e.g. an OpenAI fine-tune id)'),
  description: z.string().optional(),
  params: paramsSchema.optional().describe('Overrides the suite sampling parameters'),
  pricing: pricingSchema.optional(),
  dir: z.string().optional().describe('replay: folder of recorded answers (default fixtures/responses/<label>)'),
});

export const configSchema = z.strictObject({
  $schema: z.string().optional(),
  suite: z.string().optional().describe('Default suite file'),
  out: z.string().optional().describe('Default report folder'),
  formats: z.array(z.string()).optional().describe('Report formats written by run (md, csv, json, ...)'),
  templates: z.string().optional().describe('Folder with your own Handlebars report templates'),
  models: z.record(z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'labels use letters, digits, ".", "_", "-"'), modelSchema),
});

export type ModelConfig = z.output<typeof modelSchema> & { label: string };
export type ConfigFile = z.output<typeof configSchema>;
