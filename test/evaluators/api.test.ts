import { beforeAll, describe, expect, it } from 'vitest';
import { loadGrammar } from '../../evaluators/core/grammar.js';
import { prepareInput } from '../../evaluators/core/input.js';
import { analyzeApi } from '../../evaluators/symbols/api-analysis.js';
import { api } from '../../evaluators/checks/api.js';

beforeAll(async () => {
  await loadGrammar();
});

const PLUGIN = `#include <sourcemod>
#include <sdktools>
#include <left4dhooks>
#define SQUARE(%1) ((%1) * (%1))

native int Helper_FromOtherPlugin(int client);

methodmap Tracker < ArrayList {
  public Tracker() { return view_as<Tracker>(new ArrayList()); }
  public void Remember(int c) { this.Push(c); }
}

enum struct Stats { int kills; void Add() { this.kills++; } }

public void OnPluginStart() {
  HookEvent("tank_spawn", Event_TankSpawn);
  RegConsoleCmd("sm_tanks", Cmd_Tanks);
  ConVar cv = CreateConVar("sm_x", "1");
  cv.AddChangeHook(OnCvarChanged);
}

void OnCvarChanged(ConVar convar, const char[] o, const char[] n) {}

public Action Cmd_Tanks(int client, int args) {
  int n = L4D2_GetTankCount();
  ReplyToCommand(client, "%d tanks, %d", n, SQUARE(2));
  Tracker t = Tracker();
  t.Remember(client);
  Stats s;
  s.Add();
  Helper_FromOtherPlugin(client);
  float f = float(n);
  return Plugin_Handled;
}

public void Event_TankSpawn(Event event, const char[] name, bool dontBroadcast) {
  int client = GetClientOfUserId(event.GetInt("userid"));
  if (IsClientInGame(client) && L4D_IsPlayerIncapacitated(client)) {
    PrintToChatAll("tank %N", client);
  }
}
`;

const INVENTED = `#include <sourcemod>
#include <left4dhooks>
public void OnPluginStart() {
  int tanks = L4D_GetTankCount();
  PrintToServer("%d", tanks);
  L4D2_SetTankHealth(tanks, 100);
  FindConVar("z_difficulty").Frobnicate();
}
`;

describe('analyzeApi', () => {
  it('resolves real SourceMod, sdktools and Left4DHooks calls against the shipped index, naming the declaring include', () => {
    const result = analyzeApi(prepareInput(PLUGIN));
    expect(result.unknown).toEqual([]);
    const byName = new Map(result.calls.map((c) => [c.name, c]));
    expect(byName.get('HookEvent')).toMatchObject({ resolvedBy: 'catalog', include: 'events' });
    expect(byName.get('L4D2_GetTankCount')).toMatchObject({ resolvedBy: 'catalog', include: 'left4dhooks' });
    expect(byName.get('float')).toMatchObject({ resolvedBy: 'catalog' });
    expect(byName.get('event.GetInt')).toMatchObject({ resolvedBy: 'catalog', include: 'events' });
    expect(byName.get('cv.AddChangeHook')).toMatchObject({ resolvedBy: 'catalog' });
    expect(result.resolved).toBe(result.total);
  });

  it('treats the answer’s own functions, natives, macros, methodmaps and enum structs as local', () => {
    const result = analyzeApi(prepareInput(PLUGIN));
    const local = result.calls.filter((c) => c.resolvedBy === 'local').map((c) => c.name);
    expect(local).toEqual(expect.arrayContaining(['SQUARE', 'Tracker', 't.Remember', 's.Add', 'Helper_FromOtherPlugin']));
    // Local calls count neither as API calls nor as resolved ones.
    expect(result.total).toBe(result.calls.length - local.length);
  });

  it('reports invented natives with their line, column and a hint', () => {
    const result = analyzeApi(prepareInput(INVENTED));
    expect(result.unknown.map((u) => u.name)).toEqual(['L4D_GetTankCount', 'L4D2_SetTankHealth', '.Frobnicate']);
    expect(result.unknown[0]).toMatchObject({ line: 4, column: 15 });
    expect(result.unknown[0]?.hint).toContain('L4D2_GetTankCount');
    expect(result.unknown[1]?.hint).toContain('SetEntityHealth');
    expect(result.total).toBe(5);
    expect(result.resolved).toBe(2);
  });

  it('names an invented method on a typed variable Type.Name, and one on an untyped receiver receiver.Name', () => {
    const result = analyzeApi(prepareInput('public void OnPluginStart() {\n  ArrayList list = new ArrayList();\n  list.Shuffle();\n  list.Push(1);\n  mystery.Shuffle();\n}\n'));
    expect(result.unknown).toEqual([
      { name: 'ArrayList.Shuffle', line: 3, column: 3, hint: 'ArrayList has no method or property Shuffle' },
      { name: 'mystery.Shuffle', line: 5, column: 3 },
    ]);
  });

  it('checks a typed receiver against its type, not any type with a member of that name', () => {
    // Event has GetInt; ConVar does not (IntValue is its getter). By name alone both would pass.
    const src = 'ConVar g_cv;\npublic void OnEvent(Event event, const char[] name, bool dontBroadcast) {\n  int a = event.GetInt("userid");\n  int b = g_cv.GetInt();\n  int c = g_cv.IntValue;\n  g_cv.SetInt(a + b + c);\n}\n';
    const result = analyzeApi(prepareInput(src));
    expect(result.unknown.map((u) => `${u.name}:${u.line}`)).toEqual(['ConVar.GetInt:4']);
    expect(result.calls.find((c) => c.name === 'event.GetInt')).toMatchObject({ resolvedBy: 'catalog', include: 'events' });
    expect(result.calls.find((c) => c.name === 'g_cv.SetInt')).toMatchObject({ resolvedBy: 'catalog', include: 'convars' });
  });

  it('resolves members of the answer\'s own methodmaps through their parents', () => {
    const src = 'methodmap Bag < ArrayList {\n  public Bag() { return view_as<Bag>(new ArrayList()); }\n  public int Count() { return this.Length; }\n}\npublic void OnPluginStart() {\n  Bag bag = new Bag();\n  bag.Count();\n  bag.Push(1);\n  bag.Shake();\n}\n';
    const result = analyzeApi(prepareInput(src));
    expect(result.unknown.map((u) => u.name)).toEqual(['Bag.Shake']);
    expect(result.calls.find((c) => c.name === 'bag.Count')?.resolvedBy).toBe('local');
    expect(result.calls.find((c) => c.name === 'bag.Push')).toMatchObject({ resolvedBy: 'catalog', include: 'adt_array' });
  });

  it('resolves names declared in a companion file', () => {
    const answer = [
      'Here is the include:',
      '```sourcepawn',
      '// tanktools.inc',
      'native int TankTools_Count();',
      'stock bool TankTools_IsTank(int client) { return GetClientTeam(client) == 3; }',
      '```',
      'And the plugin:',
      '```sourcepawn',
      '#include <sourcemod>',
      '#include "tanktools"',
      'public void OnPluginStart() {',
      '  PrintToServer("%d %d", TankTools_Count(), TankTools_IsTank(1));',
      '}',
      '```',
    ].join('\n');
    const input = prepareInput(answer);
    expect(input.code.companions).toHaveLength(1);
    const result = analyzeApi(input);
    expect(result.unknown).toEqual([]);
    expect(result.calls.filter((c) => c.resolvedBy === 'companion').map((c) => c.name).sort()).toEqual([
      'TankTools_Count',
      'TankTools_IsTank',
    ]);
  });

  it('accepts allowed names and memoises per allow list', () => {
    const input = prepareInput(INVENTED);
    const first = analyzeApi(input);
    expect(analyzeApi(input)).toBe(first);
    const allowed = analyzeApi(input, { allow: ['L4D2_SetTankHealth'] });
    expect(allowed).not.toBe(first);
    expect(allowed.unknown.map((u) => u.name)).toEqual(['L4D_GetTankCount', '.Frobnicate']);
  });

  it('has nothing to resolve without code', () => {
    expect(analyzeApi(prepareInput('No code here, sorry.'))).toMatchObject({ total: 0, resolved: 0, unknown: [] });
  });
});

