// Which calls count as "this slot was checked" before a client native runs.
import type { Node } from 'web-tree-sitter';
import { definedFunctions } from '../core/ast.js';
import { memo, type EvalInput } from '../core/types.js';
import { GUARD_NATIVES, isClientNative, isGuardHelperName } from './clients.js';

/**
 * Names of plugin functions that check a slot: they call IsClientInGame/IsClientConnected, an include helper
 * named like a guard (IsValidInfected, which the rule cannot read), or another such plugin function, to any depth.
 */
export function guardHelpers(input: EvalInput): Set<string> {
  return memo(input, 'rules:guardHelpers', () => {
    const defs = definedFunctions(input);
    const callsOf = new Map<string, string[]>();
    for (const [name, fn] of defs) {
      callsOf.set(name, fn.descendantsOfType('call_expression').map((c) => c?.childForFieldName('function')?.text ?? ''));
    }
    const unseenGuard = (n: string) => !defs.has(n) && !isClientNative(n) && isGuardHelperName(n);
    const out = new Set<string>();
    for (const [name, names] of callsOf) if (names.some((n) => GUARD_NATIVES.has(n) || unseenGuard(n))) out.add(name);
    // Fixpoint: helper -> helper -> IsClientInGame.
    for (let grew = true; grew; ) {
      grew = false;
      for (const [name, names] of callsOf) {
        if (!out.has(name) && names.some((n) => out.has(n))) {
          out.add(name);
          grew = true;
        }
      }
    }
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
