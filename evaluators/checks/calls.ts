// `calls`: the code calls the named functions. Also home of the name-list helpers shared by the
// other "names + match" kinds (hooks_event, includes, defines, uses, convar), which all judge alike.
import { z } from 'zod';
import { callSites } from '../ast.js';
import type { EvalInput, Evaluator } from '../types.js';
import type { CheckOutcome } from '../../src/types/check.js';

/** Options shared by every name-list kind: the names to look for and whether all or any must be found. */
export const nameListOptions = z.strictObject({
  names: z.array(z.string().min(1)).min(1),
  match: z.enum(['all', 'any']).default('all'),
});

/** Parsed options of a name-list kind. */
export type NameListOptions = z.output<typeof nameListOptions>;

/** The outcome every AST check gives when the answer has no code to look at. */
export const NO_CODE: CheckOutcome = { status: 'fail', reason: 'no code found in the answer' };

/** Judges wanted names against the names found; `noun` names what was looked for in the reason (e.g. `calls`). */
export function nameListOutcome(options: NameListOptions, found: ReadonlySet<string>, noun: string): CheckOutcome {
  const present = options.names.filter((n) => found.has(n));
  const missing = options.names.filter((n) => !found.has(n));
  const details = { found: present, missing };
  const pass = options.match === 'all' ? missing.length === 0 : present.length > 0;
  if (pass) return { status: 'pass', reason: `found ${noun}: ${present.join(', ')}`, details };
  const reason =
    options.match === 'all' ? `missing ${noun}: ${missing.join(', ')}` : `none of these ${noun} found: ${missing.join(', ')}`;
  return { status: 'fail', reason, details };
}

/** Default id of a name-list check, e.g. `calls:HookEvent,CreateTimer`. */
export function nameListId(kind: string, options: NameListOptions): string {
  return `${kind}:${options.names.join(',')}`;
}

/** Names called anywhere in the code; `x.Name(...)` counts for `Name`. */
export function calledNames(input: EvalInput): Set<string> {
  return new Set(callSites(input).map((c) => c.name));
}

export const calls = {
  kind: 'calls',
  description: 'The code calls the named functions (a method call x.Name(...) counts for Name).',
  options: nameListOptions,
  defaultId: (options) => nameListId('calls', options),
  evaluate(input, options) {
    if (!input.tree) return NO_CODE;
    return nameListOutcome(options, calledNames(input), 'calls');
  },
} satisfies Evaluator<typeof nameListOptions>;
