import { argument, stringValue } from '../core/ast.js';
import type { EvalInput } from '../core/types.js';
import type { Rule, RuleViolation } from './types.js';
import { callsNamed, violationAt } from './util.js';

const ID = 'entity-classname';

/** Classnames models invent for L4D2 characters, with what is real. */
const INVENTED: Record<string, string> = {
  tank: 'tanks are players: loop clients and check m_zombieClass 8',
  hunter: 'special infected are players (classname "player"): check m_zombieClass',
  smoker: 'special infected are players (classname "player"): check m_zombieClass',
  boomer: 'special infected are players (classname "player"): check m_zombieClass',
  spitter: 'special infected are players (classname "player"): check m_zombieClass',
  jockey: 'special infected are players (classname "player"): check m_zombieClass',
  charger: 'special infected are players (classname "player"): check m_zombieClass',
  survivor: 'survivors are players (classname "player"): check GetClientTeam == 2',
  common_infected: 'common infected are "infected"',
  infected_common: 'common infected are "infected"',
  zombie: 'common infected are "infected"',
  weapon_first_aid: 'the medkit is "weapon_first_aid_kit"',
  weapon_medkit: 'the medkit is "weapon_first_aid_kit"',
  weapon_pills: 'pills are "weapon_pain_pills"',
  weapon_defib: 'the defibrillator is "weapon_defibrillator"',
  weapon_bile_jar: 'the bile jar is "weapon_vomitjar"',
  weapon_pipebomb: 'the pipe bomb is "weapon_pipe_bomb"',
  weapon_m16: 'the M16 is "weapon_rifle"',
  weapon_ak47: 'the AK-47 is "weapon_rifle_ak47"',
  weapon_magnum: 'the magnum is "weapon_pistol_magnum"',
};
/** Argument index of the classname for each entity-search native. */
const NATIVES: Record<string, number> = { CreateEntityByName: 0, FindEntityByClassname: 1 };

function check(input: EvalInput): RuleViolation[] {
  const out: RuleViolation[] = [];
  for (const call of callsNamed(input, ...Object.keys(NATIVES))) {
    const arg = argument(call.node, NATIVES[call.name]!);
    const name = stringValue(arg);
    const hint = name === null ? undefined : INVENTED[name];
    if (arg && hint) out.push(violationAt(ID, arg, `"${name}" is not an L4D2 entity classname; ${hint}`));
  }
  return out;
}

/** Entity searches and creation use real L4D2 classnames. */
export const entityClassname = {
  id: ID,
  title: 'Real L4D2 classnames',
  rationale: 'There is no "tank" or "hunter" entity: SI are players; FindEntityByClassname on an invented name finds nothing.',
  severity: 'error',
  check,
} satisfies Rule;
