import type { Node } from 'web-tree-sitter';
import type { EvalInput } from '../core/types.js';
import type { Rule, RuleViolation } from './types.js';
import { functionDefinitions, returnTypeName, violationAt } from './util.js';

const ID = 'action-return';
const NEVER_RETURN = new Set(['SetFailState', 'ThrowError']);

/** True when every path through `stmt` ends in a return (or a call that never returns). */
function alwaysReturns(stmt: Node | null): boolean {
  if (!stmt) return false;
  switch (stmt.type) {
    case 'return_statement':
      return true;
    case 'block':
      return stmt.namedChildren.some((s) => alwaysReturns(s));
    case 'condition_statement':
      return alwaysReturns(stmt.childForFieldName('truePath')) && alwaysReturns(stmt.childForFieldName('falsePath'));
    case 'switch_statement': {
      const cases = stmt.namedChildren.filter((c): c is Node => c?.type === 'switch_case');
      const hasDefault = cases.some((c) => c.text.startsWith('default'));
      return hasDefault && cases.every((c) => alwaysReturns(c.childForFieldName('body')));
    }
    case 'while_statement':
    case 'for_statement': {
      // `while (true)` / `for (;;)` without break: control never falls out of the loop.
      const cond = stmt.childForFieldName('condition');
      const endless = !cond || cond.text === 'true' || cond.text === '1';
      return endless && stmt.descendantsOfType('break_statement').length === 0;
    }
    case 'expression_statement': {
      const call = stmt.namedChildren[0];
      return call?.type === 'call_expression' && NEVER_RETURN.has(call.childForFieldName('function')?.text ?? '');
    }
    default:
      return false;
  }
}

function check(input: EvalInput): RuleViolation[] {
  const out: RuleViolation[] = [];
  for (const fn of functionDefinitions(input)) {
    if (returnTypeName(fn) !== 'Action') continue;
    const body = fn.childForFieldName('body');
    const name = fn.childForFieldName('name');
    // Preprocessor branches and parse errors make paths unknowable: say nothing rather than guess.
    if (!body || !name || body.hasError || body.descendantsOfType(['preproc_if', 'preproc_else', 'preproc_endif']).length > 0) continue;
    for (const ret of body.descendantsOfType('return_statement')) {
      const value = ret.childForFieldName('expression');
      if (!value) out.push(violationAt(ID, ret, `${name.text} returns Action but has a bare "return;"`));
      else if (['int_literal', 'bool_literal', 'float_literal', 'string_literal'].includes(value.type)) {
        out.push(violationAt(ID, ret, `${name.text} returns Action but returns ${value.text}; use Plugin_Continue/Plugin_Handled/Plugin_Stop`));
      }
    }
    if (!alwaysReturns(body)) out.push(violationAt(ID, name, `${name.text} returns Action but not on every path (add return Plugin_Continue at the end)`));
  }
  return out;
}

/** Functions declared to return Action return a Plugin_* value on every path. */
export const actionReturn = {
  id: ID,
  title: 'Action functions return Plugin_* values',
  rationale: "An Action function that falls off the end (or has a bare \"return;\") returns 0, which is Plugin_Continue whatever that path meant, and spcomp warns 209 \"function has explicit 'Action' tag but does not return a value\".",
  severity: 'error',
  check,
} satisfies Rule;
