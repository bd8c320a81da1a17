// The most important property of the static check: realistic valid plugins compile without a single error,
// and each typical mistake inserted into them is caught on its line with spcomp's words.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileSource, insertInPluginStart, lines } from './helpers.js';

const DIR = path.resolve(import.meta.dirname, '../fixtures/plugins');
const plugins = readdirSync(DIR).filter((f) => f.endsWith('.sp')).sort();

describe.each(plugins)('%s', (file) => {
  const source = readFileSync(path.join(DIR, file), 'utf8');

  it('has no static errors', async () => {
    const result = await compileSource(source);
    expect(lines(result)).toEqual([]);
    expect(result).toMatchObject({ ok: true, mode: 'static', errors: 0 });
  });

  it('catches an undefined native', async () => {
    const m = insertInPluginStart(source, '\tL4D2_GetMagicTankCount();');
    expect(lines(await compileSource(m.source))).toEqual([`${m.line}: error 017: undefined symbol "L4D2_GetMagicTankCount"`]);
  });

  it('catches a wrong argument count', async () => {
    const m = insertInPluginStart(source, '\tint zz = GetClientTeam(1, 2);');
    expect(lines(await compileSource(m.source))).toEqual([`${m.line}: error 092: number of arguments does not match definition`]);
  });

  it('catches a Left4DHooks call without #include <left4dhooks>', async () => {
    const without = source.replace(/^#(try)?include <left4dhooks>\s*$/m, '');
    const m = insertInPluginStart(without, '\tbool first = L4D_IsFirstMapInScenario();');
    const found = lines(await compileSource(m.source));
    expect(found).toContain(`${m.line}: error 017: undefined symbol "L4D_IsFirstMapInScenario"`);
  });

  it('catches an undefined variable', async () => {
    const m = insertInPluginStart(source, '\tPrintToServer("%d", g_iNeverDeclared);');
    expect(lines(await compileSource(m.source))).toEqual([`${m.line}: error 017: undefined symbol "g_iNeverDeclared"`]);
  });

  it('catches a syntax error', async () => {
    const m = insertInPluginStart(source, '\tint broken = (3 + );');
    const result = await compileSource(m.source);
    expect(result.ok).toBe(false);
    expect(lines(result)[0]).toMatch(new RegExp(`^${m.line}: error 0(01|29): `));
  });

  it('stops at a missing include like spcomp', async () => {
    const withInclude = source.replace(/^(#include <sourcemod>)$/m, '$1\n#include <not_a_real_include>');
    const line = withInclude.split('\n').indexOf('#include <not_a_real_include>') + 1;
    expect(lines(await compileSource(withInclude))).toEqual([`${line}: error 417: cannot read from file: "not_a_real_include"`]);
  });
});
