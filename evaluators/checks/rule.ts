// `rule`: runs the L4D2 rule pack (or a chosen part of it). Error-severity findings fail the check;
// warnings are reported in details and locations only.
import * as z from 'zod';
import { editDistance } from '../../src/core/text.js';
import type { CheckOutcome } from '../core/check.js';
import { ruleIds, rules, type RuleId, type RuleSeverity, type RuleViolation } from '../rules/index.js';
import { memo, type EvalInput, type Evaluator } from '../core/types.js';
import { NO_CODE } from './name-list.js';

/** The known rule id closest to `id`, to suggest the id a typo meant. */
export function nearestRuleId(id: string): RuleId {
  return [...ruleIds].sort((x, y) => editDistance(id, x) - editDistance(id, y))[0]!;
}

const ruleIdEnum = z.enum(ruleIds, {
  error: (issue) => `unknown rule id "${String(issue.input)}"; did you mean "${nearestRuleId(String(issue.input))}"?`,
});

const options = z.strictObject({
  rules: z.array(ruleIdEnum).min(1).optional(),
  exclude: z.array(ruleIdEnum).optional(),
});

/** A violation with its rule's severity. */
export interface RatedViolation extends RuleViolation {
  severity: RuleSeverity;
}

/** Runs the given rules (all by default) over an input; each rule's result is memoised on the input. */
export function runRules(input: EvalInput, ids: readonly RuleId[] = ruleIds): RatedViolation[] {
  return ids.flatMap((id) =>
    memo(input, `rule:${id}`, () => {
      const r = rules[id];
      return r.check(input).map((v) => ({ ...v, severity: r.severity }));
    }),
  );
}

/** Violations spelled out in the reason line. */
const MAX_IN_REASON = 5;

function summary(v: RuleViolation): string {
  return `${v.rule} (line ${v.line}: ${v.message})`;
}

export const rule = {
  kind: 'rule',
  description: 'The code follows the L4D2 rule pack (zombie class and team numbers, client checks, timers, events, syntax).',
  options,
  defaultId: (o) => (o.rules ? `rule:${o.rules.join(',')}` : o.exclude ? `rule:-${o.exclude.join(',-')}` : 'rule'),
  evaluate(input, o): CheckOutcome {
    if (!input.tree) return NO_CODE;
    const excluded = new Set<RuleId>(o.exclude ?? []);
    const selected = (o.rules ?? ruleIds).filter((id) => !excluded.has(id));
    const violations = runRules(input, selected).sort((a, b) => a.line - b.line || a.column - b.column);
    const errors = violations.filter((v) => v.severity === 'error');
    const warnings = violations.length - errors.length;
    const locations = violations.map((v) => ({ line: v.line, column: v.column, message: `${v.rule}: ${v.message}` }));
    const details = { rules: selected, violations };
    if (errors.length === 0) {
      const note = warnings > 0 ? ` (${warnings} warning${warnings === 1 ? '' : 's'})` : '';
      return { status: 'pass', reason: `${selected.length} rules pass${note}`, locations, details };
    }
    // Keep the reason one readable line; every violation is in details and locations.
    const shown = errors.slice(0, MAX_IN_REASON).map(summary);
    if (errors.length > MAX_IN_REASON) shown.push(`and ${errors.length - MAX_IN_REASON} more`);
    const reason = `${errors.length} rule violation${errors.length === 1 ? '' : 's'}: ${shown.join('; ')}`;
    return { status: 'fail', reason, locations, details };
  },
} satisfies Evaluator<typeof options>;
