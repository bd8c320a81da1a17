import { beforeAll, describe, expect, it } from 'vitest';
import { loadGrammar } from '../../../evaluators/core/grammar.js';
import { prepareInput } from '../../../evaluators/core/input.js';
import { defines } from '../../../evaluators/checks/defines.js';

const code = `#include <left4dhooks>
public void OnPluginStart()
{
	OnClientPutInServer(1);
}
public Action L4D_OnSpawnTank(const float vecPos[3], const float vecAng[3])
{
	return Plugin_Continue;
}
stock bool IsValidSurvivor(int client)
{
	return client > 0 && client <= MaxClients && IsClientInGame(client) && GetClientTeam(client) == 2;
}
static int Helper() { return 1; }
void PlainFunction() {}
public OnMapStart()
{
}
forward void MyForward(int client);
native int Native_Thing(int client);
`;

const run = (names: string[], match: 'all' | 'any' = 'all') =>
  defines.evaluate(prepareInput(code), defines.options.parse({ names, match }));

describe('defines', () => {
  beforeAll(loadGrammar);

  it('finds public, stock, static, plain and old-style definitions', () => {
    const out = run(['OnPluginStart', 'L4D_OnSpawnTank', 'IsValidSurvivor', 'Helper', 'PlainFunction', 'OnMapStart']);
    expect(out.status).toBe('pass');
  });

  it('does not count a call, a forward or a native declaration as a definition', () => {
    const out = run(['OnClientPutInServer', 'MyForward', 'Native_Thing']);
    expect(out).toMatchObject({
      status: 'fail',
      reason: 'missing function definitions: OnClientPutInServer, MyForward, Native_Thing',
    });
  });

  it('supports match: any', () => {
    expect(run(['OnClientPutInServer', 'OnMapStart'], 'any').status).toBe('pass');
  });
});
