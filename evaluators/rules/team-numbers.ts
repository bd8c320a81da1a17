import type { Node } from 'web-tree-sitter';
import { argument, nodesOfType, stringValue } from '../core/ast.js';
import type { EvalInput } from '../core/types.js';
import { namedConstants } from './constants.js';
import type { Rule, RuleViolation } from './types.js';
import { enclosingFunction, intValue, parameterNames, violationAt, words } from './util.js';

const ID = 'team-numbers';

/** L4D2 team numbers (GetClientTeam / m_iTeamNum). */
export const TEAMS: Readonly<Record<string, number>> = { spectator: 1, survivor: 2, infected: 3 };

/** The team of the L4D1 survivors on some L4D2 maps: a survivor team too. */
const L4D1_SURVIVOR_TEAM = 4;

const TEAM_WORDS: Record<string, string> = {
  spec: 'spectator', spectator: 'spectator', spectators: 'spectator', survivor: 'survivor', survivors: 'survivor',
  surv: 'survivor', infected: 'infected', inf: 'infected', zombie: 'infected', zombies: 'infected',
};
// Words a team constant's name may hold besides the team word (TEAM_SURVIVOR, L4D2Team_Infected).
const CONSTANT_WORDS = new Set(['team', 'l4d2', 'l4d', 'l4', 'd2', 'd', 'id', 'index', 'num']);
// Words a one-team helper's name may hold (IsSurvivor, IsValidInfected, IsClientSpectator).
const HELPER_WORDS = new Set(['is', 'valid', 'client', 'player', 'alive', 'real', 'human', 'bot', 'fake', 'in', 'game', 'team', 'on', 'l4d2', 'l4d', 'l4', 'd2', 'd']);

function teamOf(ws: string[], allowed: Set<string>): string | null {
  if (ws.includes('l4d1') || ws.includes('d1') || ws.includes('four')) return null;
  const teams = new Set<string>();
  for (const w of ws) {
    if (w in TEAM_WORDS) teams.add(TEAM_WORDS[w]!);
    else if (!allowed.has(w)) return null;
  }
  return teams.size === 1 ? [...teams][0]! : null;
}

function wrong(team: string, value: number): string {
  return `${team} team is ${TEAMS[team]} in L4D2, not ${value} (1 spectator, 2 survivors, 3 infected)`;
}

/** `GetClientTeam(p)` or `GetEntProp(p, Prop_Send, "m_iTeamNum")` on the given variable. */
function isTeamReadOf(node: Node | null, param: string): boolean {
  if (!node || node.type !== 'call_expression') return false;
  const fn = node.childForFieldName('function')?.text;
  const target = argument(node, 0)?.text;
  if (target !== param) return false;
  return fn === 'GetClientTeam' || (fn === 'GetEntProp' && stringValue(argument(node, 2)) === 'm_iTeamNum');
}

function check(input: EvalInput): RuleViolation[] {
  const out: RuleViolation[] = [];
  for (const c of namedConstants(input)) {
    const ws = words(c.name);
    if (!ws.includes('team')) continue;
    const team = teamOf(ws, CONSTANT_WORDS);
    if (team && c.value !== TEAMS[team]) out.push(violationAt(ID, c.node, `${c.name}: ${wrong(team, c.value)}`));
  }
  // `GetClientTeam(client) == N` inside a helper named after one team, on the helper's first parameter.
  for (const cmp of nodesOfType(input, 'binary_expression')) {
    if (cmp.childForFieldName('operator')?.text !== '==') continue;
    const fn = enclosingFunction(cmp);
    const fnName = fn?.childForFieldName('name')?.text;
    const param = fn ? parameterNames(fn)[0] : undefined;
    if (!fn || !fnName || !param) continue;
    const team = teamOf(words(fnName), HELPER_WORDS);
    if (!team) continue;
    const left = cmp.childForFieldName('left');
    const right = cmp.childForFieldName('right');
    const value = isTeamReadOf(left, param) ? intValue(right) : isTeamReadOf(right, param) ? intValue(left) : null;
    // Team 4 holds the L4D1 survivors on some L4D2 maps: `GetClientTeam(c) == 2 || GetClientTeam(c) == 4`.
    if (value === L4D1_SURVIVOR_TEAM && team === 'survivor') continue;
    if (value !== null && value !== TEAMS[team]) out.push(violationAt(ID, cmp, `${fnName}: ${wrong(team, value)}`));
  }
  return out;
}

/** Team numbers must be L4D2's: 1 spectator, 2 survivors, 3 infected. */
export const teamNumbers = {
  id: ID,
  title: 'L4D2 team numbers',
  rationale: 'GetClientTeam returns 1 for spectators, 2 for survivors and 3 for infected; a swapped number targets the wrong team.',
  severity: 'error',
  check,
} satisfies Rule;
