import { oldSyntax } from '../core/old-syntax.js';
import type { EvalInput } from '../core/types.js';
import type { Rule, RuleViolation } from './types.js';
import { violationAt } from './util.js';

const ID = 'new-syntax';
/** At most this many findings: one old plugin would otherwise list hundreds. */
const MAX_FINDINGS = 20;

function check(input: EvalInput): RuleViolation[] {
  const out = oldSyntax(input).map((o) => violationAt(ID, o.node, o.message));
  out.sort((a, b) => a.line - b.line || a.column - b.column);
  return out.slice(0, MAX_FINDINGS);
}

/** Only the new (typed) declaration syntax. */
export const newSyntax = {
  id: ID,
  title: 'New-style declarations',
  rationale: 'new/decl, Float:/String:/Handle: tags and untyped functions are pre-1.7 syntax, rejected under #pragma newdecls required.',
  severity: 'error',
  check,
} satisfies Rule;
