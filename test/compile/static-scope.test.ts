// Scope rules, defaults/variadics, companion includes and a configured index.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileSource, lines } from './helpers.js';

const head = '#pragma semicolon 1\n#pragma newdecls required\n#include <sourcemod>\n';

describe('static compile: scopes and calls', () => {
  it('keeps block and for-loop variables inside their scope', async () => {
    const src = head + 'public void OnPluginStart()\n{\n\tfor (int i = 0; i < 3; i++) { int inner = i; }\n\tPrintToServer("%d %d", i, inner);\n}\n';
    expect(lines(await compileSource(src))).toEqual(['7: error 017: undefined symbol "i"', '7: error 017: undefined symbol "inner"']);
  });

  it('accepts default and variadic arguments and rejects too few', async () => {
    const src = head + 'public void OnPluginStart()\n{\n\tchar ip[32];\n\tGetClientIP(1, ip, sizeof(ip));\n\tPrintToServer("%s %d %d", ip, 1, 2);\n\tGetClientIP(1);\n}\n';
    // spcomp 1.12 says 034 for too few arguments (092 is for too many).
    expect(lines(await compileSource(src))).toEqual(['9: error 034: argument does not have a default value (argument 2)']);
  });

  it('does not report names in #if branches spcomp may skip', async () => {
    const src = head + 'public void OnPluginStart()\n{\n#if defined HAS_EXTRA\n\tExtra_Function(g_iExtra);\n#endif\n}\n';
    expect(lines(await compileSource(src))).toEqual([]);
  });

  it('reports an unclosed brace as spcomp does', async () => {
    const src = head + 'public void OnPluginStart()\n{\n\tif (GetClientCount() > 0)\n\t{\n\t\tPrintToServer("x");\n';
    expect(lines(await compileSource(src))).toEqual(['8: error 030: compound statement not closed at the end of file (started at line 5)']);
  });

  it('finds declarations in a companion include the answer ships', async () => {
    const src = head + '#include "zz_helpers"\npublic void OnPluginStart()\n{\n\tZz_Hello(ZZ_COUNT);\n}\n';
    const companion = '\n\n```sourcepawn\n// zz_helpers.inc\n#define ZZ_COUNT 3\nstock void Zz_Hello(int n) { PrintToServer("%d", n); }\n```\n';
    const result = await compileSource(src, {}, companion);
    expect(lines(result)).toEqual([]);
  });

  it('uses configured include folders: their includes, symbols and argument counts', async () => {
    const index = { include: [path.resolve(import.meta.dirname, '../fixtures/includes')] };
    const src = head + '#include <zapi>\npublic void OnPluginStart()\n{\n\tchar name[ZAPI_MAX_ITEMS];\n\tZapi_GetName(1, name, sizeof(name));\n\tZapi_Print(1, "%d", Zapi_Clamp(5), ZapiMode_Next);\n\tZapiList list = new ZapiList();\n\tZapi_GetCount(list);\n}\n';
    expect(lines(await compileSource(src, index))).toEqual(['11: error 092: number of arguments does not match definition']);
    const without = src.replace('#include <zapi>\n', '');
    expect(lines(await compileSource(without, index))).toContain('6: error 017: undefined symbol "ZAPI_MAX_ITEMS"');
  });
});
