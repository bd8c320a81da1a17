// The static check's error classes, each as spcomp 1.12 reports it (observed with the real compiler on probe
// plugins and on the real plugins of the agreement corpus), and the valid code each must leave alone.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileSource, lines } from './helpers.js';
import { tempTree } from '../helpers/tmp.js';

const head = '#pragma semicolon 1\n#pragma newdecls required\n#include <sourcemod>\n';
const body = (code: string) => `${head}public void OnPluginStart()\n{\n${code}\n}\n`;

describe('argument counts (092 too many, 034 too few)', () => {
  it('reports 092 at the first extra argument and 034 for a missing one without a default', async () => {
    const src = body('\tchar ip[32];\n\tGetClientIP(1, ip, sizeof(ip), true, 5);\n\tGetClientIP(1);');
    expect(lines(await compileSource(src))).toEqual(['7: error 092: number of arguments does not match definition', '8: error 034: argument does not have a default value (argument 2)']);
  });

  it('leaves alone a define that expands to several arguments, named arguments and variadics', async () => {
    const src = `${head}#define POS 1, 2\nvoid Two(int a, int b, int c = 0) { PrintToServer("%d", a + b + c); }\npublic void OnPluginStart()\n{\n\tTwo(POS);\n\tTwo(1, .b = 2);\n\tPrintToServer("%d %d %d", 1, 2, 3);\n}\n`;
    expect(lines(await compileSource(src))).toEqual([]);
  });
});

describe('callbacks that fit no signature (100)', () => {
  it('reports a command callback with the wrong parameters or return type', async () => {
    const src = `${head}public void OnPluginStart()\n{\n\tRegConsoleCmd("sm_a", CmdA);\n\tRegConsoleCmd("sm_b", CmdB);\n\tRegConsoleCmd("sm_c", CmdC);\n}\nAction CmdA(int client) { return Plugin_Handled; }\nvoid CmdB(int client, int args) { }\nAction CmdC(int client, int args) { return Plugin_Handled; }\n`;
    expect(lines(await compileSource(src))).toEqual(['6: error 100: function prototypes do not match', '7: error 100: function prototypes do not match']);
  });

  it('reports event and timer callbacks that fit none of their typeset', async () => {
    const src = `${head}public void OnPluginStart()\n{\n\tHookEvent("round_start", OnRound);\n\tCreateTimer(1.0, OnTick);\n}\npublic Action OnRound(Event event) { return Plugin_Continue; }\npublic Action OnTick() { return Plugin_Continue; }\n`;
    expect(lines(await compileSource(src))).toEqual(['6: error 100: function prototypes do not match', '7: error 100: function prototypes do not match']);
  });

  it('accepts what spcomp accepts: any signature of the typeset, Handle for Event, old-style and untagged callbacks', async () => {
    const src = [
      '#include <sourcemod>',
      'public OnPluginStart()',
      '{',
      '\tHookEvent("round_start", OnRound);',
      '\tHookEvent("round_end", OnEnd);',
      '\tHookEvent("player_death", OnDeath);',
      '\tCreateTimer(1.0, OnTick, 5, TIMER_REPEAT);',
      '\tCreateTimer(1.0, OnTickOld);',
      '\tRegConsoleCmd("sm_x", CmdOld);',
      '}',
      'public void OnRound(Event event, const char[] name, bool dontBroadcast) { }',
      'public Action:OnEnd(Handle:event, const String:name[], bool:dontBroadcast) { return Plugin_Continue; }',
      // An untagged function returns int, which spcomp accepts for a `void` signature whatever its parameters.
      'public OnDeath() { }',
      'public Action OnTick(Handle timer, any data) { return Plugin_Continue; }',
      'public Action:OnTickOld(Handle:timer) { return Plugin_Stop; }',
      'public Action:CmdOld(client, args) { return Plugin_Handled; }',
    ].join('\n');
    expect(lines(await compileSource(src))).toEqual([]);
  });
});

describe('callbacks cast to their function type (100)', () => {
  it('checks the parameters of an untagged function cast with EventHook:, and accepts one that fits', async () => {
    const src = '#include <sourcemod>\npublic OnPluginStart()\n{\n\tHookEvent("round_end", EventHook:OnB);\n\tHookEvent("round_start", EventHook:OnB2);\n\tHookEvent("player_hurt", OnB);\n}\npublic OnB() { }\npublic OnB2(Handle:event, const String:name[], bool:dontBroadcast) { }\n';
    expect(lines(await compileSource(src))).toEqual(['4: error 100: function prototypes do not match']);
  });
});

