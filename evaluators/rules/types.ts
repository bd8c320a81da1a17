import type { EvalInput } from '../core/types.js';

/** One finding of a rule, 1-based line/column in the extracted code. */
export interface RuleViolation {
  rule: string;
  line: number;
  column: number;
  message: string;
}

/** How much a violation counts: errors fail the `rule` check, warnings are only reported. */
export type RuleSeverity = 'error' | 'warning';

/** One L4D2/SourcePawn rule: pure, works on the shared parsed input. */
export interface Rule {
  id: string;
  title: string;
  /** One line: why the rule exists. */
  rationale: string;
  severity: RuleSeverity;
  check(input: EvalInput): RuleViolation[];
}
