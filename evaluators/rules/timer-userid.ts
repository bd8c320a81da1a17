import type { Node } from 'web-tree-sitter';
import { argument, definedFunctions, stringValue } from '../core/ast.js';
import { memo, type EvalInput } from '../core/types.js';
import { clientLoops } from './clients.js';
import type { Rule, RuleViolation } from './types.js';
import { callbackFunctions, callsNamed, contains, enclosingFunction, parameterNames, violationAt } from './util.js';

const ID = 'timer-userid';
const CLIENT_PARAM = /^(i?client|victim|attacker|target)$/i;

/** Names in `fn` that hold a client index: GetClientOfUserId results and int parameters named like clients. */
function clientVariables(fn: Node): Set<string> {
  const vars = new Set<string>();
  for (const d of fn.descendantsOfType(['variable_declaration', 'assignment_expression'])) {
    const name = (d.childForFieldName('name') ?? d.childForFieldName('left'))?.text;
    const value = d.childForFieldName('initialValue') ?? d.childForFieldName('right');
    if (name && value?.type === 'call_expression' && value.childForFieldName('function')?.text === 'GetClientOfUserId') vars.add(name);
  }
  for (const p of fn.childForFieldName('parameters')?.namedChildren ?? []) {
    if (p?.type !== 'parameter_declaration') continue;
    const name = p.childForFieldName('name')?.text ?? '';
    const type = p.childForFieldName('type')?.text ?? '';
    if (CLIENT_PARAM.test(name) && (type === 'int' || type === '')) vars.add(name);
  }
  return vars;
}

const DISCONNECT = new Set(['OnClientDisconnect', 'OnClientDisconnect_Post']);
const KILLERS = new Set(['KillTimer', 'CloseHandle']);

/** `arr[i]` → `arr[]`, `arr[i].m_hTimer` → `arr[].m_hTimer`: a per-client handle slot, whatever the index; else null. */
function slotKey(node: Node | null): string | null {
  if (node?.type === 'array_indexed_access') {
    const array = node.childForFieldName('array');
    return array?.type === 'identifier' ? `${array.text}[]` : null;
  }
  if (node?.type === 'field_access') {
    const target = slotKey(node.childForFieldName('target'));
    const field = node.childForFieldName('field')?.text;
    return target && field ? `${target}.${field}` : null;
  }
  return null;
}

/** Nodes a function closes: `delete x;`, `KillTimer(x)`, `CloseHandle(x)`. */
function closedIn(fn: Node): Node[] {
  const out: Node[] = [];
  for (const d of fn.descendantsOfType('delete_statement')) {
    const freed = d?.childForFieldName('free');
    if (freed) out.push(freed);
  }
  for (const c of fn.descendantsOfType('call_expression')) {
    const arg = c && KILLERS.has(c.childForFieldName('function')?.text ?? '') ? argument(c, 0) : null;
    if (arg) out.push(arg);
  }
  return out;
}

/**
 * Per-client handle slots (`g_hTimer[]`) closed when a client leaves: in OnClientDisconnect(_Post), a
 * player_disconnect handler, or a plugin function one call away from them (`ResetKarma(client)`, `KillSafe(g_hTimer[client])`).
 */
function slotsClosedOnDisconnect(input: EvalInput): Set<string> {
  return memo(input, 'rules:timerSlotsClosedOnDisconnect', () => {
    const defs = definedFunctions(input);
    const roots: Node[] = [];
    for (const [name, fn] of defs) if (DISCONNECT.has(name) && fn.type === 'function_definition') roots.push(fn);
    for (const { fn, calls } of callbackFunctions(input, ['HookEvent', 'HookEventEx'], 1).values()) {
      if (calls.some((c) => stringValue(argument(c.node, 0)) === 'player_disconnect')) roots.push(fn);
    }
    const out = new Set<string>();
    const add = (n: Node) => {
      const key = slotKey(n);
      if (key) out.add(key);
    };
    for (const root of roots) {
      root.descendantsOfType('call_expression').forEach((c) => {
        const callee = defs.get(c?.childForFieldName('function')?.text ?? '');
        if (!c || !callee || callee.type !== 'function_definition') return;
        closedIn(callee).forEach(add);
        // `KillSafe(g_hTimer[client])` where KillSafe closes its parameter.
        const closed = new Set(closedIn(callee).map((n) => n.text));
        parameterNames(callee).forEach((p, i) => {
          const arg = argument(c, i);
          if (arg && closed.has(p)) add(arg);
        });
      });
      closedIn(root).forEach(add);
    }
    return out;
  });
}

/** True when the timer cannot outlive its client or runs at once, so an index is safe. */
function indexIsSafe(input: EvalInput, call: Node, data: Node, fn: Node | null): boolean {
  // TriggerTimer(CreateTimer(...)): the callback runs now.
  const args = call.parent;
  if (args?.type === 'call_arguments' && args.parent?.childForFieldName('function')?.text === 'TriggerTimer') return true;
  // In OnClientDisconnect(_Post) the client is leaving: no userid is left to pass.
  const fnName = fn?.childForFieldName('name')?.text ?? '';
  if (fn && DISCONNECT.has(fnName) && parameterNames(fn)[0] === data.text) return true;
  // `g_hTimer[client] = CreateTimer(..., client)` and g_hTimer[client] is killed when the client leaves.
  const assign = call.parent;
  if (assign?.type === 'assignment_expression' && assign.childForFieldName('right')?.id === call.id) {
    const left = assign.childForFieldName('left');
    let slot = left;
    while (slot?.type === 'field_access') slot = slot.childForFieldName('target');
    const key = slotKey(left);
    if (key && slot?.childForFieldName('index')?.text === data.text && slotsClosedOnDisconnect(input).has(key)) return true;
  }
  return false;
}

function check(input: EvalInput): RuleViolation[] {
  const out: RuleViolation[] = [];
  for (const call of callsNamed(input, 'CreateTimer')) {
    const data = argument(call.node, 2);
    if (!data || data.type !== 'identifier') continue;
    const fn = enclosingFunction(call.node);
    const isLoopVar = clientLoops(input).some((l) => l.variable === data.text && contains(l.body, call.node));
    if (!isLoopVar && !(fn && clientVariables(fn).has(data.text))) continue;
    if (indexIsSafe(input, call.node, data, fn)) continue;
    out.push(violationAt(ID, data, `CreateTimer gets the client index "${data.text}"; pass GetClientUserId(${data.text}) and convert back with GetClientOfUserId in the callback`));
  }
  return out;
}

/** Timers carry userids, not raw client indexes. */
export const timerUserid = {
  id: ID,
  title: 'Timers carry userids',
  rationale: 'A client can leave and its slot be reused before the timer fires; a userid detects that, an index does not.',
  severity: 'error',
  check,
} satisfies Rule;