describe('symbols defined twice (021)', () => {
  it('reports a function defined twice, a native redefined, and a global named like a function', async () => {
    const src = `${head}void Helper() { }\nvoid Helper() { }\nint GetClientHealth(int client) { return client; }\nint Counter;\nvoid Counter() { }\npublic void OnPluginStart() { Helper(); }\n`;
    expect(lines(await compileSource(src))).toEqual([
      '5: error 021: symbol already defined: "Helper"',
      '6: error 021: symbol already defined: "GetClientHealth"',
      '8: error 021: symbol already defined: "Counter"',
    ]);
  });

  it('reports a stock the answer defines again beside its companion include', async () => {
    const src = `${head}#include "zz_util"\nstock bool IsValidClient(int client) { return client > 0; }\npublic void OnPluginStart() { IsValidClient(1); }\n`;
    const companion = '\n\n```sourcepawn\n// zz_util.inc\nstock bool IsValidClient(int client) { return client > 0 && IsClientInGame(client); }\n```\n';
    expect(lines(await compileSource(src, {}, companion))).toEqual(['5: error 021: symbol already defined: "IsValidClient"']);
  });

  it('leaves alone forwards implemented, prototypes, #if branches and a Left4DHooks native declared without its include', async () => {
    const src = [
      head,
      'native bool L4D_IsFirstMapInScenario();',
      'forward void Later();',
      '#if defined L4D1',
      'int Mode() { return 1; }',
      '#else',
      'int Mode() { return 2; }',
      '#endif',
      'public void OnPluginStart() { Later(); PrintToServer("%d %d", Mode(), L4D_IsFirstMapInScenario()); }',
      'void Later() { }',
      'public void OnMapStart() { }',
    ].join('\n');
    expect(lines(await compileSource(src))).toEqual([]);
    // With the include, the same declaration is a second one.
    expect(lines(await compileSource(src.replace(head, `${head}#include <left4dhooks>\n`)))).toEqual(['6: error 021: symbol already defined: "L4D_IsFirstMapInScenario"']);
  });
});

describe('other spcomp rules', () => {
  it('reports a macro called with the wrong number of arguments as the preprocessor does (001, 029)', async () => {
    const src = `${head}#define SQ(%1) ((%1)*(%1))\n#define ADD(%1,%2) ((%1)+(%2))\npublic void OnPluginStart()\n{\n\tint a = SQ(1, 2);\n\tint b = ADD(1);\n\tint c = SQ();\n\tPrintToServer("%d %d %d %d", a, b, c, ADD(SQ(2), 3));\n}\n`;
    expect(lines(await compileSource(src))).toEqual([
      '8: error 001: expected token: ")", but found ","',
      '9: error 001: expected token: ",", but found ")"',
      '10: error 029: invalid expression, assumed zero',
    ]);
  });

  it('reports a methodmap or enum struct name used as a value (174), not as a type or a static receiver', async () => {
    const src = body('\tint x = ConVar;\n\tPrintToServer("%d", Event);\n\tConVar cv = view_as<ConVar>(INVALID_HANDLE);\n\tArrayList list = new ArrayList();\n\tPrintToServer("%d %d", cv, list);');
    expect(lines(await compileSource(src))).toEqual([
      "6: error 174: symbol 'ConVar' is a type and cannot be used as a value",
      "7: error 174: symbol 'Event' is a type and cannot be used as a value",
    ]);
  });

  it('reports old declarations, untyped functions and old tags under #pragma newdecls required (147), one per line', async () => {
    const src = '#pragma newdecls required\n#include <sourcemod>\nnew g_x;\npublic OnPluginStart()\n{\n\tnew y = Float:1.0;\n\tPrintToServer("%d %d", g_x, y);\n}\npublic Action:Foo(Handle:t) { return Plugin_Continue; }\n#pragma newdecls optional\nnew g_later;\n';
    expect(lines(await compileSource(src)).filter((l) => l.includes('147'))).toEqual([
      '3: error 147: new-style declarations are required',
      '4: error 147: new-style declarations are required',
      '6: error 147: new-style declarations are required',
      '9: error 147: new-style declarations are required',
    ]);
  });

  it('wants braces around a function body (437)', async () => {
    const src = '#include <sourcemod>\npublic OnPluginStart() HookEvent("round_start", OnRound);\npublic OnRound(Handle:event, const String:name[], bool:dontBroadcast) { }\n';
    expect(lines(await compileSource(src))).toEqual(['2: error 437: functions in global scope must use braces']);
  });

  it('knows the builtins spcomp 1.12 defines and nothing older', async () => {
    const ok = body('\tPrintToServer("%d %d %d %d %s %s %s %s", EOS, cellmax, cellmin, __LINE__, __FILE_NAME__, __FILE_PATH__, __DATE__, __BINARY_NAME__);');
    expect(lines(await compileSource(ok))).toEqual([]);
    const old = body('\tint a = cellbits;\n\tint b = charmax;\n\tPrintToServer("%s %d %d", __FILE__, a, b);');
    expect(lines(await compileSource(old))).toEqual(['6: error 017: undefined symbol "cellbits"', '7: error 017: undefined symbol "charmax"', '8: error 017: undefined symbol "__FILE__"']);
  });
});

