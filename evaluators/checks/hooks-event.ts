// `hooks_event`: the plugin hooks the named game events with HookEvent/HookEventEx("name", ...).
import { literalFirstArguments } from '../core/ast.js';
import * as z from 'zod';
import { type EvalInput, type Evaluator } from '../core/types.js';
import { NO_CODE, nameListOutcome } from './name-list.js';

// Suites name this list `events`, not `names`.
const options = z.strictObject({
  events: z.array(z.string().min(1)).min(1),
  match: z.enum(['all', 'any']).default('all'),
});

const HOOK_FUNCTIONS = new Set(['HookEvent', 'HookEventEx']);

/** Event names passed as a string literal first argument to HookEvent/HookEventEx. */
export function hookedEvents(input: EvalInput): Set<string> {
  return literalFirstArguments(input, HOOK_FUNCTIONS);
}

export const hooks_event = {
  kind: 'hooks_event',
  description: 'The plugin hooks the named game events (HookEvent/HookEventEx with a literal event name).',
  options,
  defaultId: (o) => `hooks_event:${o.events.join(',')}`,
  evaluate(input, o) {
    if (!input.tree) return NO_CODE;
    return nameListOutcome({ names: o.events, match: o.match }, hookedEvents(input), 'hooked events');
  },
} satisfies Evaluator<typeof options>;
