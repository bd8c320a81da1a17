import { describe, expect, it } from 'vitest';
import { estimateRun, promptTokens } from '../../src/cost/estimate.js';
import { costUsd, pricingFor } from '../../src/cost/pricing.js';
import { coreSuite } from '../helpers/live.js';

describe('cost', () => {
  it('defaults gpt-4o-mini ids to the fine-tune rates and halves them for batch', () => {
    const p = pricingFor({ id: 'ft:gpt-4o-mini-2024-07-18:x:y:z' })!;
    expect(p).toEqual({ input: 0.3, output: 1.2, batchInput: 0.15, batchOutput: 0.6 });
    expect(costUsd({ inputTokens: 1e6, outputTokens: 1e6 }, p)).toBeCloseTo(1.5);
    expect(costUsd({ inputTokens: 1e6, outputTokens: 1e6 }, p, true)).toBeCloseTo(0.75);
    expect(pricingFor({ id: 'l4d2-v3' })).toBeUndefined();
    expect(pricingFor({ id: 'l4d2-v3', pricing: { input: 1, output: 2 } })).toEqual({ input: 1, output: 2, batchInput: 0.5, batchOutput: 1 });
  });

  it('counts prompt tokens with o200k_base', () => {
    const one = promptTokens([{ role: 'user', content: 'hello world' }]);
    expect(one).toBe(3 + 3 + 2);
  });

  it('estimates tokens and dollars per model, using history when there is some', async () => {
    const suite = await coreSuite();
    const models = [{ label: 'v2', provider: 'openai' as const, id: 'ft:gpt-4o-mini-2024-07-18:a:b:c' }];
    const [plain] = estimateRun(suite, models, new Map(), 500);
    expect(plain!.items).toBe(suite.cases.reduce((s, c) => s + c.samples, 0));
    expect(plain!.outputTokens).toBe(500 * plain!.items);
    expect(plain!.direct).toBeCloseTo((plain!.inputTokens * 0.3 + plain!.outputTokens * 1.2) / 1e6);
    expect(plain!.batch).toBeCloseTo(plain!.direct! / 2);
    const first = suite.cases[0]!;
    const [hist] = estimateRun(suite, models, new Map([[first.id, 100]]), 500);
    expect(hist!.fromHistory).toBe(1);
    expect(hist!.outputTokens).toBe(plain!.outputTokens - 400 * first.samples);
  });
});