describe('real-code constructs the grammar misreads', () => {
  it('accepts empty {} initializers and #if conditions continued on the next line', async () => {
    const src = [
      head,
      'enum struct Params { int a; }',
      'void Make(const Params list[] = {}, int n = 0) { PrintToServer("%d", n + list[0].a); }',
      'int Pick()',
      '{',
      '#if SOURCEMOD_V_MAJOR > 1',
      '  || (SOURCEMOD_V_MAJOR == 1 && SOURCEMOD_V_MINOR >= 12)',
      '\treturn 1;',
      '#else',
      '\treturn 2;',
      '#endif',
      '}',
      'public void OnPluginStart() { Make(); PrintToServer("%d", Pick()); }',
    ].join('\n');
    expect(lines(await compileSource(src))).toEqual([]);
  });

  it('reads a declaration split after its type as one (and checks members against that type)', async () => {
    const src = `${head}ConVar\n\tg_hCvar = null;\npublic APLRes\n\tAskPluginLoad2(Handle myself, bool late, char[] error, int err_max)\n{\n\treturn APLRes_Success;\n}\npublic void OnPluginStart()\n{\n\tg_hCvar = FindConVar("z_difficulty");\n\tPrintToServer("%d", g_hCvar.GetValueInt());\n}\n`;
    expect(lines(await compileSource(src))).toEqual(['14: error 105: cannot find method or property ConVar.GetValueInt']);
  });
});

describe('includes found as spcomp finds them', () => {
  const dir = tempTree({
    'scripting/plugin.sp': '',
    'scripting/local.inc': 'stock int Local_Value() { return 1; }\n',
    'scripting/sub/helpers.sp': '#include "more"\nvoid Helper() { PrintToServer("%d", More_Value()); }\n',
    'scripting/sub/more.inc': 'stock int More_Value() { return 2; }\n',
    'scripting/include/third.inc': 'native int Third_Value();\n',
    'other/include/third.inc': 'native int Third_Other();\n',
  });
  const file = path.join(dir, 'scripting', 'plugin.sp');
  const folders = { include: [path.join(dir, 'scripting', 'include'), path.join(dir, 'other', 'include')] };

  it('looks beside the including file first (nested, as written and with .inc), then each folder in order', async () => {
    const src = `${head}#include "local"\n#include "sub/helpers.sp"\n#include <third>\n#tryinclude <not_there>\npublic void OnPluginStart()\n{\n\tHelper();\n\tPrintToServer("%d %d %d", Local_Value(), More_Value(), Third_Value());\n}\n`;
    expect(lines(await compileSource(src, folders, '', file))).toEqual([]);
    // The first folder's third.inc wins: the other one's native is not declared.
    expect(lines(await compileSource(src.replace('Third_Value()', 'Third_Other()'), folders, '', file))).toEqual(['11: error 017: undefined symbol "Third_Other"']);
  });

  it('reports an include found nowhere (417); `<x>` is not looked for beside the file', async () => {
    expect(lines(await compileSource(`${head}#include "nope"\npublic void OnPluginStart() { }\n`, folders, '', file))).toEqual(['4: error 417: cannot read from file: "nope"']);
    expect(lines(await compileSource(`${head}#include <local>\npublic void OnPluginStart() { }\n`, folders, '', file))).toEqual(['4: error 417: cannot read from file: "local"']);
  });

  it('takes folders holding sourcemod.inc as the whole install: what they lack is missing', async () => {
    const install = tempTree({ 'sourcemod.inc': 'native void PrintToServer(const char[] format, any ...);\n' });
    const src = '#include <sourcemod>\n#include <multicolors>\npublic void OnPluginStart() { PrintToServer("x"); }\n';
    expect(lines(await compileSource(src, { include: [install] }))).toEqual(['2: error 417: cannot read from file: "multicolors"']);
    // Without an install configured, the shipped index and the catalog stand in for it.
    expect(lines(await compileSource(src))).toEqual([]);
  });
});
