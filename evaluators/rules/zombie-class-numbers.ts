import type { Node } from 'web-tree-sitter';
import { argument, nodesOfType, stringValue } from '../ast.js';
import type { EvalInput } from '../types.js';
import { namedConstants } from './constants.js';
import type { Rule, RuleViolation } from './types.js';
import { enclosingFunction, intValue, violationAt, words } from './util.js';

const ID = 'zombie-class-numbers';

/** L4D2 m_zombieClass values. */
export const ZOMBIE_CLASSES: Readonly<Record<string, number>> = {
  smoker: 1, boomer: 2, hunter: 3, spitter: 4, jockey: 5, charger: 6, witch: 7, tank: 8,
};
const NAME_OF = Object.fromEntries(Object.entries(ZOMBIE_CLASSES).map(([k, v]) => [v, k[0]!.toUpperCase() + k.slice(1)]));
const CLASS_MARKERS = new Set(['zc', 'z', 'class', 'zombieclass', 'zombie', 'si', 'infected', 'type']);
// Name parts that may accompany the class word; anything else (LIMIT, HEALTH, MAX) means another kind of number.
const PREFIX_WORDS = new Set(['l4d2', 'l4d', 'l4', 'd2', 'd', 'is']);

/** True when a name is only a class word plus marker words (ZC_TANK, L4D2ZombieClass_Tank), and not L4D1's. */
function isClassConstantName(ws: string[], cls: string): boolean {
  if (ws.includes('l4d1') || ws.includes('d1')) return false;
  if (!ws.some((w) => CLASS_MARKERS.has(w))) return false;
  return ws.every((w) => CLASS_MARKERS.has(w) || PREFIX_WORDS.has(w) || w.replace(/s$/, '') === cls);
}

/** The one class a list of words names (plural allowed), or null when none or several. */
function singleClass(ws: string[]): string | null {
  const found = new Set(ws.map((w) => w.replace(/s$/, '')).filter((w) => w in ZOMBIE_CLASSES));
  return found.size === 1 ? [...found][0]! : null;
}

function wrong(cls: string, value: number): string {
  const cap = cls[0]!.toUpperCase() + cls.slice(1);
  const meant = NAME_OF[value];
  return `${cap} is class ${ZOMBIE_CLASSES[cls]} in L4D2, not ${value}${meant ? ` (${value} is ${meant})` : ''}`;
}

/** `GetEntProp(x, Prop_Send, "m_zombieClass")` or the Left4DHooks getter. */
function isClassRead(node: Node | null): boolean {
  if (!node || node.type !== 'call_expression') return false;
  const fn = node.childForFieldName('function')?.text;
  if (fn === 'L4D2_GetPlayerZombieClass') return true;
  return fn === 'GetEntProp' && stringValue(argument(node, 2)) === 'm_zombieClass';
}

/** Variables of a function assigned from a class read. */
function classVariables(fn: Node): Set<string> {
  const vars = new Set<string>();
  for (const d of fn.descendantsOfType(['variable_declaration', 'assignment_expression'])) {
    if (!d) continue;
    const name = (d.childForFieldName('name') ?? d.childForFieldName('left'))?.text;
    const value = d.childForFieldName('initialValue') ?? d.childForFieldName('right');
    if (name && isClassRead(value)) vars.add(name);
  }
  return vars;
}

function check(input: EvalInput): RuleViolation[] {
  const out: RuleViolation[] = [];
  // Constants named after one class with a marker word (ZC_TANK, ZOMBIECLASS_TANK); L4D1 ones are fine.
  for (const c of namedConstants(input)) {
    const ws = words(c.name);
    const cls = singleClass(ws);
    if (!cls || !isClassConstantName(ws, cls)) continue;
    if (c.value >= 1 && c.value <= 9 && c.value !== ZOMBIE_CLASSES[cls]) out.push(violationAt(ID, c.node, `${c.name}: ${wrong(cls, c.value)}`));
  }
  // `class == N` inside a helper named after one class (IsTank, IsClientJockey).
  for (const cmp of nodesOfType(input, 'binary_expression')) {
    const op = cmp.childForFieldName('operator')?.text;
    if (op !== '==') continue;
    const fn = enclosingFunction(cmp);
    const fnName = fn?.childForFieldName('name')?.text;
    if (!fn || !fnName) continue;
    const ws = words(fnName);
    const cls = singleClass(ws);
    if (!cls || ws.includes('l4d1') || ws.includes('d1')) continue;
    const left = cmp.childForFieldName('left');
    const right = cmp.childForFieldName('right');
    const vars = classVariables(fn);
    const isClass = (n: Node | null) => isClassRead(n) || (n?.type === 'identifier' && vars.has(n.text));
    const value = isClass(left) ? intValue(right) : isClass(right) ? intValue(left) : null;
    if (value !== null && value !== ZOMBIE_CLASSES[cls]) out.push(violationAt(ID, cmp, `${fnName}: ${wrong(cls, value)}`));
  }
  return out;
}

/** Zombie class numbers must be L4D2's (Tank 8, Jockey 5), not L4D1's. */
export const zombieClassNumbers = {
  id: ID,
  title: 'L4D2 zombie class numbers',
  rationale: "m_zombieClass uses L4D2 numbers (Smoker 1 ... Charger 6, Witch 7, Tank 8); L4D1's Tank=5 means Jockey in L4D2.",
  severity: 'error',
  check,
} satisfies Rule;
