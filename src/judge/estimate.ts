// What the judge calls of a run will cost, before anything is sent: one call per answer and judge check, prompts
// counted like the models' (o200k_base), the answer's code sized from earlier runs of the case or the default.
import type { JudgeOptions } from '../../evaluators/checks/judge.js';
import type { ModelConfig } from '../config/schema.js';
import { DEFAULT_OUTPUT_TOKENS, promptTokens, type ModelEstimate } from '../cost/estimate.js';
import { costUsd, pricingFor } from '../cost/pricing.js';
import type { Suite } from '../types/suite.js';
import { judgeLabelOf, judgeSpecs } from './grade.js';
import { JUDGE_SYSTEM, rubricText } from './prompt.js';

/** One row per judge model: judge calls for every evaluated model's answers (`label` is `judge:<label>`). */
export function estimateJudges(suite: Suite, models: readonly ModelConfig[], judges: readonly ModelConfig[], config: { judge?: { model: string } }, history: Map<string, number> = new Map(), defaultOutput = DEFAULT_OUTPUT_TOKENS): ModelEstimate[] {
  return judges.map((j) => {
    let calls = 0;
    let inputTokens = 0;
    let outputTokens = 0;
    let fromHistory = 0;
    for (const { kase, spec } of judgeSpecs(suite)) {
      if (judgeLabelOf(spec, config) !== j.label) continue;
      const o = spec.options as JudgeOptions;
      const n = kase.samples * models.length;
      // The code is about the size of the answer; four characters a token.
      const code = Math.round(history.get(kase.id) ?? defaultOutput);
      if (history.has(kase.id)) fromHistory++;
      const prompt = promptTokens([{ role: 'system', content: JUDGE_SYSTEM }, { role: 'user', content: `${kase.prompt}\n${rubricText(o.rubric)}` }]);
      calls += n;
      inputTokens += (prompt + code + 20) * n;
      outputTokens += (20 + 40 * o.rubric.length) * n;
    }
    const pricing = pricingFor(j);
    const usage = { inputTokens, outputTokens };
    return { label: `judge:${j.label}`, modelId: j.id, items: calls, inputTokens, outputTokens, fromHistory, direct: pricing ? costUsd(usage, pricing) : null, batch: pricing ? costUsd(usage, pricing) : null };
  });
}
