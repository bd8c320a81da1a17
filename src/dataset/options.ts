// Defaults of the check and the evaluator checks it applies (the `score` defaults, rules optionally narrowed).
import { evaluators } from '../../evaluators/index.js';
import { ruleIds } from '../../evaluators/rules/index.js';
import { didYouMean, UsageError } from '../core/errors.js';
import { defaultCheckSpecs } from '../suite/default-checks.js';
import type { CheckSpec } from '../types/suite.js';
import type { CheckOptions } from './types.js';

/** Defaults of every check option. */
export const DEFAULT_CHECK_OPTIONS: CheckOptions = {
  minScore: 7,
  maxTokens: 16_384,
  nearDup: 0.9,
  seed: 1,
  maxLineBytes: 10 * 1024 * 1024,
};

/** syntax + rule + api (the compile check is applied apart, see verdict.ts); `rules` narrows the rule pack. */
export function checkSpecsFor(rules?: readonly string[]): CheckSpec[] {
  const specs = defaultCheckSpecs();
  if (!rules) return specs;
  const known: readonly string[] = ruleIds;
  const bad = rules.find((r) => !known.includes(r));
  if (bad !== undefined) throw new UsageError(`unknown rule id "${bad}"${didYouMean(bad, known)}`, `rule ids: ${known.join(', ')}`);
  const options = evaluators.rule.options.parse({ rules });
  return specs.map((s) => (s.kind === 'rule' ? { ...s, id: evaluators.rule.defaultId(options), options } : s));
}
