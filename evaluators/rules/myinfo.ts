import { nodesOfType } from '../core/ast.js';
import type { EvalInput } from '../core/types.js';
import type { Rule, RuleViolation } from './types.js';

const ID = 'myinfo';

function check(input: EvalInput): RuleViolation[] {
  if (!input.tree) return [];
  // `public Plugin myinfo = {...}` parses as a struct declaration; other spellings as plain variables.
  const decls = nodesOfType(input, 'struct_declaration', 'variable_declaration').filter((d) => d.childForFieldName('name')?.text === 'myinfo');
  if (decls.length === 0) return [{ rule: ID, line: 1, column: 1, message: 'no "public Plugin myinfo = { ... };" block' }];
  const d = decls[0]!;
  const whole = d.type === 'variable_declaration' && d.parent ? d.parent : d;
  if (!/^public\b/.test(whole.text)) {
    return [{ rule: ID, line: d.startPosition.row + 1, column: d.startPosition.column + 1, message: 'myinfo must be public or SourceMod cannot read it' }];
  }
  return [];
}

/** The plugin declares `public Plugin myinfo`. */
export const myinfo = {
  id: ID,
  title: 'Plugin info block',
  rationale: 'Without public Plugin myinfo the plugin shows no name, author or version in sm plugins list.',
  severity: 'error',
  check,
} satisfies Rule;
