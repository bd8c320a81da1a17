import { isDanglingType, nodesOfType, splitDeclarationType } from '../ast.js';
import type { EvalInput } from '../types.js';
import type { Rule, RuleViolation } from './types.js';
import { violationAt } from './util.js';

const ID = 'new-syntax';
/** At most this many findings: one old plugin would otherwise list hundreds. */
const MAX_FINDINGS = 20;
// `_:` retagging stays legal and common in new-syntax code; the named tags are the old-syntax marker.
const OLD_CAST = /^(Float|String|Handle|bool|Action):/;

function check(input: EvalInput): RuleViolation[] {
  const out: RuleViolation[] = [];
  for (const n of nodesOfType(input, 'old_variable_declaration_statement', 'old_global_variable_declaration', 'old_for_loop_variable_declaration_statement')) {
    // A new-style declaration split after its type (`ConVar\n\tg_hCvar;`) is read as two old ones: it is not old.
    if (isDanglingType(n) || splitDeclarationType(n)) continue;
    const keyword = n.text.trimStart().split(/\s/)[0] ?? 'new';
    out.push(violationAt(ID, n, `old declaration "${keyword}"; declare with a type (int x, char buf[64], float f)`));
  }
  for (const fn of nodesOfType(input, 'function_definition')) {
    const name = fn.childForFieldName('name');
    const ret = fn.childForFieldName('returnType');
    if (name && !ret && !splitDeclarationType(fn)) out.push(violationAt(ID, fn, `${name.text}() has no return type; write e.g. public void ${name.text}()`));
  }
  for (const t of nodesOfType(input, 'old_type')) {
    // Old declarations were reported above; tags on parameters and return types are reported here.
    const p = t.parent;
    if (p && (p.type === 'parameter_declaration' || p.type === 'function_definition')) out.push(violationAt(ID, t, `old tag "${t.text}"; use a type before the name`));
  }
  for (const c of nodesOfType(input, 'old_type_cast')) {
    if (OLD_CAST.test(c.text)) out.push(violationAt(ID, c, `old tag cast "${c.text.split(':')[0]}:"; use view_as<T>()`));
  }
  for (const d of nodesOfType(input, 'struct_declaration')) {
    if (/^public\s+Plugin\s*:/.test(d.text)) out.push(violationAt(ID, d, 'old "public Plugin:myinfo"; write public Plugin myinfo'));
  }
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
