import { argument } from '../core/ast.js';
import type { EvalInput } from '../core/types.js';
import { eventReads } from './events.js';
import type { Rule, RuleViolation } from './types.js';
import { callbackFunctions, contains, violationAt } from './util.js';

const ID = 'event-nocopy-fields';

function check(input: EvalInput): RuleViolation[] {
  const out: RuleViolation[] = [];
  for (const [name, { fn, calls }] of callbackFunctions(input, ['HookEvent', 'HookEventEx'], 1)) {
    // Only handlers hooked with PostNoCopy everywhere: a shared handler may read fields for its other events.
    if (!calls.every((c) => argument(c.node, 2)?.text === 'EventHookMode_PostNoCopy')) continue;
    const read = eventReads(input).find((r) => contains(fn, r.node));
    if (read) out.push(violationAt(ID, read.node, `${name} is hooked with EventHookMode_PostNoCopy but reads "${read.key}": the event has no data there; hook it with EventHookMode_Post`));
  }
  return out;
}

/** PostNoCopy event handlers do not read event fields. */
export const eventNocopyFields = {
  id: ID,
  title: 'No field reads in PostNoCopy handlers',
  rationale: 'With EventHookMode_PostNoCopy the event is not copied, so field reads get nothing (or an invalid handle).',
  severity: 'error',
  check,
} satisfies Rule;
