// `query`: a tree-sitter S-expression query over the SourcePawn tree matches (or does not match) the code.
import * as z from 'zod';
import type { QueryMatch } from 'web-tree-sitter';
import { compileQuery } from '../core/grammar.js';
import type { Evaluator } from '../core/types.js';
import type { CodeLocation } from '../core/check.js';
import { NO_CODE } from './name-list.js';

const options = z.strictObject({
  query: z.string().min(1),
  expect: z.enum(['match', 'no_match']).default('match'),
  min: z.number().int().min(1).default(1),
  message: z.string().optional(),
});

/** Locations listed for unwanted matches. */
const LOCATION_LIMIT = 20;

/**
 * Checks that a query compiles against the SourcePawn grammar: the error message, or null when it is valid.
 * The grammar must be loaded first (the suite loader awaits loadGrammar()), which is why zod cannot do this.
 */
export function validateQuery(source: string): string | null {
  try {
    // Compiled once: the query the check later runs is this same one (200 cases sharing a query compile it once).
    compileQuery(source);
    return null;
  } catch (err) {
    return `invalid tree-sitter query: ${err instanceof Error ? err.message : String(err)}`;
  }
}

export const query = {
  kind: 'query',
  description: 'A tree-sitter query over the SourcePawn syntax tree matches (or, with expect: no_match, does not).',
  options,
  defaultId: (o) => `query:${o.message ?? o.query.replace(/\s+/g, ' ').slice(0, 40)}`,
  evaluate(input, o) {
    if (!input.tree) return NO_CODE;
    let matches: QueryMatch[];
    try {
      matches = compileQuery(o.query).matches(input.tree.rootNode);
    } catch (err) {
      // A query the loader did not validate is the suite's fault, not the model's: report, do not score.
      return { status: 'error', reason: `invalid tree-sitter query: ${err instanceof Error ? err.message : String(err)}` };
    }
    const locations: CodeLocation[] = matches.slice(0, LOCATION_LIMIT).flatMap((m) => {
      const node = m.captures[0]?.node;
      return node ? [{ line: node.startPosition.row + 1, column: node.startPosition.column + 1, message: 'query match' }] : [];
    });
    const details = { matches: matches.length };
    if (o.expect === 'no_match') {
      if (matches.length === 0) return { status: 'pass', reason: 'query has no match', details };
      const at = locations[0] ? ` (first at line ${locations[0].line})` : '';
      return { status: 'fail', reason: o.message ?? `query matched ${matches.length} time(s)${at}`, locations, details };
    }
    if (matches.length >= o.min) return { status: 'pass', reason: `query matched ${matches.length} time(s)`, details };
    const want = o.min === 1 ? 'no match' : `${matches.length} match(es), expected at least ${o.min}`;
    return { status: 'fail', reason: o.message ?? `query found ${want}`, details };
  },
} satisfies Evaluator<typeof options>;
