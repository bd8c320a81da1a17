import { beforeAll, describe, expect, it } from 'vitest';
import { rule, runRules } from '../../../evaluators/checks/rule.js';
import { loadGrammar } from '../../../evaluators/core/grammar.js';
import { prepareInput } from '../../../evaluators/core/input.js';

beforeAll(async () => {
  await loadGrammar();
});

const BAD = '```sourcepawn\n#pragma semicolon 1\n#pragma newdecls required\n#include <sourcemod>\npublic Plugin myinfo = { name = "x" };\n#define ZC_TANK 5\n#define TEAM_SURVIVOR 3\npublic void E(Event event, const char[] n, bool d)\n{\n  int client = GetClientOfUserId(event.GetInt("userid"));\n  PrintToChat(client, "hi");\n}\n```';

describe('rule check', () => {
  it('fails on error violations, listing each with its line', async () => {
    const out = await rule.evaluate(prepareInput(BAD), rule.options.parse({}));
    expect(out.status).toBe('fail');
    expect(out.reason).toMatch(/^2 rule violations: zombie-class-numbers \(line 5: ZC_TANK: Tank is class 8 in L4D2, not 5/);
    expect(out.reason).toContain('team-numbers (line 6:');
    // The warning is in details and locations but does not count.
    const all = out.details?.violations as { rule: string; severity: string }[];
    expect(all.map((v) => v.rule)).toContain('client-index-zero');
    expect(out.locations?.some((l) => l.message.startsWith('client-index-zero'))).toBe(true);
  });
  it('runs only the selected rules, minus excluded ones', async () => {
    const input = prepareInput(BAD);
    const only = await rule.evaluate(input, rule.options.parse({ rules: ['team-numbers', 'myinfo'] }));
    expect(only.reason).toMatch(/^1 rule violation: team-numbers/);
    const minus = await rule.evaluate(input, rule.options.parse({ exclude: ['zombie-class-numbers', 'team-numbers'] }));
    expect(minus.status).toBe('pass');
    expect(minus.reason).toContain('(1 warning)');
  });
  it('passes warnings-only selections and fails when there is no code', async () => {
    const warnOnly = await rule.evaluate(prepareInput(BAD), rule.options.parse({ rules: ['client-index-zero'] }));
    expect(warnOnly.status).toBe('pass');
    const none = await rule.evaluate(prepareInput('I cannot help with that.'), rule.options.parse({}));
    expect(none.status).toBe('fail');
  });
  it('rejects unknown rule ids and names the nearest one', () => {
    const r = rule.options.safeParse({ rules: ['zombie-class-number'] });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toContain('did you mean "zombie-class-numbers"');
    expect(rule.options.safeParse({ exclude: ['tema-numbers'] }).error?.issues[0]?.message).toContain('"team-numbers"');
    expect(rule.options.safeParse({ rule: ['myinfo'] }).success).toBe(false);
  });
  it('gives readable default ids', () => {
    expect(rule.defaultId(rule.options.parse({}))).toBe('rule');
    expect(rule.defaultId(rule.options.parse({ rules: ['myinfo', 'maxclients'] }))).toBe('rule:myinfo,maxclients');
  });
  it('memoises rule results on the input', () => {
    const input = prepareInput(BAD);
    const first = runRules(input, ['team-numbers']);
    expect(runRules(input, ['team-numbers'])).toEqual(first);
    expect(input.memo.has('rule:team-numbers')).toBe(true);
  });
});
