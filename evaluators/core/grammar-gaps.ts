// Constructs spcomp 1.12 accepts that tree-sitter-sourcepawn 0.8 parses with an ERROR or MISSING node. Each was
// found on real plugins that compile (bench/agreement.ts) and is recognised here, so the syntax check and the static
// compile check do not report them; the README lists them under "Known grammar gaps".
import type { Node } from 'web-tree-sitter';

/** 1-based lines that continue a `#if`/`#elseif` condition (a line after it starting with `||` or `&&`): spcomp
 * reads the condition on, the grammar does not. */
export function conditionContinuations(source: string): Set<number> {
  const out = new Set<number>();
  const rows = source.split('\n');
  for (let i = 0; i < rows.length; i++) {
    if (!/^\s*#\s*(if|elseif)\b/.test(rows[i]!)) continue;
    for (let j = i + 1; j < rows.length && /^\s*(\|\||&&)/.test(rows[j]!); j++) out.add(j + 1);
  }
  return out;
}

/** Whether an ERROR or MISSING node is one of the known gaps. `continuations` from conditionContinuations(). */
export function isKnownGap(node: Node, continuations: ReadonlySet<number>): boolean {
  // `= {}`: an empty initializer (an array or enum struct default), which the grammar wants an element in.
  if (node.isMissing && node.parent?.type === 'array_literal' && /^\{\s*\}$/.test(node.parent.text)) return true;
  // `{ RGBA(1, 2), ... }`: a call (often a macro) as an array element is read as an old-style cast missing its `:`.
  if (node.isMissing && node.type === ':' && node.parent?.type === 'old_type' && node.parent.parent?.type === 'old_type_cast' && node.parent.parent.parent?.type === 'array_literal') return true;
  return continuations.has(node.startPosition.row + 1);
}
