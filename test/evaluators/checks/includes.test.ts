import { beforeAll, describe, expect, it } from 'vitest';
import { loadGrammar } from '../../../evaluators/core/grammar.js';
import { prepareInput } from '../../../evaluators/core/input.js';
import { includes } from '../../../evaluators/checks/includes.js';

const code = `#include <sourcemod>
#include <sdktools.inc>
#include "l4d2_tank_util"
#tryinclude <left4dhooks>
// #include <multicolors>
public void OnPluginStart() {}
`;

const run = (names: string[], match: 'all' | 'any' = 'all') =>
  includes.evaluate(prepareInput(code), includes.options.parse({ names, match }));

describe('includes', () => {
  beforeAll(loadGrammar);

  it('finds <x>, <x.inc>, "x" and #tryinclude', () => {
    expect(run(['sourcemod', 'sdktools', 'l4d2_tank_util', 'left4dhooks']).status).toBe('pass');
  });

  it('compares without .inc on the suite side too', () => {
    expect(run(['left4dhooks.inc', 'sdktools.inc']).status).toBe('pass');
  });

  it('lists missing includes, ignoring commented ones', () => {
    const out = run(['sourcemod', 'multicolors', 'sdkhooks']);
    expect(out).toMatchObject({ status: 'fail', reason: 'missing includes: multicolors, sdkhooks' });
  });

  it('is case-sensitive and supports match: any', () => {
    expect(run(['SourceMod']).status).toBe('fail');
    expect(run(['sdkhooks', 'sdktools'], 'any').status).toBe('pass');
  });
});
