import type { Node } from 'web-tree-sitter';
import { nodesOfType } from '../core/ast.js';
import type { EvalInput } from '../core/types.js';
import { CONNECTED_NATIVES, INGAME_NATIVES } from './clients.js';
import type { Rule, RuleViolation } from './types.js';
import { enclosingFunction, violationAt } from './util.js';

const ID = 'client-index-zero';

/** The first identifier `name` in [from, to): the shared walk's identifiers, in document order. A non-empty
 * identifier inside the function's span is inside the function, so this equals searching its descendants. */
function firstMention(input: EvalInput, name: string, from: number, to: number): Node | undefined {
  for (const id of nodesOfType(input, 'identifier')) {
    if (id.startIndex < from) continue;
    if (id.startIndex >= to) return undefined;
    if (id.text === name && id.endIndex <= to) return id;
  }
  return undefined;
}

function check(input: EvalInput): RuleViolation[] {
  const out: RuleViolation[] = [];
  for (const decl of nodesOfType(input, 'variable_declaration')) {
    const value = decl.childForFieldName('initialValue');
    const name = decl.childForFieldName('name')?.text;
    if (!name || value?.type !== 'call_expression' || value.childForFieldName('function')?.text !== 'GetClientOfUserId') continue;
    const fn = enclosingFunction(decl);
    if (!fn) continue;
    // The first later mention decides: a check (`if (!client)`, `client > 0`, IsValidClient(client)) or a raw use.
    const first = firstMention(input, name, decl.endIndex, fn.endIndex);
    const args = first?.parent;
    const call = args?.type === 'call_arguments' ? args.parent : null;
    const callee = call?.childForFieldName('function')?.text ?? '';
    const isFirstArg = args?.namedChildren[0]?.id === first?.id;
    if (first && isFirstArg && (INGAME_NATIVES.has(callee) || CONNECTED_NATIVES.has(callee))) {
      out.push(violationAt(ID, first, `${callee}(${name}) before checking ${name}: GetClientOfUserId returns 0 when the player left`));
    }
  }
  return out;
}

/** GetClientOfUserId results are checked for 0 before use. */
export const clientIndexZero = {
  id: ID,
  title: 'Check GetClientOfUserId for 0',
  rationale: 'A userid of a player who left (or of a common infected) converts to 0, and client natives throw on index 0.',
  severity: 'warning',
  check,
} satisfies Rule;
