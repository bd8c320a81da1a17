import { beforeAll, describe, expect, it } from 'vitest';
import { loadGrammar } from '../../../evaluators/core/grammar.js';
import { prepareInput } from '../../../evaluators/core/input.js';
import { convar } from '../../../evaluators/checks/convar.js';

const code = `ConVar g_cvEnable, g_cvDamage;
public void OnPluginStart()
{
	g_cvEnable = CreateConVar("l4d2_tank_hp_enable", "1", "Enable the plugin", FCVAR_NOTIFY, true, 0.0, true, 1.0);
	g_cvDamage = AutoExecConfig_CreateConVar("l4d2_tank_damage", "20.0", "Damage");
	ConVar cheats = FindConVar("sv_cheats");
	char name[32] = "l4d2_tank_speed";
	CreateConVar(name, "1.0");
	AutoExecConfig(true, "l4d2_tank_hp");
}
`;

const run = (names: string[], match: 'all' | 'any' = 'all') =>
  convar.evaluate(prepareInput(code), convar.options.parse({ names, match }));

describe('convar', () => {
  beforeAll(loadGrammar);

  it('passes for ConVars created with a literal name', () => {
    expect(run(['l4d2_tank_hp_enable', 'l4d2_tank_damage']).status).toBe('pass');
  });

  it('does not count FindConVar, a non-literal name or another string', () => {
    const out = run(['sv_cheats', 'l4d2_tank_speed', 'l4d2_tank_hp']);
    expect(out).toMatchObject({ status: 'fail', reason: 'missing convars: sv_cheats, l4d2_tank_speed, l4d2_tank_hp' });
    expect(out.details).toEqual({ found: [], missing: ['sv_cheats', 'l4d2_tank_speed', 'l4d2_tank_hp'] });
  });

  it('supports match: any', () => {
    expect(run(['nope', 'l4d2_tank_damage'], 'any').status).toBe('pass');
  });
});
