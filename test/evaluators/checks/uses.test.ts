import { beforeAll, describe, expect, it } from 'vitest';
import { loadGrammar } from '../../../evaluators/core/grammar.js';
import { prepareInput } from '../../../evaluators/core/input.js';
import { uses } from '../../../evaluators/checks/uses.js';

const code = `#define TEAM_INFECTED 3
#define IS_VALID(%1) (%1 > 0 && %1 <= MaxClients)
ArrayList g_aTanks;
public Action Cmd_Test(int client, int args)
{
	for (int i = 1; i <= MaxClients; i++)
	{
		if (GetEntProp(i, Prop_Send, "m_zombieClass") == 8) g_aTanks.Push(GetClientUserId(i));
	}
	PrintToChat(client, "Plugin_Stop and L4D_IsFirstMapInScenario");
	// return Plugin_Changed;
	/* SDKHook_OnTakeDamage */
	return Plugin_Handled;
}
`;

const run = (names: string[], match: 'all' | 'any' = 'all') =>
  uses.evaluate(prepareInput(code), uses.options.parse({ names, match }));

describe('uses', () => {
  beforeAll(loadGrammar);

  it('finds identifiers, constants, type names and macro names', () => {
    expect(run(['MaxClients', 'Plugin_Handled', 'Prop_Send', 'ArrayList', 'TEAM_INFECTED', 'int']).status).toBe('pass');
  });

  it('ignores identifiers inside strings and comments', () => {
    const out = run(['Plugin_Stop', 'L4D_IsFirstMapInScenario', 'Plugin_Changed', 'SDKHook_OnTakeDamage', 'm_zombieClass']);
    expect(out.status).toBe('fail');
    expect(out.details).toMatchObject({ found: [] });
  });

  it('reads identifiers from macro bodies', () => {
    const input = prepareInput('#define CHECK(%1) (IsClientInGame(%1) && GetClientTeam(%1) == TEAM_SURVIVOR)\n');
    expect(uses.evaluate(input, uses.options.parse({ names: ['TEAM_SURVIVOR'] })).status).toBe('pass');
  });

  it('lists what is missing', () => {
    expect(run(['MaxClients', 'MAXPLAYERS'])).toMatchObject({ status: 'fail', reason: 'missing identifiers: MAXPLAYERS' });
  });
});
