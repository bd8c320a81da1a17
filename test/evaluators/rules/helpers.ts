// Test helper: run one rule over a code snippet.
import { prepareInput } from '../../../evaluators/core/input.js';
import { rules, type RuleId, type RuleViolation } from '../../../evaluators/rules/index.js';

/** Violations of one rule on a bare code snippet (wrapped in a sourcepawn fence). */
export function violations(id: RuleId, code: string): RuleViolation[] {
  return rules[id].check(prepareInput('```sourcepawn\n' + code + '\n```'));
}

/** Lines the rule reports, for compact assertions. */
export function lines(id: RuleId, code: string): number[] {
  return violations(id, code).map((v) => v.line);
}
