import { beforeAll, describe, expect, it } from 'vitest';
import { loadGrammar } from '../../../evaluators/core/grammar.js';
import { prepareInput } from '../../../evaluators/core/input.js';
import { syntax } from '../../../evaluators/checks/syntax.js';
import { syntaxErrors } from '../../../evaluators/core/syntax-errors.js';

const valid = `#pragma semicolon 1
#pragma newdecls required
#include <sourcemod>

public void OnPluginStart()
{
	RegAdminCmd("sm_hello", Cmd_Hello, ADMFLAG_GENERIC);
}

Action Cmd_Hello(int client, int args)
{
	ReplyToCommand(client, "Hello %N", client);
	return Plugin_Handled;
}
`;

const evaluate = (code: string) => syntax.evaluate(prepareInput(code), syntax.options.parse({}));

describe('syntax', () => {
  beforeAll(loadGrammar);

  it('passes valid code', () => {
    expect(evaluate(valid)).toMatchObject({ status: 'pass' });
    expect(syntaxErrors(prepareInput(valid))).toEqual([]);
  });

  it('reports an unexpected token with its line and column', () => {
    const broken = valid.replace('return Plugin_Handled;', 'return Plugin_Handled;\n\t}');
    const out = evaluate(broken);
    expect(out.status).toBe('fail');
    expect(out.reason).toMatch(/^1 syntax error: line \d+ col \d+ unexpected "}"$/);
    expect(out.locations).toHaveLength(1);
  });

  it('reports a missing token', () => {
    const broken = 'public void OnPluginStart()\n{\n\tint x = 1;\n\tif (x > 0) { x++; }\n';
    const errors = syntaxErrors(prepareInput(broken));
    expect(errors.some((e) => e.message === 'missing "}"')).toBe(true);
    expect(evaluate(broken).reason).toContain('missing "}"');
  });

  it('lists several errors in one reason and all of them in locations', () => {
    const broken = 'public void A()\n{\n\tint x = ;\n}\npublic void B()\n{\n\tfloat y = (1.0 +;\n}\n';
    const out = evaluate(broken);
    expect(out.status).toBe('fail');
    expect(out.locations?.length).toBeGreaterThanOrEqual(2);
    expect(out.reason).toMatch(/^\d+ syntax errors: line 3 col \d+ .*; line 7 col \d+ /);
  });

  it('fails with no code', () => {
    const input = prepareInput('Sorry, I can only describe the idea in words.');
    expect(syntax.evaluate(input, {})).toEqual({ status: 'fail', reason: 'no code found in the answer' });
    expect(syntaxErrors(input)).toEqual([]);
  });

  it('lets the parse decide on a truncated answer', () => {
    const input = prepareInput('Here:\n```sourcepawn\npublic void OnPluginStart()\n{\n\tPrintToServer("hi");\n');
    expect(input.code.warnings.join()).toMatch(/unterminated/);
    expect(syntax.evaluate(input, {}).status).toBe('fail');
  });

  it('memoises the error list per input', () => {
    const input = prepareInput(valid);
    expect(syntaxErrors(input)).toBe(syntaxErrors(input));
  });

  it('accepts no options', () => {
    expect(syntax.options.safeParse({ strict: true }).success).toBe(false);
    expect(syntax.defaultId({})).toBe('syntax');
  });
});
