import { argument } from '../core/ast.js';
import type { EvalInput } from '../core/types.js';
import { CONNECTED_NATIVES, GUARD_NATIVES, INGAME_NATIVES, clientLoops } from './clients.js';
import type { Rule, RuleViolation } from './types.js';
import { violationAt } from './util.js';

const ID = 'maxclients';

function check(input: EvalInput): RuleViolation[] {
  const out: RuleViolation[] = [];
  for (const loop of clientLoops(input)) {
    const bound = loop.bound.text.replace(/\s+/g, '');
    if (/^\(?MaxClients\)?$/.test(bound)) continue;
    // Only loops that treat the variable as a client: array resets up to MAXPLAYERS are fine.
    const usesClient = loop.body.descendantsOfType('call_expression').some((c) => {
      const name = c.childForFieldName('function')?.text ?? '';
      const isClientNative = GUARD_NATIVES.has(name) || INGAME_NATIVES.has(name) || CONNECTED_NATIVES.has(name);
      return isClientNative && argument(c, 0)?.text === loop.variable;
    });
    if (usesClient) out.push(violationAt(ID, loop.bound, `client loop bound "${loop.bound.text}"; loop to MaxClients (the server's real slot count)`));
  }
  return out;
}

/** Client loops stop at MaxClients, not a hard-coded player count. */
export const maxclients = {
  id: ID,
  title: 'Loop clients up to MaxClients',
  rationale: 'MAXPLAYERS and 32/64 exceed the real slot count; slots past MaxClients make client natives throw.',
  severity: 'error',
  check,
} satisfies Rule;
