import type { Node } from 'web-tree-sitter';
import type { EvalInput } from '../core/types.js';
import type { Rule, RuleViolation } from './types.js';
import { callbackFunctions, returnTypeName, violationAt } from './util.js';

const ID = 'event-callback-signature';
const FIRST_PARAM_TYPES = new Set(['Event', 'Handle']);
const RETURN_TYPES = new Set(['void', 'Action']);

function params(fn: Node): Node[] {
  return (fn.childForFieldName('parameters')?.namedChildren ?? []).filter((p): p is Node => p?.type === 'parameter_declaration');
}

function check(input: EvalInput): RuleViolation[] {
  const out: RuleViolation[] = [];
  for (const [name, { fn }] of callbackFunctions(input, ['HookEvent', 'HookEventEx'], 1)) {
    const ps = params(fn);
    const ret = returnTypeName(fn);
    const firstType = ps[0]?.childForFieldName('type')?.text.replace(/:$/, '') ?? '';
    const at = fn.childForFieldName('name') ?? fn;
    if (ps.length !== 3) {
      out.push(violationAt(ID, at, `event callback ${name} takes ${ps.length} parameters; it must be (Event event, const char[] name, bool dontBroadcast)`));
    } else if (!FIRST_PARAM_TYPES.has(firstType)) {
      out.push(violationAt(ID, at, `event callback ${name}: first parameter is "${firstType}", expected Event`));
    }
    // Untyped (old-style) functions are new-syntax's business; a wrong explicit type is a prototype mismatch.
    if (ret !== null && !RETURN_TYPES.has(ret)) {
      out.push(violationAt(ID, at, `event callback ${name} returns ${ret}; it must return void or Action`));
    }
  }
  return out;
}

/** HookEvent callbacks match the EventHook prototype. */
export const eventCallbackSignature = {
  id: ID,
  title: 'Event callbacks match EventHook',
  rationale: 'HookEvent needs (Event, const char[], bool) returning void or Action; anything else is "function prototypes do not match".',
  severity: 'error',
  check,
} satisfies Rule;
