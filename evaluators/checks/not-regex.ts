// `not_regex`: a JavaScript regular expression must NOT match the code (or the whole answer).
import type { Evaluator } from '../core/types.js';
import { NO_CODE } from './name-list.js';
import { findMatch, regexId, regexOptions } from './regex.js';

export const not_regex = {
  kind: 'not_regex',
  description: 'A regular expression does not match the code (or the whole answer with on: answer).',
  options: regexOptions,
  defaultId: (options) => regexId('not_regex', options),
  evaluate(input, options) {
    // No code fails rather than passes: an answer without code must not earn "avoids X" points.
    const found = findMatch(input, options);
    if (!found) return NO_CODE;
    const where = options.on === 'answer' ? 'answer' : 'code';
    if (!found.hit) return { status: 'pass', reason: `/${options.pattern}/ does not match the ${where}` };
    const { line, column, text } = found.hit;
    const shown = text.length > 60 ? `${text.slice(0, 60)}…` : text;
    const message = `matched ${JSON.stringify(shown)}`;
    return {
      status: 'fail',
      reason: `/${options.pattern}/ matches the ${where} at line ${line}: ${JSON.stringify(shown)}`,
      // Locations are positions in the extracted code, so answer matches carry the line in details only.
      ...(options.on === 'code' ? { locations: [{ line, column, message }] } : {}),
      details: { match: text.slice(0, 200), line, column },
    };
  },
} satisfies Evaluator<typeof regexOptions>;
