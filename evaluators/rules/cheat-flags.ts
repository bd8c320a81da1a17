import type { Node } from 'web-tree-sitter';
import { argument, stringValue } from '../core/ast.js';
import type { EvalInput } from '../core/types.js';
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

const FCVAR_CHEAT = 1 << 14;

/** The value of a constant integer expression (`-16385`, `~(1<<14)`, `0xFFFFBFFF`, `~FCVAR_CHEAT`), or null. */
function constValue(node: Node | null): number | null {
  if (!node) return null;
  switch (node.type) {
    case 'int_literal':
      return /^(0x[0-9a-f]+|\d+)$/i.test(node.text) ? Number(node.text) | 0 : null;
    case 'identifier':
      return node.text === 'FCVAR_CHEAT' ? FCVAR_CHEAT : null;
    case 'parenthesized_expression':
      return constValue(node.childForFieldName('expression') ?? node.namedChildren[0] ?? null);
    case 'unary_expression': {
      const v = constValue(node.childForFieldName('argument'));
      const op = node.child(0)?.text;
      return v === null ? null : op === '-' ? -v | 0 : op === '~' ? ~v : null;
    }
    case 'binary_expression': {
      const l = constValue(node.childForFieldName('left'));
      const r = constValue(node.childForFieldName('right'));
      if (l === null || r === null) return null;
      const op = node.childForFieldName('operator')?.text;
      return op === '<<' ? l << r : op === '|' ? l | r : op === '&' ? l & r : null;
    }
    default:
      return null;
  }
}

/** True when `SetCommandFlags(cmd, ...)` clears FCVAR_CHEAT: `f & ~FCVAR_CHEAT`, `f ^ FCVAR_CHEAT`, `f & -16385`. */
function strips(call: Node): boolean {
  const arg = argument(call, 1);
  const v = arg?.text.replace(/\s+/g, '') ?? '';
  if (v.includes('~FCVAR_CHEAT') || v.includes('^FCVAR_CHEAT') || v.includes('~(1<<14)')) return true;
  // A numeric mask with bit 14 clear, and-ed with the flags (a variable or GetCommandFlags(...)).
  if (arg?.type !== 'binary_expression' || arg.childForFieldName('operator')?.text !== '&') return false;
  const sides = [arg.childForFieldName('left'), arg.childForFieldName('right')].map(constValue);
  return sides.some((s) => s === null) && sides.some((s) => s !== null && (s & FCVAR_CHEAT) === 0);
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
