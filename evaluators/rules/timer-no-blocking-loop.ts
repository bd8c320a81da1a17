import type { Node } from 'web-tree-sitter';
import type { EvalInput } from '../core/types.js';
import type { Rule, RuleViolation } from './types.js';
import { callbackFunctions, contains, violationAt } from './util.js';

const ID = 'timer-no-blocking-loop';
const LOOPS = ['while_statement', 'do_while_statement', 'for_statement'];

/** True when the loop has a way out: a break of its own, or a return. */
function canExit(loop: Node): boolean {
  if (loop.descendantsOfType('return_statement').length > 0) return true;
  return loop.descendantsOfType('break_statement').some((b) => {
    // A break belongs to the innermost loop or switch around it.
    for (let n = b.parent; n; n = n.parent) {
      if (n.type === 'switch_statement' || LOOPS.includes(n.type)) return n.id === loop.id;
    }
    return false;
  });
}

function isEndless(loop: Node): boolean {
  const cond = loop.childForFieldName('condition');
  if (!cond) return loop.type === 'for_statement';
  const text = cond.text.replace(/[()\s]/g, '');
  return text === 'true' || /^[1-9]\d*$/.test(text);
}

/** A loop that waits for game state by spinning: empty body, nothing can change while it runs. */
function isBusyWait(loop: Node): boolean {
  const body = loop.childForFieldName('body');
  const empty = !body || (body.type === 'block' && body.namedChildren.every((c) => c?.type === 'comment'));
  return loop.type !== 'for_statement' && empty && loop.childForFieldName('condition') !== null;
}

function check(input: EvalInput): RuleViolation[] {
  const out: RuleViolation[] = [];
  for (const [name, { fn }] of callbackFunctions(input, ['CreateTimer', 'CreateDataTimer'], 1)) {
    for (const loop of fn.descendantsOfType(LOOPS)) {
      if (isEndless(loop) && !canExit(loop)) {
        out.push(violationAt(ID, loop, `endless loop in timer callback ${name}: it freezes the server; let the timer repeat instead`));
      } else if (isBusyWait(loop) && contains(fn, loop)) {
        out.push(violationAt(ID, loop, `busy-wait loop in timer callback ${name}: game state cannot change while it spins; use a repeating timer`));
      }
    }
  }
  return out;
}

/** Timer callbacks never spin in unbounded loops. */
export const timerNoBlockingLoop = {
  id: ID,
  title: 'No blocking loops in timers',
  rationale: 'SourcePawn runs on the game thread: a loop waiting inside a timer callback hangs the whole server.',
  severity: 'error',
  check,
} satisfies Rule;
