// Cost before spending: prompt tokens counted with the gpt-4o tokenizer (o200k_base), output
// sizes from earlier runs of the same case when the store has them, else a default.
import { createRequire } from 'node:module';
import type { Tiktoken } from 'js-tiktoken/lite';
import type { ModelConfig } from '../config/schema.js';
import type { ChatMessage } from '../types/provider.js';
import type { Suite } from '../types/suite.js';
import { costUsd, pricingFor } from './pricing.js';

/** Output tokens assumed for a case no earlier run has answered. */
export const DEFAULT_OUTPUT_TOKENS = 700;

let encoder: Tiktoken | undefined;

/** Tokens of a chat prompt as the gpt-4o family counts them (a few tokens of framing per message). */
export function promptTokens(messages: ChatMessage[]): number {
  // The tokenizer and its 2 MB rank table load on the first count, not with the module: `run` imports this for
  // --max-cost and would otherwise pay about 130 ms on every start.
  if (!encoder) {
    const require = createRequire(import.meta.url);
    const { Tiktoken: Encoder } = require('js-tiktoken/lite') as typeof import('js-tiktoken/lite');
    encoder = new Encoder(require('js-tiktoken/ranks/o200k_base') as ConstructorParameters<typeof Encoder>[0]);
  }
  return messages.reduce((s, m) => s + 3 + encoder!.encode(m.content).length, 3);
}

/** The estimate for one model. */
export interface ModelEstimate {
  label: string;
  modelId: string;
  items: number;
  inputTokens: number;
  outputTokens: number;
  /** Cases whose output size came from earlier runs. */
  fromHistory: number;
  /** Dollars, null when the model has no pricing. */
  direct: number | null;
  batch: number | null;
}

/** Estimates every model's tokens and dollars for a suite. */
export function estimateRun(suite: Suite, models: ModelConfig[], history: Map<string, number> = new Map(), defaultOutput = DEFAULT_OUTPUT_TOKENS): ModelEstimate[] {
  const perCase = suite.cases.map((c) => ({
    c,
    input: promptTokens([{ role: 'system', content: c.system }, { role: 'user', content: c.prompt }]),
    known: history.get(c.id),
  }));
  return models.map((m) => {
    let inputTokens = 0;
    let outputTokens = 0;
    let fromHistory = 0;
    for (const { c, input, known } of perCase) {
      const cap = m.params?.max_tokens ?? c.params.max_tokens ?? Infinity;
      inputTokens += input * c.samples;
      outputTokens += Math.min(cap, Math.round(known ?? defaultOutput)) * c.samples;
      if (known !== undefined) fromHistory++;
    }
    const pricing = pricingFor(m);
    const usage = { inputTokens, outputTokens };
    return {
      label: m.label,
      modelId: m.id,
      items: suite.cases.reduce((s, c) => s + c.samples, 0),
      inputTokens,
      outputTokens,
      fromHistory,
      direct: pricing ? costUsd(usage, pricing) : null,
      batch: pricing ? costUsd(usage, pricing, true) : null,
    };
  });
}
