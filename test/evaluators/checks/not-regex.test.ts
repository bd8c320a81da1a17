import { beforeAll, describe, expect, it } from 'vitest';
import { loadGrammar } from '../../../evaluators/core/grammar.js';
import { prepareInput } from '../../../evaluators/core/input.js';
import { not_regex } from '../../../evaluators/checks/not-regex.js';

const code = `#define ZC_TANK 5
public void OnPluginStart()
{
	RegConsoleCmd("sm_tank", Cmd_Tank);
}
Action Cmd_Tank(int client, int args)
{
	if (GetEntProp(client, Prop_Send, "m_zombieClass") == ZC_TANK) PrintToChat(client, "tank");
	return Plugin_Handled;
}
`;

const run = (opts: Record<string, unknown>, text = code) =>
  not_regex.evaluate(prepareInput(text), not_regex.options.parse(opts));

describe('not_regex', () => {
  beforeAll(loadGrammar);

  it('passes when the pattern does not match', () => {
    expect(run({ pattern: 'ZC_TANK\\s+8' })).toMatchObject({ status: 'pass' });
  });

  it('fails when it matches and reports the matching line and column', () => {
    const out = run({ pattern: 'ZC_TANK\\s+5' });
    expect(out.status).toBe('fail');
    expect(out.reason).toBe('/ZC_TANK\\s+5/ matches the code at line 1: "ZC_TANK 5"');
    expect(out.locations).toEqual([{ line: 1, column: 9, message: 'matched "ZC_TANK 5"' }]);
  });

  it('reports a line in the middle of the code', () => {
    const out = run({ pattern: 'm_zombieClass' });
    expect(out.locations?.[0]).toMatchObject({ line: 8, column: 37 });
  });

  it('with on: answer, reports the answer line in the reason and no code location', () => {
    const answer = 'Note: this is untested.\n\n```sourcepawn\n' + code + '```\n';
    const out = run({ pattern: 'untested', on: 'answer' }, answer);
    expect(out).toMatchObject({ status: 'fail', details: { line: 1 } });
    expect(out.locations).toBeUndefined();
  });

  it('fails rather than passes when the answer has no code', () => {
    expect(run({ pattern: 'ZC_TANK' }, 'No code here, just words.')).toMatchObject({
      status: 'fail',
      reason: 'no code found in the answer',
    });
  });

  it('rejects an invalid pattern when options are parsed', () => {
    const bad = not_regex.options.safeParse({ pattern: '[a-' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toMatch(/^invalid regular expression/);
  });

  it('has its own default id', () => {
    expect(not_regex.defaultId(not_regex.options.parse({ pattern: 'new\\s+Handle' }))).toBe('not_regex:new\\s+Handle');
  });
});
