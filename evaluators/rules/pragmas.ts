// The two pragmas every modern plugin starts with. The pragma text itself is the fact checked here.
import { nodesOfType } from '../core/ast.js';
import type { EvalInput } from '../core/types.js';
import type { Rule, RuleViolation } from './types.js';

function hasPragma(input: EvalInput, pattern: RegExp): boolean {
  return nodesOfType(input, 'preproc_pragma').some((p) => pattern.test(p.text.replace(/^#\s*pragma\s+/, '')));
}

function pragmaRule(id: string, pattern: RegExp, wanted: string) {
  return (input: EvalInput): RuleViolation[] =>
    !input.tree || hasPragma(input, pattern) ? [] : [{ rule: id, line: 1, column: 1, message: `missing ${wanted}` }];
}

/** `#pragma semicolon 1` is present. */
export const pragmaSemicolon = {
  id: 'pragma-semicolon',
  title: '#pragma semicolon 1',
  rationale: 'Without it a missing semicolon is silently accepted and statements can merge in surprising ways.',
  severity: 'error',
  check: pragmaRule('pragma-semicolon', /^semicolon\s+1\b/, '#pragma semicolon 1'),
} satisfies Rule;

/** `#pragma newdecls required` is present. */
export const pragmaNewdecls = {
  id: 'pragma-newdecls',
  title: '#pragma newdecls required',
  rationale: 'Forces the typed (1.7+) declaration syntax, so old untyped declarations are compile errors, not style drift.',
  severity: 'error',
  check: pragmaRule('pragma-newdecls', /^newdecls\s+required\b/, '#pragma newdecls required'),
} satisfies Rule;
