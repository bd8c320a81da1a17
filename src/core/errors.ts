// The few error classes a user can meet. Each has a stable code and a message that says how to fix it.
// Exit codes: 0 ok, 1 gate failed, 2 usage/config/input error. Unknown errors are re-thrown, never swallowed.
import { closest } from './text.js';

/** One problem found in an input file, with where it is. */
export interface Problem {
  file: string;
  line?: number;
  /** YAML path like `cases[3].checks[1]`. */
  path?: string;
  message: string;
}

/** Formats a problem as `file:line path: message`. */
export function formatProblem(p: Problem): string {
  const where = p.line ? `${p.file}:${p.line}` : p.file;
  return p.path ? `${where} ${p.path}: ${p.message}` : `${where}: ${p.message}`;
}

/** Base class: a mistake in how the tool was called or what it was given (exit 2). */
export class UserError extends Error {
  readonly exitCode = 2;
  constructor(
    readonly code: string,
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

/** A suite or config file with one or more problems; all of them are listed. */
export class ValidationError extends UserError {
  constructor(
    readonly problems: Problem[],
    what: string,
  ) {
    super('E_INVALID', `${what}: ${problems.length} problem${problems.length === 1 ? '' : 's'}\n${problems.map((p) => '  ' + formatProblem(p)).join('\n')}`);
    this.name = 'ValidationError';
  }
}

/** Bad command-line usage (unknown flag, missing value). */
export class UsageError extends UserError {
  constructor(message: string, hint = 'run `l4d2-eval --help` for the list of commands and flags') {
    super('E_USAGE', message, hint);
    this.name = 'UsageError';
  }
}

/** " (did you mean "x"?)" or "". */
export function didYouMean(name: string, known: readonly string[]): string {
  const c = closest(name, known);
  return c ? ` (did you mean "${c}"?)` : '';
}
