import type { Node } from 'web-tree-sitter';
import { argument, stringValue } from '../ast.js';
import type { EvalInput } from '../types.js';
import type { Rule, RuleViolation } from './types.js';
import { callsNamed, enclosingFunction, violationAt } from './util.js';

const ID = 'cheat-flags';

/** Console commands L4D2 flags FCVAR_CHEAT that plugins run with the strip-run-restore pattern. */
export const CHEAT_COMMANDS = new Set([
  'give', 'z_spawn', 'z_spawn_old', 'director_force_panic_event', 'warp_all_survivors_to_checkpoint',
  'ent_fire', 'dismount', 'sb_takecontrol',
]);

/** Argument index of the command string for each runner. */
const RUNNERS: Record<string, number> = { FakeClientCommand: 1, FakeClientCommandEx: 1, ServerCommand: 0, ServerCommandEx: 0 };

/** A `SetCommandFlags(cmd, ...)` call's command, or '*' when it is not a literal (a helper's variable). */
function flagsTarget(call: Node): string {
  return stringValue(argument(call, 0)) ?? '*';
}

function strips(call: Node): boolean {
  const v = argument(call, 1)?.text.replace(/\s+/g, '') ?? '';
  return v.includes('~FCVAR_CHEAT') || v.includes('^FCVAR_CHEAT') || v.includes('~(1<<14)');
}

function check(input: EvalInput): RuleViolation[] {
  const out: RuleViolation[] = [];
  const setFlags = callsNamed(input, 'SetCommandFlags');
  for (const call of callsNamed(input, ...Object.keys(RUNNERS))) {
    const text = stringValue(argument(call.node, RUNNERS[call.name]!));
    const command = text?.trim().split(/\s+/)[0];
    if (!command || !CHEAT_COMMANDS.has(command)) continue;
    const fn = enclosingFunction(call.node);
    const matches = (s: { node: Node }) => ['*', command].includes(flagsTarget(s.node));
    const local = setFlags.filter((s) => fn && enclosingFunction(s.node)?.id === fn.id && matches(s));
    const strippedBefore = local.some((s) => s.node.startIndex < call.node.startIndex && strips(s.node));
    const restoredAfter = local.some((s) => s.node.startIndex > call.node.startIndex);
    // A permanent strip elsewhere (e.g. in OnPluginStart) still lets the command run.
    const strippedElsewhere = setFlags.some((s) => flagsTarget(s.node) === command && strips(s.node));
    if (strippedBefore && !restoredAfter) {
      out.push(violationAt(ID, call.node, `"${command}" runs with FCVAR_CHEAT stripped but the flags are not restored afterwards`));
    } else if (!strippedBefore && !strippedElsewhere) {
      out.push(violationAt(ID, call.node, `"${command}" is a cheat command: strip FCVAR_CHEAT with GetCommandFlags/SetCommandFlags before ${call.name} and restore it after`));
    }
  }
  return out;
}

/** Cheat commands run only with FCVAR_CHEAT stripped and restored. */
export const cheatFlags = {
  id: ID,
  title: 'Cheat commands strip and restore FCVAR_CHEAT',
  rationale: 'Without sv_cheats a cheat-flagged command (give, z_spawn_old, ...) is silently ignored unless its flag is stripped.',
  severity: 'error',
  check,
} satisfies Rule;
