// `api`: every function the code calls exists (its own code, a companion file, or the catalog of SourceMod,
// sdktools, sdkhooks, Left4DHooks and multicolors). Catches invented natives such as L4D2_GetTankCount's cousins.
import * as z from 'zod';
import { analyzeApi } from '../symbols/api-analysis.js';
import type { Evaluator } from '../core/types.js';
import { NO_CODE } from './name-list.js';

const options = z.strictObject({
  /** Extra names accepted as real (e.g. helpers of a third-party include the case allows). */
  allow: z.array(z.string().min(1)).optional(),
  /** How many unknown calls are tolerated. */
  max_unknown: z.number().int().min(0).default(0),
});

/** How many unknown names the reason lists before summarising the rest. */
const REASON_LIMIT = 5;

export const api = {
  kind: 'api',
  description: 'Every called function exists: defined in the answer, in a companion file, or in the SourceMod/L4D2 API catalog.',
  options,
  defaultId: (o) => (o.max_unknown > 0 ? `api:max_unknown=${o.max_unknown}` : 'api'),
  evaluate(input, o) {
    if (!input.tree) return NO_CODE;
    const result = analyzeApi(input, o.allow ? { allow: o.allow } : {});
    const details = {
      total: result.total,
      resolved: result.resolved,
      accuracy: result.total === 0 ? 1 : result.resolved / result.total,
      unknown: result.unknown,
      hints: result.unknown.flatMap((u) => (u.hint ? [`${u.name} does not exist; ${u.hint}`] : [])),
    };
    const count = result.unknown.length;
    if (count === 0) return { status: 'pass', reason: `all ${result.total} API calls resolve`, details };
    const listed = result.unknown.slice(0, REASON_LIMIT).map((u) => `${u.name} (line ${u.line})`);
    const more = count > REASON_LIMIT ? `, and ${count - REASON_LIMIT} more` : '';
    const reason = `${count} unknown API${count === 1 ? '' : 's'}: ${listed.join(', ')}${more}`;
    const locations = result.unknown.map((u) => ({
      line: u.line,
      column: u.column,
      message: u.hint ? `${u.name} does not exist; ${u.hint}` : `${u.name} is declared neither here nor in the API index`,
    }));
    const status = count > o.max_unknown ? 'fail' : 'pass';
    return { status, reason: status === 'pass' ? `${reason} (within max_unknown ${o.max_unknown})` : reason, locations, details };
  },
} satisfies Evaluator<typeof options>;
