import { nodesOfType } from '../ast.js';
import type { EvalInput } from '../types.js';
import { CONNECTED_NATIVES, INGAME_NATIVES } from './clients.js';
import type { Rule, RuleViolation } from './types.js';
import { enclosingFunction, violationAt } from './util.js';

const ID = 'client-index-zero';

function check(input: EvalInput): RuleViolation[] {
  const out: RuleViolation[] = [];
  for (const decl of nodesOfType(input, 'variable_declaration')) {
    const value = decl.childForFieldName('initialValue');
    const name = decl.childForFieldName('name')?.text;
    if (!name || value?.type !== 'call_expression' || value.childForFieldName('function')?.text !== 'GetClientOfUserId') continue;
    const fn = enclosingFunction(decl);
    if (!fn) continue;
    // The first later mention decides: a check (`if (!client)`, `client > 0`, IsValidClient(client)) or a raw use.
    const first = fn.descendantsOfType('identifier').find((id) => id.text === name && id.startIndex >= decl.endIndex);
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
