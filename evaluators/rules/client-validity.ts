import { argument } from '../core/ast.js';
import type { EvalInput } from '../core/types.js';
import { CONNECTED_NATIVES, INGAME_NATIVES, clientLoops } from './clients.js';
import { isGuardCall } from './guards.js';
import type { Rule, RuleViolation } from './types.js';
import { violationAt } from './util.js';

const ID = 'client-validity';

function check(input: EvalInput): RuleViolation[] {
  const out: RuleViolation[] = [];
  for (const loop of clientLoops(input)) {
    const calls = loop.node.descendantsOfType('call_expression').filter((c) => c !== null);
    // A slot check anywhere earlier in the loop (if-condition, `continue` guard, `&&` chain) covers later calls.
    let guardedFrom = Infinity;
    for (const c of calls) {
      if (argument(c, 0)?.text === loop.variable && isGuardCall(input, c)) {
        guardedFrom = Math.min(guardedFrom, c.startIndex);
      }
    }
    for (const c of calls) {
      const name = c.childForFieldName('function')?.text ?? '';
      if (!INGAME_NATIVES.has(name) && !CONNECTED_NATIVES.has(name)) continue;
      if (argument(c, 0)?.text !== loop.variable || c.startIndex > guardedFrom) continue;
      out.push(violationAt(ID, c, `${name}(${loop.variable}) in a client loop without IsClientInGame(${loop.variable}) first`));
      break;
    }
  }
  return out;
}

/** Client loops check IsClientInGame before calling client natives. */
export const clientValidity = {
  id: ID,
  title: 'Check client slots before use',
  rationale: 'Slots 1..MaxClients can be empty; client natives throw "Client N is not in game" on them.',
  severity: 'error',
  check,
} satisfies Rule;
