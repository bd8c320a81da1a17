// `regex`: a JavaScript regular expression matches the extracted code (or the whole answer).
// Also holds what `not_regex` shares with it: the option schema and the matching itself.
import * as z from 'zod';
import type { EvalInput, Evaluator } from '../core/types.js';
import { NO_CODE } from './name-list.js';

/** Text beyond this is not searched: keeps a pathological pattern from stalling a run on a huge answer. */
export const MAX_MATCH_CHARS = 1_000_000;

/** Options of `regex` and `not_regex`; the pattern is compiled while parsing so a bad one is a suite error. */
export const regexOptions = z
  .strictObject({
    pattern: z.string().min(1),
    flags: z.string().optional(),
    on: z.enum(['code', 'answer']).default('code'),
  })
  .superRefine((value, ctx) => {
    try {
      new RegExp(value.pattern, value.flags);
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      ctx.addIssue({ code: 'custom', path: ['pattern'], message: `invalid regular expression: ${why}` });
    }
  });

/** Parsed options of `regex` and `not_regex`. */
export type RegexOptions = z.output<typeof regexOptions>;

/** Where a pattern matched: 1-based line and column in the searched text, and the matched text. */
export interface RegexHit {
  line: number;
  column: number;
  text: string;
}

/** Searches the code or answer; null when there is no code to search (on: code). */
export function findMatch(input: EvalInput, options: RegexOptions): { hit: RegexHit | undefined } | null {
  const text = options.on === 'answer' ? input.answer : input.code.main;
  if (options.on === 'code' && (!input.tree || text === '')) return null;
  const searched = text.slice(0, MAX_MATCH_CHARS);
  // `g`/`y` make exec stateful; a fresh RegExp per call keeps evaluate pure.
  const match = new RegExp(options.pattern, options.flags).exec(searched);
  if (!match) return { hit: undefined };
  const before = searched.slice(0, match.index);
  const line = before.split('\n').length;
  const column = match.index - (before.lastIndexOf('\n') + 1) + 1;
  return { hit: { line, column, text: match[0] } };
}

/** Default id shared by both kinds, e.g. `regex:GetClientOfUserId\(`. */
export function regexId(kind: string, options: RegexOptions): string {
  const p = options.pattern.length > 40 ? `${options.pattern.slice(0, 40)}…` : options.pattern;
  return `${kind}:${p}`;
}

export const regex = {
  kind: 'regex',
  description: 'A regular expression matches the code (or the whole answer with on: answer).',
  options: regexOptions,
  defaultId: (options) => regexId('regex', options),
  evaluate(input, options) {
    const found = findMatch(input, options);
    if (!found) return NO_CODE;
    const where = options.on === 'answer' ? 'answer' : 'code';
    if (!found.hit) return { status: 'fail', reason: `/${options.pattern}/ does not match the ${where}` };
    return {
      status: 'pass',
      reason: `/${options.pattern}/ matches the ${where} at line ${found.hit.line}`,
      details: { match: found.hit.text.slice(0, 200), line: found.hit.line },
    };
  },
} satisfies Evaluator<typeof regexOptions>;
