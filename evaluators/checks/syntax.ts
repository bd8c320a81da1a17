// `syntax`: the extracted code parses with tree-sitter-sourcepawn without ERROR or MISSING nodes.
import * as z from 'zod';
import type { Evaluator } from '../core/types.js';
import { syntaxErrors } from '../core/syntax-errors.js';
import { NO_CODE } from './name-list.js';


const options = z.strictObject({});
/** Errors listed in the one-line reason; all of them stay in `locations`. */
const REASON_LIMIT = 5;

export const syntax = {
  kind: 'syntax',
  description: 'The code parses as SourcePawn (tree-sitter-sourcepawn) without syntax errors.',
  options,
  // Both parameters are declared so callers can treat every registry entry alike.
  defaultId: (_options) => 'syntax',
  evaluate(input, _options) {
    if (!input.tree) return NO_CODE;
    const errors = syntaxErrors(input);
    if (errors.length === 0) return { status: 'pass', reason: 'code parses without syntax errors' };
    const listed = errors.slice(0, REASON_LIMIT).map((e) => `line ${e.line} col ${e.column} ${e.message}`);
    if (errors.length > REASON_LIMIT) listed.push(`and ${errors.length - REASON_LIMIT} more`);
    const noun = errors.length === 1 ? 'syntax error' : 'syntax errors';
    return { status: 'fail', reason: `${errors.length} ${noun}: ${listed.join('; ')}`, locations: errors };
  },
} satisfies Evaluator<typeof options>;
