// `compiles`: the answer compiles (spcomp when available, else the static check), optionally within a warning budget.
// A compiler problem (crash, timeout, missing binary) is the check's `error`, never the model's failure.
import * as z from 'zod';
import type { CheckOutcome } from '../core/check.js';
import { compileInput } from '../compile/compile.js';
import { formatDiagnostic } from '../compile/diagnostics.js';
import { ANSWER_FILE, type CompileResult } from '../compile/types.js';
import type { Evaluator } from '../core/types.js';
import { NO_CODE } from './name-list.js';

const options = z.strictObject({
  /** Warnings tolerated (default: any number). */
  max_warnings: z.number().int().min(0).optional(),
  /** Shorthand for max_warnings: 0. */
  no_warnings: z.boolean().optional(),
  /** auto: spcomp when found, else the static check. */
  mode: z.enum(['auto', 'spcomp', 'static']).default('auto'),
});

/** How many diagnostics the reason quotes. */
const REASON_LIMIT = 3;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function outcome(result: CompileResult, maxWarnings: number | undefined): CheckOutcome {
  const details = { compile: result };
  // Only diagnostics in the main code have lines the other checks' locations refer to.
  const locations = result.diagnostics
    .filter((d) => d.file === ANSWER_FILE && d.line !== null)
    .map((d) => ({ line: d.line as number, column: d.column ?? 1, message: formatDiagnostic(d).replace(/^[^ ]+ /, '') }));
  const by = `${result.mode}${result.version ? ` ${result.version}` : ''}`;
  if (result.problem) return { status: 'error', reason: `compiler problem (${result.mode}): ${result.problem}`, details };
  const counts = `${plural(result.errors, 'error')}, ${plural(result.warnings, 'warning')}`;
  if (!result.ok) {
    const first = result.diagnostics.filter((d) => d.severity !== 'warning').slice(0, REASON_LIMIT).map((d) => formatDiagnostic(d));
    return { status: 'fail', reason: `does not compile (${by}): ${counts}${first.length ? `; ${first.join('; ')}` : ''}`, locations, details };
  }
  if (maxWarnings !== undefined && result.warnings > maxWarnings) {
    return { status: 'fail', reason: `compiles (${by}) with ${plural(result.warnings, 'warning')}, over the limit of ${maxWarnings}`, locations, details };
  }
  return { status: 'pass', reason: `compiles (${by}): ${counts}`, locations, details };
}

export const compiles = {
  kind: 'compiles',
  description: 'The code compiles: spcomp when available (SPCOMP, PATH or config), else the static compile check; optional warning budget.',
  options,
  defaultId: (o) => {
    const parts = [o.mode !== 'auto' ? `mode=${o.mode}` : '', o.no_warnings ? 'no_warnings' : '', o.max_warnings !== undefined ? `max_warnings=${o.max_warnings}` : ''].filter(Boolean);
    return parts.length ? `compiles:${parts.join(',')}` : 'compiles';
  },
  async evaluate(input, o) {
    const pending = compileInput(input, o.mode);
    if (!pending) return NO_CODE;
    const maxWarnings = o.no_warnings ? 0 : o.max_warnings;
    return outcome(await pending, maxWarnings === undefined ? undefined : Math.min(maxWarnings, o.max_warnings ?? maxWarnings));
  },
} satisfies Evaluator<typeof options>;
