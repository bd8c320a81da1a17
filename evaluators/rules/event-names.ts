import { argument, stringValue } from '../core/ast.js';
import { INVENTED_EVENTS, isL4D2Event } from '../catalog/events.js';
import type { EvalInput } from '../core/types.js';
import type { Rule, RuleViolation } from './types.js';
import { callsNamed, violationAt } from './util.js';

const ID = 'event-names';

function check(input: EvalInput): RuleViolation[] {
  const out: RuleViolation[] = [];
  for (const call of callsNamed(input, 'HookEvent', 'HookEventEx', 'UnhookEvent')) {
    const arg = argument(call.node, 0);
    const name = stringValue(arg);
    if (!arg || name === null || isL4D2Event(name)) continue;
    const instead = INVENTED_EVENTS[name] ?? INVENTED_EVENTS[name.toLowerCase()];
    const hint = instead ? `; use ${instead}` : isL4D2Event(name.toLowerCase()) ? `; event names are case-sensitive: ${name.toLowerCase()}` : '';
    out.push(violationAt(ID, arg, `"${name}" is not an L4D2 game event${hint}`));
  }
  return out;
}

/** HookEvent names exist in L4D2's event files. */
export const eventNames = {
  id: ID,
  title: 'Hooked events exist in L4D2',
  rationale: 'HookEvent on a name the game does not define fails at plugin load ("Game event ... does not exist").',
  severity: 'error',
  check,
} satisfies Rule;
