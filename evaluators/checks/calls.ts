// `calls`: the code calls the named functions.
import { callSites } from '../core/ast.js';
import type { EvalInput } from '../core/types.js';
import { nameListCheck } from './name-list.js';

/** Names called anywhere in the code; `x.Name(...)` counts for `Name`. */
export function calledNames(input: EvalInput): Set<string> {
  return new Set(callSites(input).map((c) => c.name));
}

export const calls = nameListCheck({
  kind: 'calls',
  description: 'The code calls the named functions (a method call x.Name(...) counts for Name).',
  noun: 'calls',
  found: calledNames,
});
