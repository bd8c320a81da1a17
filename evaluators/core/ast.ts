// Shared, memoised facts about a parsed answer: calls, defined functions, includes, string literals.
// Every check that needs them reads them from here, so each answer's tree is walked once.
import type { Node } from 'web-tree-sitter';
import { memo, type EvalInput } from './types.js';

/** One call site: `Name(...)` (receiver null) or `x.Name(...)` (receiver is the text before the dot). */
export interface CallSite {
  name: string;
  receiver: string | null;
  line: number;
  column: number;
  /** Number of arguments at the call site. */
  argCount: number;
  node: Node;
}

/** Yields every named node in document order (iterative: deep trees must not overflow the stack). */
export function* walk(root: Node): Generator<Node> {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    yield node;
    const kids = node.namedChildren;
    for (let i = kids.length - 1; i >= 0; i--) {
      const kid = kids[i];
      if (kid) stack.push(kid);
    }
  }
}

/** The tree's root as one object per input: web-tree-sitter caches child arrays per Node object, so walks
 * that start here reuse the nodes the first walk built instead of marshalling them again. */
export function rootNode(input: EvalInput): Node | null {
  const tree = input.tree;
  if (!tree) return null;
  return memo(input, 'ast:root', () => tree.rootNode);
}

/** Every named node of the main code in document order, with its type (one walk per input). */
export interface NamedNodes {
  nodes: Node[];
  types: string[];
}

/** Walks the tree once for the input (memoised); later walks, field lookups and nodesOfType reuse its nodes. */
export function namedNodes(input: EvalInput): NamedNodes {
  return memo(input, 'ast:named', () => {
    const out: NamedNodes = { nodes: [], types: [] };
    const root = rootNode(input);
    if (!root) return out;
    for (const n of walk(root)) {
      out.nodes.push(n);
      out.types.push(n.type);
    }
    return out;
  });
}

/** All nodes of the given types (memoised per input and type list; every list filters the same single walk). */
export function nodesOfType(input: EvalInput, ...types: string[]): Node[] {
  return memo(input, `nodes:${types.join(',')}`, () => {
    const { nodes, types: typeOf } = namedNodes(input);
    const out: Node[] = [];
    if (types.length === 1) {
      const only = types[0];
      for (let i = 0; i < nodes.length; i++) if (typeOf[i] === only) out.push(nodes[i]!);
      return out;
    }
    const wanted = new Set(types);
    for (let i = 0; i < nodes.length; i++) if (wanted.has(typeOf[i]!)) out.push(nodes[i]!);
    return out;
  });
}

/** Every call site in the main code. */
export function callSites(input: EvalInput): CallSite[] {
  return memo(input, 'calls', () =>
    nodesOfType(input, 'call_expression').flatMap((node): CallSite[] => {
      const fn = node.childForFieldName('function');
      if (!fn) return [];
      const args = node.childForFieldName('arguments');
      const argCount = args ? args.namedChildren.filter((a) => a && a.type !== 'comment').length : 0;
      const at = { line: node.startPosition.row + 1, column: node.startPosition.column + 1, argCount, node };
      if (fn.type === 'field_access') {
        const field = fn.childForFieldName('field');
        const target = fn.childForFieldName('target');
        return field ? [{ name: field.text, receiver: target?.text ?? null, ...at }] : [];
      }
      return [{ name: fn.text, receiver: null, ...at }];
    }),
  );
}

/** Names of functions defined with a body (public/stock/static/plain, old or new style). */
export function definedFunctions(input: EvalInput): Map<string, Node> {
  return memo(input, 'definedFunctions', () => {
    const out = new Map<string, Node>();
    for (const n of nodesOfType(input, 'function_definition', 'alias_declaration')) {
      const name = n.childForFieldName('name')?.text;
      if (name && !out.has(name)) out.set(name, n);
    }
    return out;
  });
}

/** Include names as written, without quotes/brackets and without `.inc` (e.g. `sourcemod`, `left4dhooks`). */
export function includeNames(input: EvalInput): string[] {
  return memo(input, 'includes', () =>
    nodesOfType(input, 'preproc_include', 'preproc_tryinclude').flatMap((n) => {
      const path = n.childForFieldName('path');
      if (!path) return [];
      return [path.text.replace(/^[<"]|[>"]$/g, '').replace(/\.inc$/i, '')];
    }),
  );
}

/** The value of a string literal node ("abc" → abc, escapes kept as written), or null for other nodes. */
export function stringValue(node: Node | null | undefined): string | null {
  if (!node || node.type !== 'string_literal') return null;
  return node.text.slice(1, -1);
}

/** The nth argument node of a call (skipping comments), or null. */
export function argument(call: Node, index: number): Node | null {
  const args = call.childForFieldName('arguments');
  if (!args) return null;
  return args.namedChildren.filter((a) => a && a.type !== 'comment')[index] ?? null;
}

/** A field's child as the object listed in `node.namedChildren`, whose own child arrays web-tree-sitter caches
 * (childForFieldName builds a fresh Node every call); anonymous or unlisted children come back as they are. */
export function cachedField(node: Node, field: string): Node | null {
  const child = node.childForFieldName(field);
  if (!child) return null;
  for (const k of node.namedChildren) if (k && k.id === child.id) return k;
  return child;
}

/** String literals passed as the first argument of plain calls to any of `functions` (memoised per list). */
export function literalFirstArguments(input: EvalInput, functions: ReadonlySet<string>): Set<string> {
  return memo(input, `literalFirstArguments:${[...functions].join(',')}`, () => {
    const out = new Set<string>();
    for (const call of callSites(input)) {
      if (call.receiver !== null || !functions.has(call.name)) continue;
      const value = stringValue(argument(call.node, 0));
      if (value !== null) out.add(value);
    }
    return out;
  });
}

/** The type a declarator gives its variable when it is a plain type name and the variable is no array. */
export function plainType(typeNode: Node | null, declarator: Node): string | undefined {
  if (!typeNode || typeNode.type !== 'type') return undefined;
  const keep = new Set([declarator.childForFieldName('name')?.id, declarator.childForFieldName('initialValue')?.id, declarator.childForFieldName('defaultValue')?.id, typeNode.id]);
  // Dimensions (`[3]`, `[]`) are further named children of the declarator.
  if (declarator.namedChildren.some((k) => k && !keep.has(k.id) && k.type !== 'comment' && k.type !== 'variable_storage_class')) return undefined;
  return typeNode.text;
}

/**
 * The grammar reads a new-style declaration split after its type (`ConVar\n\tg_hCvar = null;`, or
 * `public APLRes\n\tAskPluginLoad2(...)`, both common in real plugins) as an old-style global of that bare name
 * followed by an old-style declaration or an untyped function. For the second node, the type the line before gives
 * it; undefined for every other node.
 */
export function splitDeclarationType(node: Node): string | undefined {
  if (node.type === 'old_global_variable_declaration') {
    if (/^(new|decl)\b/.test(node.text) || isDanglingType(node)) return undefined;
  } else if (node.type !== 'function_definition' || node.childForFieldName('returnType')) return undefined;
  let prev = node.previousNamedSibling;
  while (prev?.type === 'comment') prev = prev.previousNamedSibling;
  return prev && isDanglingType(prev) ? prev.text.trim().split(/\s+/).pop() : undefined;
}

/** The bare type of a split declaration: `ConVar` or `public APLRes` on a line of its own at the top level. */
export function isDanglingType(node: Node): boolean {
  return node.type === 'old_global_variable_declaration' && /^((public|static|stock|const)\s+)*[A-Za-z_]\w*$/.test(node.text.trim());
}
