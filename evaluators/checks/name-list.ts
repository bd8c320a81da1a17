// The "names + match" kinds (calls, convar, defines, includes, uses, hooks_event) judge alike: the names a
// suite asks for against the names found in the code. One schema, one outcome, one factory.
import * as z from 'zod';
import type { EvalInput, Evaluator } from '../core/types.js';
import type { CheckOutcome } from '../core/check.js';

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

/** Builds a name-list check from what it looks for; `normalise` applies to the wanted names (e.g. drop `.inc`). */
export function nameListCheck<K extends string>(spec: {
  kind: K;
  description: string;
  noun: string;
  found: (input: EvalInput) => ReadonlySet<string>;
  normalise?: (name: string) => string;
}) {
  return {
    kind: spec.kind,
    description: spec.description,
    options: nameListOptions,
    defaultId: (options) => nameListId(spec.kind, options),
    evaluate(input, options) {
      if (!input.tree) return NO_CODE;
      const wanted = spec.normalise ? { ...options, names: options.names.map(spec.normalise) } : options;
      return nameListOutcome(wanted, spec.found(input), spec.noun);
    },
  } satisfies Evaluator<typeof nameListOptions>;
}
