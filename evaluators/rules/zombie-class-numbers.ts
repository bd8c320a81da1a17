import type { Node } from 'web-tree-sitter';
import { argument, nodesOfType, stringValue } from '../core/ast.js';
import type { EvalInput } from '../core/types.js';
import { namedConstants, type NamedConstant } from './constants.js';
import { l4d1OnlyPlugin, onL4D1Side } from './game.js';
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

/** L4D1 m_zombieClass values (no Spitter, Jockey or Charger). */
const L4D1_CLASSES: Readonly<Record<string, number>> = { smoker: 1, boomer: 2, hunter: 3, witch: 4, tank: 5 };
// Words naming entity kinds that are not special-infected classes (TYPE_COMMON, TYPE_SURVIVOR).
const KIND_WORDS = new Set([
  'common', 'commons', 'uncommon', 'survivor', 'survivors', 'player', 'players', 'human', 'bot', 'infected',
  'entity', 'entities', 'prop', 'props', 'weapon', 'weapons', 'item', 'items',
]);

/** One member of a group of sibling constants: its name and value (null when not a plain number). */
interface Member {
  name: string;
  value: number | null;
}

/** The constants declared together with `c`: the same enum, or the run of adjacent #defines with the same first word. */
function siblings(c: NamedConstant, byNode: Map<number, NamedConstant>): Member[] {
  const member = (n: Node): Member | null => {
    const name = n.childForFieldName('name')?.text;
    return name ? { name, value: byNode.get(n.id)?.value ?? null } : null;
  };
  if (c.node.type === 'enum_entry') {
    const entries = (c.node.parent?.namedChildren ?? []).filter((n): n is Node => n?.type === 'enum_entry');
    return entries.map(member).filter((m): m is Member => m !== null);
  }
  if (c.node.type !== 'preproc_define') return [{ name: c.name, value: c.value }];
  const prefix = words(c.name)[0];
  const out: Member[] = [{ name: c.name, value: c.value }];
  const walk = (step: (n: Node) => Node | null, add: (m: Member) => void) => {
    for (let n = step(c.node); n; n = step(n)) {
      if (n.type === 'comment') continue;
      const m = n.type === 'preproc_define' ? member(n) : null;
      if (!m || words(m.name)[0] !== prefix) break;
      add(m);
    }
  };
  walk((n) => n.previousNamedSibling, (m) => out.unshift(m));
  walk((n) => n.nextNamedSibling, (m) => out.push(m));
  return out;
}

/**
 * True when a group of constants is not the L4D2 m_zombieClass table: 0-based indexes (Smoker 0 ... Charger 5),
 * L4D1's table (Witch or an unknown class at 4, Tank 5), or entity kinds (TYPE_COMMON, TYPE_SURVIVOR, TYPE_TANK).
 */
function notL4D2ClassTable(group: Member[]): boolean {
  const classes = group.flatMap((m) => {
    const cls = singleClass(words(m.name));
    return cls ? [{ ...m, cls }] : [];
  });
  const valued = classes.filter((m): m is typeof m & { value: number } => m.value !== null);
  // Array indexes: a class at 0, or every class one below its L4D2 number.
  if (valued.some((m) => m.value === 0)) return true;
  if (valued.length >= 2 && valued.every((m) => m.value === ZOMBIE_CLASSES[m.cls]! - 1)) return true;
  // L4D1's table: Tank 5 with something other than the Spitter at 4, and no L4D2-only class.
  const l4d1 =
    valued.every((m) => L4D1_CLASSES[m.cls] === m.value) &&
    valued.some((m) => m.cls === 'tank' && m.value === 5) &&
    group.some((m) => m.value === 4 && singleClass(words(m.name)) !== 'spitter');
  if (l4d1) return true;
  // Entity kinds: a member naming something that is no SI class, below the classes or among few of them.
  const kinds = group.filter((m) => !singleClass(words(m.name)) && words(m.name).some((w) => KIND_WORDS.has(w)));
  if (kinds.length === 0) return false;
  const top = Math.max(...valued.map((m) => m.value));
  return kinds.some((m) => m.value !== null && m.value < top) || classes.length * 2 <= group.length;
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
  // A plugin that refuses to load outside L4D1 uses L4D1's numbers on purpose.
  if (l4d1OnlyPlugin(input)) return out;
  const constants = namedConstants(input);
  const byNode = new Map(constants.map((c) => [c.node.id, c]));
  // Constants named after one class with a marker word (ZC_TANK, ZOMBIECLASS_TANK); L4D1 ones are fine.
  for (const c of constants) {
    const ws = words(c.name);
    const cls = singleClass(ws);
    if (!cls || !isClassConstantName(ws, cls)) continue;
    if (c.value < 1 || c.value > 9 || c.value === ZOMBIE_CLASSES[cls]) continue;
    // Judged with its siblings: an index table, L4D1's table or an entity-kind enum is no L4D2 class table.
    if (notL4D2ClassTable(siblings(c, byNode))) continue;
    out.push(violationAt(ID, c.node, `${c.name}: ${wrong(cls, c.value)}`));
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
    // `if (g_bLeft4Dead2) ... else return class == 5;`: the L4D1 side of a game check keeps L4D1's numbers.
    if (value !== null && value !== ZOMBIE_CLASSES[cls] && !onL4D1Side(cmp)) out.push(violationAt(ID, cmp, `${fnName}: ${wrong(cls, value)}`));
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
