import type { Node } from 'web-tree-sitter';
import { argument, stringValue } from '../core/ast.js';
import { L4D2_EVENTS } from '../catalog/events.js';
import type { EvalInput } from '../core/types.js';
import { CONNECTED_NATIVES, GUARD_NATIVES, INGAME_NATIVES, isGuardHelperName } from './clients.js';
import { eventReads } from './events.js';
import type { Rule, RuleViolation } from './types.js';
import { callbackFunctions, enclosingFunction, violationAt } from './util.js';

const ID = 'event-userid';
const USERID_KEYS = new Set(['userid', 'attacker', 'victim']);

/** Name of a call that needs a client index as its first argument, else null. */
function clientCallName(call: Node | null): string | null {
  if (!call || call.type !== 'call_expression') return null;
  const name = call.childForFieldName('function')?.text ?? '';
  // SDKUnhook does not throw on a free slot, but a userid still names the wrong entity.
  const needsClient = INGAME_NATIVES.has(name) || CONNECTED_NATIVES.has(name) || GUARD_NATIVES.has(name) || isGuardHelperName(name) || name === 'SDKUnhook';
  return needsClient ? name : null;
}

/** The call a node is the first argument of, if any. */
function callOfFirstArg(node: Node): Node | null {
  const args = node.parent;
  if (args?.type !== 'call_arguments' || args.namedChildren.filter((a) => a?.type !== 'comment')[0]?.id !== node.id) return null;
  return args.parent;
}

/** True when an event the handler is hooked to declares the key as an entity index (zombie_death's victim). */
function isEntityKey(input: EvalInput, handler: Node | null, key: string): boolean {
  const name = handler?.childForFieldName('name')?.text;
  const hooked = name ? callbackFunctions(input, ['HookEvent', 'HookEventEx'], 1).get(name) : undefined;
  return (hooked?.calls ?? []).some((c) => {
    const type = L4D2_EVENTS.get(stringValue(argument(c.node, 0)) ?? '')?.fields[key];
    return type !== undefined && type !== 'short';
  });
}

function check(input: EvalInput): RuleViolation[] {
  const out: RuleViolation[] = [];
  for (const read of eventReads(input)) {
    if (!USERID_KEYS.has(read.key) || isEntityKey(input, enclosingFunction(read.node), read.key)) continue;
    // Directly used as a client: IsClientInGame(event.GetInt("userid")).
    const direct = clientCallName(callOfFirstArg(read.node));
    if (direct) {
      out.push(violationAt(ID, read.node, `"${read.key}" is a userid; ${direct} needs GetClientOfUserId(...) around it`));
      continue;
    }
    // Stored in a variable that is later used as a client without conversion.
    const decl = read.node.parent;
    if (decl?.type !== 'variable_declaration' && decl?.type !== 'assignment_expression') continue;
    const name = (decl.childForFieldName('name') ?? decl.childForFieldName('left'))?.text;
    const fn = enclosingFunction(read.node);
    if (!name || !fn) continue;
    const converted = fn.descendantsOfType('call_expression').some(
      (c) => c.childForFieldName('function')?.text === 'GetClientOfUserId' && argument(c, 0)?.text === name,
    );
    if (converted) continue;
    const misuse = fn.descendantsOfType('identifier').find((id) => {
      if (id.text !== name || id.startIndex <= read.node.startIndex) return false;
      return clientCallName(callOfFirstArg(id)) !== null;
    });
    if (misuse) {
      const call = clientCallName(callOfFirstArg(misuse));
      out.push(violationAt(ID, misuse, `"${name}" holds the event's "${read.key}" userid; ${call} needs GetClientOfUserId(${name})`));
    }
  }
  return out;
}

/** Event userids are converted with GetClientOfUserId before use as client indexes. */
export const eventUserid = {
  id: ID,
  title: 'Convert event userids',
  rationale: 'Event keys userid/attacker/victim hold userids, not client indexes; using one as an index targets the wrong player or throws.',
  severity: 'error',
  check,
} satisfies Rule;
