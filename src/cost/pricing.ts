// Prices in dollars per 1M tokens. Defaults are the gpt-4o-mini fine-tune rates, used when the
// config gives none for a gpt-4o-mini model; other models without pricing have no cost (null).
import type { ModelConfig } from '../config/schema.js';
import type { Usage } from '../types/provider.js';

/** Resolved prices for one model, direct and Batch API. */
export interface Pricing {
  input: number;
  output: number;
  batchInput: number;
  batchOutput: number;
}

/** gpt-4o-mini fine-tune inference rates; Batch is half price. */
export const GPT4O_MINI_FT_PRICING: Pricing = { input: 0.3, output: 1.2, batchInput: 0.15, batchOutput: 0.6 };

/** The model's pricing: the config's, else the default for gpt-4o-mini ids, else undefined. */
export function pricingFor(model: Pick<ModelConfig, 'id' | 'pricing'>): Pricing | undefined {
  const p = model.pricing;
  if (p) return { input: p.input, output: p.output, batchInput: p.batch_input ?? p.input / 2, batchOutput: p.batch_output ?? p.output / 2 };
  return /gpt-4o-mini/.test(model.id) ? GPT4O_MINI_FT_PRICING : undefined;
}

/** Dollars for the given usage. */
export function costUsd(usage: Usage, pricing: Pricing, batch = false): number {
  const [i, o] = batch ? [pricing.batchInput, pricing.batchOutput] : [pricing.input, pricing.output];
  return (usage.inputTokens * i + usage.outputTokens * o) / 1e6;
}
