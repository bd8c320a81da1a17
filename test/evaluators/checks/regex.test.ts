import { beforeAll, describe, expect, it } from 'vitest';
import { loadGrammar } from '../../../evaluators/core/grammar.js';
import { prepareInput } from '../../../evaluators/core/input.js';
import { MAX_MATCH_CHARS, regex } from '../../../evaluators/checks/regex.js';

const answer = `Here is the plugin:

\`\`\`sourcepawn
public void OnPluginStart()
{
	HookEvent("tank_spawn", Event_TankSpawn);
}

void Event_TankSpawn(Event event, const char[] name, bool dontBroadcast)
{
	int client = GetClientOfUserId(event.GetInt("userid"));
	SetEntityHealth(client, 8000);
}
\`\`\`

Remember to reload the Plugin.`;

const run = (opts: Record<string, unknown>, text = answer) => regex.evaluate(prepareInput(text), regex.options.parse(opts));

describe('regex', () => {
  beforeAll(loadGrammar);

  it('passes when the pattern matches the code, and says where', () => {
    const out = run({ pattern: 'GetClientOfUserId\\(' });
    expect(out.status).toBe('pass');
    expect(out.reason).toContain('line 8');
  });

  it('fails when it does not match', () => {
    expect(run({ pattern: 'IsClientInGame' })).toMatchObject({ status: 'fail', reason: '/IsClientInGame/ does not match the code' });
  });

  it('applies flags', () => {
    expect(run({ pattern: 'settityhealth' }).status).toBe('fail');
    expect(run({ pattern: 'setentityhealth', flags: 'i' }).status).toBe('pass');
    expect(run({ pattern: '^\\s*SetEntityHealth', flags: 'm' }).status).toBe('pass');
  });

  it('searches only the code by default, the whole answer with on: answer', () => {
    expect(run({ pattern: 'reload the Plugin' }).status).toBe('fail');
    expect(run({ pattern: 'reload the Plugin', on: 'answer' }).status).toBe('pass');
  });

  it('fails when the answer has no code (on: code) but still searches prose with on: answer', () => {
    const prose = 'Use GetClientOfUserId on the userid.';
    expect(run({ pattern: 'GetClientOfUserId' }, prose)).toMatchObject({ reason: 'no code found in the answer' });
    expect(run({ pattern: 'GetClientOfUserId', on: 'answer' }, prose).status).toBe('pass');
  });

  it('rejects an invalid pattern or flag when options are parsed, saying why', () => {
    const bad = regex.options.safeParse({ pattern: 'GetClient(' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toMatch(/^invalid regular expression: .*(Unterminated group|\()/);
    expect(bad.error?.issues[0]?.path).toEqual(['pattern']);
    expect(regex.options.safeParse({ pattern: 'x', flags: 'q' }).success).toBe(false);
    expect(regex.options.safeParse({ pattern: 'x', on: 'prose' }).success).toBe(false);
    expect(regex.options.safeParse({ pattern: 'x', extra: true }).success).toBe(false);
  });

  it('gives the same result when run twice with the g flag', () => {
    const input = prepareInput(answer);
    const opts = regex.options.parse({ pattern: 'HookEvent', flags: 'g' });
    expect(regex.evaluate(input, opts)).toEqual(regex.evaluate(input, opts));
  });

  it('does not search past the 1 MB cap', () => {
    const big = 'x'.repeat(MAX_MATCH_CHARS) + 'NEEDLE';
    expect(run({ pattern: 'NEEDLE', on: 'answer' }, big).status).toBe('fail');
  });
});
