import { beforeAll, describe, expect, it } from 'vitest';
import { loadGrammar } from '../../../evaluators/core/grammar.js';
import { prepareInput } from '../../../evaluators/core/input.js';
import { calls } from '../../../evaluators/checks/calls.js';

const code = `#include <sourcemod>
public void OnPluginStart()
{
	HookEvent("player_death", Event_Death);
	g_hCvar.AddChangeHook(OnCvarChanged);
	// CreateTimer(1.0, Timer_Fake) is only a comment
	PrintToServer("GetClientOfUserId(1) in a string");
}
`;

const run = (names: string[], match?: 'all' | 'any') =>
  calls.evaluate(prepareInput(code), calls.options.parse({ names, ...(match ? { match } : {}) }));

describe('calls', () => {
  beforeAll(loadGrammar);

  it('passes when every named function is called', () => {
    const out = run(['HookEvent', 'PrintToServer']);
    expect(out).toMatchObject({ status: 'pass', details: { found: ['HookEvent', 'PrintToServer'], missing: [] } });
  });

  it('lists the missing calls in the reason', () => {
    const out = run(['GetClientOfUserId', 'HookEvent', 'CreateTimer']);
    expect(out.status).toBe('fail');
    expect(out.reason).toBe('missing calls: GetClientOfUserId, CreateTimer');
    expect(out.details).toEqual({ found: ['HookEvent'], missing: ['GetClientOfUserId', 'CreateTimer'] });
  });

  it('counts a method call x.Name(...) for Name', () => {
    expect(run(['AddChangeHook']).status).toBe('pass');
  });

  it('ignores names in comments and strings', () => {
    expect(run(['CreateTimer']).status).toBe('fail');
    expect(run(['GetClientOfUserId']).status).toBe('fail');
  });

  it('is case-sensitive', () => {
    expect(run(['hookevent']).status).toBe('fail');
  });

  it('match: any passes when one name is called', () => {
    expect(run(['CreateTimer', 'HookEvent'], 'any').status).toBe('pass');
    const out = run(['CreateTimer', 'RequestFrame'], 'any');
    expect(out).toMatchObject({ status: 'fail', reason: 'none of these calls found: CreateTimer, RequestFrame' });
  });

  it('fails when the answer has no code', () => {
    const out = calls.evaluate(prepareInput('I cannot help with that.'), calls.options.parse({ names: ['HookEvent'] }));
    expect(out).toEqual({ status: 'fail', reason: 'no code found in the answer' });
  });

  it('rejects unknown and missing options', () => {
    expect(calls.options.safeParse({ names: ['A'], extra: 1 }).success).toBe(false);
    expect(calls.options.safeParse({ names: [] }).success).toBe(false);
    expect(calls.options.safeParse({ names: ['A'], match: 'some' }).success).toBe(false);
  });

  it('builds a readable default id', () => {
    expect(calls.defaultId(calls.options.parse({ names: ['HookEvent', 'CreateTimer'] }))).toBe('calls:HookEvent,CreateTimer');
  });
});
