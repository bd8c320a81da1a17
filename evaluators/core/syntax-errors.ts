// Syntax errors of an answer's parse: the ERROR and MISSING nodes tree-sitter left, less the known grammar gaps.
// Shared by the `syntax` check, the static compile check and the run's syntax figures.
import type { Node } from 'web-tree-sitter';
import { memo, type EvalInput } from './types.js';
import type { CodeLocation } from './check.js';
import { conditionContinuations, isKnownGap } from './grammar-gaps.js';

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

