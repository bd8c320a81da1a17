// Which calls count as "this slot was checked" before a client native runs.
import type { Node } from 'web-tree-sitter';
import { definedFunctions } from '../ast.js';
import { memo, type EvalInput } from '../types.js';
import { GUARD_NATIVES, isGuardHelperName } from './clients.js';

/** Names of plugin functions that call IsClientInGame/IsClientConnected (directly or through one more helper). */
export function guardHelpers(input: EvalInput): Set<string> {
  return memo(input, 'rules:guardHelpers', () => {
    const defs = definedFunctions(input);
    const direct = new Set<string>();
    const callsOf = new Map<string, string[]>();
    for (const [name, fn] of defs) {
      const names = fn.descendantsOfType('call_expression').map((c) => c?.childForFieldName('function')?.text ?? '');
      callsOf.set(name, names);
      if (names.some((n) => GUARD_NATIVES.has(n))) direct.add(name);
    }
    const out = new Set(direct);
    for (const [name, names] of callsOf) if (names.some((n) => direct.has(n))) out.add(name);
    return out;
  });
}

/** True when a call is a slot check: a guard native, a plugin helper that calls one, or an include helper named like one. */
export function isGuardCall(input: EvalInput, call: Node): boolean {
  const name = call.childForFieldName('function')?.text ?? '';
  if (GUARD_NATIVES.has(name) || guardHelpers(input).has(name)) return true;
  // Helpers from includes (l4d2util IsSurvivor, IsValidClient stocks) cannot be read; trust their names.
  return !definedFunctions(input).has(name) && isGuardHelperName(name);
}
