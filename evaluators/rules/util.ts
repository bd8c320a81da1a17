// Small tree helpers shared by several rules (rule-specific logic stays in each rule file).
import type { Node } from 'web-tree-sitter';
import { argument, callSites, definedFunctions, nodesOfType, type CallSite } from '../core/ast.js';
import { memo, type EvalInput } from '../core/types.js';
import type { RuleViolation } from './types.js';

/** A violation at a node's start. */
export function violationAt(rule: string, node: Node, message: string): RuleViolation {
  return { rule, line: node.startPosition.row + 1, column: node.startPosition.column + 1, message };
}

/** The function definition that contains a node, or null at file level. */
export function enclosingFunction(node: Node): Node | null {
  for (let n = node.parent; n; n = n.parent) if (n.type === 'function_definition') return n;
  return null;
}

/** True when `inner` lies inside `outer` (or is it). */
export function contains(outer: Node, inner: Node): boolean {
  return inner.startIndex >= outer.startIndex && inner.endIndex <= outer.endIndex;
}

/** Call sites (plain calls, no receiver) with one of the names. */
export function callsNamed(input: EvalInput, ...names: string[]): CallSite[] {
  const wanted = new Set(names);
  return callSites(input).filter((c) => c.receiver === null && wanted.has(c.name));
}

/** Plain identifier text of a call's nth argument, or null when it is not a bare identifier. */
export function identArg(call: Node, index: number): string | null {
  const arg = argument(call, index);
  return arg && arg.type === 'identifier' ? arg.text : null;
}

/** Splits an identifier into lower-case words: `ZC_TANK` → zc,tank; `IsClientTank` → is,client,tank. */
export function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== '')
    .map((w) => w.toLowerCase());
}

/** Parameter names of a function definition, in order. */
export function parameterNames(fn: Node): string[] {
  const params = fn.childForFieldName('parameters');
  if (!params) return [];
  return params.namedChildren
    .filter((p): p is Node => p !== null && p.type === 'parameter_declaration')
    .map((p) => p.childForFieldName('name')?.text ?? '');
}

/** Name of a function's return type as written (`Action`, `void`, `int`), or null when untyped. */
export function returnTypeName(fn: Node): string | null {
  const t = fn.childForFieldName('returnType');
  return t ? t.text.replace(/:$/, '').trim() : null;
}

/** Functions referenced as the callback argument (by position) of the named registration calls. */
export function callbackFunctions(input: EvalInput, register: string[], argIndex: number): Map<string, { fn: Node; calls: CallSite[] }> {
  return memo(input, `rules:callbacks:${register.join(',')}:${argIndex}`, () => {
    const defined = definedFunctions(input);
    const out = new Map<string, { fn: Node; calls: CallSite[] }>();
    for (const call of callsNamed(input, ...register)) {
      const name = identArg(call.node, argIndex);
      const fn = name ? defined.get(name) : undefined;
      if (!name || !fn || fn.type !== 'function_definition') continue;
      const entry = out.get(name) ?? { fn, calls: [] };
      entry.calls.push(call);
      out.set(name, entry);
    }
    return out;
  });
}

/** Every function definition with a body. */
export function functionDefinitions(input: EvalInput): Node[] {
  return nodesOfType(input, 'function_definition');
}

/** The integer value of an int literal node (decimal or hex), or null. */
export function intValue(node: Node | null | undefined): number | null {
  if (!node) return null;
  const text = node.type === 'parenthesized_expression' ? node.text.slice(1, -1).trim() : node.text.trim();
  if (!/^(0x[0-9a-f]+|\d+)$/i.test(text)) return null;
  return Number(text);
}

/** True when the tree has parse errors inside this node (rules then stay silent to avoid guesses). */
export function hasErrors(node: Node): boolean {
  return node.hasError;
}
