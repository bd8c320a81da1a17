// Reads parameter lists and types from tree-sitter nodes into the catalog's ApiParam shape.
import type { Node } from 'web-tree-sitter';
import type { ApiParam } from './types.js';

/** Old-style tags that name a new-style builtin type. */
const OLD_TAGS: Record<string, string> = { Float: 'float', String: 'char', bool: 'bool', _: 'int', any: 'any' };

/** The type of a `type`, `array_type` or `old_type` node as plain text (`int`, `char`, `ArrayList`). */
export function typeText(node: Node | null): string {
  if (!node) return 'int';
  if (node.type === 'array_type') return typeText(node.namedChildren.find((c) => c?.type === 'type') ?? null);
  if (node.type === 'old_type') {
    const tag = node.text.replace(/:$/, '').trim();
    return OLD_TAGS[tag] ?? tag;
  }
  if (node.type === 'old_builtin_type') return OLD_TAGS[node.text] ?? node.text;
  return node.text.replace(/\s+/g, ' ').trim();
}

function dimensionSize(node: Node): number | undefined {
  const n = node.namedChildren.find((c) => c?.type === 'int_literal');
  return n ? Number(n.text) : undefined;
}

/** One parameter_declaration or rest_parameter node. */
export function readParam(node: Node): ApiParam {
  const typeNode = node.childForFieldName('type');
  if (node.type === 'rest_parameter') return { name: '...', type: typeText(typeNode), variadic: true };
  const param: ApiParam = { name: node.childForFieldName('name')?.text ?? '', type: typeText(typeNode) };
  for (const kid of node.children) {
    if (!kid) continue;
    if (kid.type === '&') param.byRef = true;
    else if (kid.type === 'fixed_dimension' || kid.type === 'dimension') {
      param.array = true;
      const size = dimensionSize(kid);
      if (size !== undefined && param.size === undefined) param.size = size;
    }
  }
  if (typeNode?.type === 'array_type') param.array = true;
  const def = node.childForFieldName('defaultValue');
  if (def) param.default = def.text;
  return param;
}

/** The parameters of a `parameter_declarations` node (empty when absent). */
export function readParams(list: Node | null): ApiParam[] {
  if (!list) return [];
  return list.namedChildren.flatMap((n) =>
    n && (n.type === 'parameter_declaration' || n.type === 'rest_parameter') ? [readParam(n)] : [],
  );
}

/** Fewest and most arguments a call may pass (`max` is Infinity with `...`). */
export function arity(params: readonly ApiParam[]): { min: number; max: number } {
  let min = 0;
  let max = 0;
  for (const p of params) {
    if (p.variadic) return { min, max: Infinity };
    max++;
    if (p.default === undefined) min = max;
  }
  return { min, max };
}
