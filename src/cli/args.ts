// Parses a command's flags strictly from the table; unknown flags are usage errors with a suggestion.
import { parseArgs } from 'node:util';
import { didYouMean, UsageError } from '../core/errors.js';
import { commands, flags, type CommandName, type FlagName } from './flags.js';

export type ParsedFlags = Partial<Record<FlagName, string | boolean>>;

/** Parses argv for one command. */
export function parseCommandArgs(command: CommandName, argv: string[]): { values: ParsedFlags; positionals: string[] } {
  const allowed = [...commands[command].flags, 'help'] as FlagName[];
  const options = Object.fromEntries(
    allowed.map((name) => {
      const f = flags[name];
      return [name, { type: f.type, ...('short' in f ? { short: f.short } : {}) }];
    }),
  );
  // A negative number after a flag that takes a value is that value (`--max-cost -1`), not an unknown option, so the
  // flag's own check can say what is wrong with it.
  const args = argv.flatMap((a, i) => (/^-\d/.test(a) && i > 0 && isValueFlag(argv[i - 1]!, allowed) ? [] : /^--[a-z-]+$/.test(a) && isValueFlag(a, allowed) && /^-\d/.test(argv[i + 1] ?? '') ? [`${a}=${argv[i + 1]}`] : [a]));
  try {
    const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { values: values as ParsedFlags, positionals };
  } catch (err) {
    const m = /Unknown option '(-{1,2})([^']+)'/.exec((err as Error).message);
    if (m) throw new UsageError(`unknown option ${m[1]}${m[2]} for "${command}"${didYouMean(m[2] ?? '', allowed)}`, `run \`l4d2-eval ${command} --help\``);
    throw new UsageError((err as Error).message.split('\n')[0] ?? 'bad arguments', `run \`l4d2-eval ${command} --help\``);
  }
}

/** True for `--name` of a flag (allowed here) that takes a value. */
function isValueFlag(arg: string, allowed: readonly FlagName[]): boolean {
  const name = arg.startsWith('--') ? (arg.slice(2) as FlagName) : undefined;
  return name !== undefined && allowed.includes(name) && flags[name].type === 'string';
}

/** ` --config FILE` when the command was given one, for hints that print a command to run next. */
export function configArg(values: ParsedFlags): string {
  return typeof values.config === 'string' ? ` --config ${values.config}` : '';
}

/** A comma-separated flag as a list (empty entries dropped). */
export function listFlag(value: string | boolean | undefined): string[] | undefined {
  if (typeof value !== 'string') return undefined;
  return value.split(',').map((s) => s.trim()).filter(Boolean);
}

/** A positive integer flag. */
export function intFlag(name: string, value: string | boolean | undefined): number | undefined {
  if (typeof value !== 'string') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${name} must be a positive integer, got "${value}"`);
  return n;
}

/** A count flag that may be 0 (e.g. --allow-errors 0). */
export function countFlag(name: string, value: string | boolean | undefined): number | undefined {
  if (typeof value !== 'string') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--${name} must be a whole number (0 or more), got "${value}"`);
  return n;
}
