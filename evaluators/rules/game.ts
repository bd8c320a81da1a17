// Which game a piece of code runs for: plugins written for both L4D1 and L4D2 keep L4D1 numbers on the
// L4D1 side of a game check (`if (g_bLeft4Dead2) ... else ...`, `GetEngineVersion() == Engine_Left4Dead`).
import type { Node } from 'web-tree-sitter';
import { argument, nodesOfType } from '../core/ast.js';
import { memo, type EvalInput } from '../core/types.js';

type Game = 'l4d1' | 'l4d2';

function unwrap(node: Node | null): Node | null {
  while (node?.type === 'parenthesized_expression') node = node.childForFieldName('expression') ?? node.namedChildren[0] ?? null;
  return node;
}

/** The game an identifier names when true (`g_bLeft4Dead2`, `g_bIsL4D1`), or null. */
function gameOfName(name: string): Game | null {
  const n = name.toLowerCase();
  if (/l4d1|left4dead1/.test(n)) return 'l4d1';
  if (/l4d2|left4dead2/.test(n)) return 'l4d2';
  return null;
}

/** The game an atom of a condition is true for: a bool (`g_bL4D2`), a game call (`L4D_IsEngineLeft4Dead()`). */
function atomGame(node: Node): Game | null {
  if (node.type === 'identifier') return gameOfName(node.text);
  if (node.type === 'call_expression') {
    const fn = node.childForFieldName('function')?.text ?? '';
    if (argument(node, 0)) return null; // game checks take no arguments
    if (fn === 'L4D_IsEngineLeft4Dead') return 'l4d1'; // Left4DHooks: true in L4D1 only
    const rest = fn.replace(/^L4D\d?_/i, ''); // not L4D2_IsTankInPlay: only the part after the prefix counts
    return /^Is/.test(rest) ? gameOfName(rest) : null;
  }
  return null;
}

/** `GetEngineVersion() == Engine_Left4Dead` (and `!=`): the game the comparison is true for, and whether negated. */
function engineComparison(node: Node): { game: Game; negated: boolean } | null {
  if (node.type !== 'binary_expression') return null;
  const op = node.childForFieldName('operator')?.text;
  if (op !== '==' && op !== '!=') return null;
  const sides = [node.childForFieldName('left')?.text, node.childForFieldName('right')?.text];
  const game = sides.includes('Engine_Left4Dead') ? 'l4d1' : sides.includes('Engine_Left4Dead2') ? 'l4d2' : null;
  return game ? { game, negated: op === '!=' } : null;
}

/** True when `cond` evaluating to `value` means the game is L4D1 (only L4D1 and L4D2 are considered). */
export function impliesL4D1(cond: Node | null, value: boolean): boolean {
  const node = unwrap(cond);
  if (!node) return false;
  if (node.type === 'unary_expression' && node.child(0)?.text === '!') return impliesL4D1(node.childForFieldName('argument'), !value);
  if (node.type === 'binary_expression') {
    const op = node.childForFieldName('operator')?.text;
    const l = node.childForFieldName('left');
    const r = node.childForFieldName('right');
    // `a && b` true: both hold; false: one fails. `a || b` true: one holds; false: both fail.
    if (op === '&&') return value ? impliesL4D1(l, true) || impliesL4D1(r, true) : impliesL4D1(l, false) && impliesL4D1(r, false);
    if (op === '||') return value ? impliesL4D1(l, true) && impliesL4D1(r, true) : impliesL4D1(l, false) || impliesL4D1(r, false);
    const engine = engineComparison(node);
    if (!engine) return false;
    return (engine.game === 'l4d1') === (value !== engine.negated);
  }
  const game = atomGame(node);
  return game !== null && (game === 'l4d1') === value;
}

/** True when a statement never lets control reach the next one (`return ...;` or a block ending in one). */
function leaves(stmt: Node | null): boolean {
  if (!stmt) return false;
  if (stmt.type === 'return_statement') return true;
  if (stmt.type === 'block') {
    const kids = stmt.namedChildren.filter((k) => k && k.type !== 'comment');
    return leaves(kids[kids.length - 1] ?? null);
  }
  return false;
}

/** True when a node only runs (or only matters) when the game is L4D1: it sits on the L4D1 side of a game check. */
export function onL4D1Side(node: Node): boolean {
  for (let child: Node = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (parent.type === 'function_definition') break;
    const is = (field: string) => parent!.childForFieldName(field)?.id === child.id;
    if (parent.type === 'condition_statement') {
      const cond = parent.childForFieldName('condition');
      if (is('truePath') && impliesL4D1(cond, true)) return true;
      if (is('falsePath') && impliesL4D1(cond, false)) return true;
    } else if (parent.type === 'ternary_expression') {
      const cond = parent.childForFieldName('condition');
      if (is('consequence') && impliesL4D1(cond, true)) return true;
      if (is('alternative') && impliesL4D1(cond, false)) return true;
    } else if (parent.type === 'binary_expression' && parent.childForFieldName('operator')?.text === '&&') {
      // `g_bIsL4D1 && class == 5`: the comparison only decides anything in L4D1.
      const other = is('left') ? parent.childForFieldName('right') : parent.childForFieldName('left');
      if (impliesL4D1(other, true)) return true;
    } else if (parent.type === 'switch_case') {
      const values = parent.childrenForFieldName('value').filter((v): v is Node => v !== null);
      if (values.length > 0 && values.every((v) => v.text === 'Engine_Left4Dead')) return true;
    } else if (parent.type === 'block') {
      // `if (g_bL4D2) return class == 8;` earlier in the block: what follows runs only in L4D1.
      for (let prev = child.previousNamedSibling; prev; prev = prev.previousNamedSibling) {
        if (prev.type !== 'condition_statement' || prev.childForFieldName('falsePath')) continue;
        if (leaves(prev.childForFieldName('truePath')) && impliesL4D1(prev.childForFieldName('condition'), false)) return true;
      }
    }
  }
  return false;
}

function stops(stmt: Node | null): boolean {
  if (!stmt) return false;
  const calls = stmt.descendantsOfType('call_expression').map((c) => c?.childForFieldName('function')?.text);
  return calls.includes('SetFailState') || /\bAPLRes_(Silent)?Failure\b/.test(stmt.text);
}

/** True when the plugin refuses to load outside L4D1 (`if (GetEngineVersion() != Engine_Left4Dead) SetFailState(...)`). */
export function l4d1OnlyPlugin(input: EvalInput): boolean {
  return memo(input, 'rules:l4d1Only', () =>
    nodesOfType(input, 'condition_statement').some(
      (c) => impliesL4D1(c.childForFieldName('condition'), false) && stops(c.childForFieldName('truePath')),
    ),
  );
}
