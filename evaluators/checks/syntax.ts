// `syntax`: the extracted code parses with tree-sitter-sourcepawn without ERROR or MISSING nodes.
import { z } from 'zod';
import type { Node } from 'web-tree-sitter';
import { memo, type EvalInput, type Evaluator } from '../types.js';
import type { CodeLocation } from '../../src/types/check.js';
import { NO_CODE } from './name-list.js';
import { conditionContinuations, isKnownGap } from '../grammar-gaps.js';

const options = z.strictObject({});
/** Errors listed in the one-line reason; all of them stay in `locations`. */
const REASON_LIMIT = 5;

function snippet(node: Node): string {
  const first = node.childCount > 0 ? node.child(0) : node;
  const text = (first?.text ?? node.text).split('\n')[0] ?? '';
  return text.length > 30 ? `${text.slice(0, 30)}…` : text;
}

function describe(node: Node): string {
  if (node.isMissing) return `missing ${JSON.stringify(node.type)}`;
  return node.endIndex > node.startIndex ? `unexpected ${JSON.stringify(snippet(node))}` : 'unexpected end of input';
}

/** ERROR and MISSING nodes of the main code (1-based positions), or [] when there is no code. Memoised. */
export function syntaxErrors(input: EvalInput): CodeLocation[] {
  return memo(input, 'syntaxErrors', () => {
    if (!input.tree) return [];
    const out: CodeLocation[] = [];
    const continuations = conditionContinuations(input.code.main);
    const stack: Node[] = [input.tree.rootNode];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (node.isError || node.isMissing) {
        if (isKnownGap(node, continuations)) continue;
        // Errors nested inside an ERROR node repeat the same problem: report the outermost only.
        out.push({ line: node.startPosition.row + 1, column: node.startPosition.column + 1, message: describe(node) });
        continue;
      }
      // Only subtrees that contain an error are worth descending into; MISSING nodes may be anonymous.
      if (!node.hasError) continue;
      for (let i = node.childCount - 1; i >= 0; i--) {
        const kid = node.child(i);
        if (kid) stack.push(kid);
      }
    }
    return out;
  });
}

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