describe('api check', () => {
  const opts = (o: object = {}) => api.options.parse(o);

  it('passes when every call resolves', async () => {
    const out = await api.evaluate(prepareInput(PLUGIN), opts());
    expect(out.status).toBe('pass');
    expect(out.reason).toMatch(/^all \d+ API calls resolve$/);
    expect(out.details).toMatchObject({ accuracy: 1 });
  });

  it('fails on invented APIs with a readable reason, locations and hints', async () => {
    const out = await api.evaluate(prepareInput(INVENTED), opts());
    expect(out.status).toBe('fail');
    expect(out.reason).toBe('3 unknown APIs: L4D_GetTankCount (line 4), L4D2_SetTankHealth (line 6), .Frobnicate (line 7)');
    expect(out.locations?.[0]).toMatchObject({ line: 4, column: 15 });
    expect(out.locations?.[0]?.message).toMatch(/^L4D_GetTankCount does not exist; /);
    expect(out.details?.hints).toHaveLength(2);
    expect(out.details?.accuracy).toBeCloseTo(2 / 5);
  });

  it('honours the allow list and max_unknown', async () => {
    const input = prepareInput(INVENTED);
    const allowed = await api.evaluate(input, opts({ allow: ['L4D_GetTankCount', 'L4D2_SetTankHealth', 'Frobnicate'] }));
    expect(allowed.status).toBe('pass');
    const tolerated = await api.evaluate(input, opts({ max_unknown: 3 }));
    expect(tolerated.status).toBe('pass');
    expect(tolerated.reason).toContain('within max_unknown 3');
    expect((await api.evaluate(input, opts({ max_unknown: 2 }))).status).toBe('fail');
  });

  it('validates its options strictly and names its default id', () => {
    expect(() => api.options.parse({ max_unkown: 1 })).toThrow();
    expect(() => api.options.parse({ max_unknown: -1 })).toThrow();
    expect(api.defaultId(opts())).toBe('api');
    expect(api.defaultId(opts({ max_unknown: 2 }))).toBe('api:max_unknown=2');
  });

  it('fails when the answer has no code', async () => {
    const out = await api.evaluate(prepareInput('I cannot help with that.'), opts());
    expect(out).toMatchObject({ status: 'fail', reason: 'no code found in the answer' });
  });
});
