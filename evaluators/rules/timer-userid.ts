import type { Node } from 'web-tree-sitter';
import { argument } from '../ast.js';
import type { EvalInput } from '../types.js';
import { clientLoops } from './clients.js';
import type { Rule, RuleViolation } from './types.js';
import { callsNamed, contains, enclosingFunction, violationAt } from './util.js';

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

function check(input: EvalInput): RuleViolation[] {
  const out: RuleViolation[] = [];
  for (const call of callsNamed(input, 'CreateTimer')) {
    const data = argument(call.node, 2);
    if (!data || data.type !== 'identifier') continue;
    const fn = enclosingFunction(call.node);
    const isLoopVar = clientLoops(input).some((l) => l.variable === data.text && contains(l.body, call.node));
    if (!isLoopVar && !(fn && clientVariables(fn).has(data.text))) continue;
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
