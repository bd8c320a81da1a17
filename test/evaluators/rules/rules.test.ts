import { beforeAll, describe, expect, it } from 'vitest';
import { loadGrammar } from '../../../evaluators/core/grammar.js';
import { lines, violations } from './helpers.js';

beforeAll(async () => {
  await loadGrammar();
});

const PRAGMAS = '#pragma semicolon 1\n#pragma newdecls required\n#include <sourcemod>\n';

describe('zombie-class-numbers', () => {
  it('flags L4D1 tank numbers in constants and helpers', () => {
    expect(lines('zombie-class-numbers', '#define ZC_TANK 5\n#define ZC_SMOKER 1\nenum { ZOMBIECLASS_NONE, ZOMBIECLASS_SMOKER, ZOMBIECLASS_BOOMER, ZOMBIECLASS_HUNTER, ZOMBIECLASS_WITCH }')).toEqual([1, 3]);
    const v = violations('zombie-class-numbers', 'bool IsTank(int client)\n{\n  return GetEntProp(client, Prop_Send, "m_zombieClass") == 5;\n}');
    expect(v.map((x) => x.line)).toEqual([3]);
    expect(v[0]!.message).toContain('Tank is class 8');
  });
  it('accepts L4D2 numbers, L4D1 constants and unrelated numbers', () => {
    const code = '#define ZC_TANK 8\n#define L4D1_ZOMBIECLASS_TANK 5\n#define TANK_HEALTH 4000\n#define SI_HUNTER_LIMIT 4\nbool IsJockey(int c) { return GetEntProp(c, Prop_Send, "m_zombieClass") == 5; }';
    expect(lines('zombie-class-numbers', code)).toEqual([]);
  });
});

describe('team-numbers', () => {
  it('flags swapped team constants and helpers', () => {
    expect(lines('team-numbers', '#define TEAM_SURVIVOR 3\n#define TEAM_INFECTED 3')).toEqual([1]);
    expect(lines('team-numbers', 'bool IsSurvivor(int client)\n{\n  return GetClientTeam(client) == 3;\n}')).toEqual([3]);
  });
  it('accepts right numbers and the L4D1 survivor team 4', () => {
    expect(lines('team-numbers', '#define TEAM_SPECTATOR 1\n#define TEAM_SURVIVOR 2\n#define TEAM_L4D1_SURVIVOR 4\nbool IsInfected(int c) { return GetClientTeam(c) == 3; }')).toEqual([]);
  });
});

describe('client-validity', () => {
  it('flags client natives before IsClientInGame', () => {
    expect(lines('client-validity', 'void F()\n{\n  for (int i = 1; i <= MaxClients; i++)\n  {\n    if (GetClientTeam(i) == 2) PrintToChat(i, "hi");\n  }\n}')).toEqual([5]);
  });
  it('accepts guarded loops, continue guards and helpers', () => {
    const code = `bool IsValidClient(int c) { return c > 0 && c <= MaxClients && IsClientInGame(c); }
void F() {
  for (int i = 1; i <= MaxClients; i++) { if (IsClientInGame(i) && GetClientTeam(i) == 2) PrintToChat(i, "a"); }
  for (int i = 1; i <= MaxClients; i++) { if (!IsClientInGame(i) || IsFakeClient(i)) continue; PrintToChat(i, "b"); }
  for (int i = 1; i <= MaxClients; i++) { if (IsValidClient(i)) PrintToChat(i, "c"); }
  for (int i = 0; i <= MAXPLAYERS; i++) { g_bSeen[i] = false; }
}`;
    expect(lines('client-validity', code)).toEqual([]);
  });
});

describe('timer-userid', () => {
  it('flags raw client indexes passed to timers', () => {
    expect(lines('timer-userid', 'public void OnClientPutInServer(int client)\n{\n  CreateTimer(1.0, T, client);\n}')).toEqual([3]);
    expect(lines('timer-userid', 'void E(Event event)\n{\n  int c = GetClientOfUserId(event.GetInt("userid"));\n  CreateTimer(1.0, T, c, TIMER_FLAG_NO_MAPCHANGE);\n}')).toEqual([4]);
  });
  it('accepts userids and non-client data', () => {
    expect(lines('timer-userid', 'public void OnClientPutInServer(int client)\n{\n  CreateTimer(1.0, T, GetClientUserId(client));\n  CreateTimer(1.0, T, g_iCount);\n  CreateTimer(1.0, T);\n}')).toEqual([]);
  });
});

describe('action-return', () => {
  it('flags missing returns, bare returns and numbers', () => {
    const code = 'public Action A(int c)\n{\n  if (c) return Plugin_Handled;\n}\npublic Action B(int c)\n{\n  if (c) return;\n  return 0;\n}';
    expect(lines('action-return', code)).toEqual([1, 7, 8]);
  });
  it('accepts Action functions that return on every path', () => {
    const code = `public Action A(int c) { if (c) { return Plugin_Handled; } else return Plugin_Continue; }
public Action B(int c) { switch (c) { case 1: return Plugin_Stop; default: return Plugin_Continue; } }
public Action C(int c) { Action r = Plugin_Continue; return r; }
public void D() { return; }`;
    expect(lines('action-return', code)).toEqual([]);
  });
});

describe('myinfo', () => {
  it('flags a missing or non-public myinfo', () => {
    expect(lines('myinfo', PRAGMAS + 'public void OnPluginStart() {}')).toEqual([1]);
    expect(lines('myinfo', PRAGMAS + 'Plugin myinfo = { name = "x" };')).toEqual([4]);
  });
  it('accepts public Plugin myinfo', () => {
    expect(lines('myinfo', PRAGMAS + 'public Plugin myinfo = { name = "x", author = "y" };')).toEqual([]);
  });
});

describe('pragma-semicolon and pragma-newdecls', () => {
  it('flags missing pragmas', () => {
    expect(lines('pragma-semicolon', '#include <sourcemod>\npublic void OnPluginStart() {}')).toEqual([1]);
    expect(lines('pragma-newdecls', '#pragma semicolon 1\npublic void OnPluginStart() {}')).toEqual([1]);
  });
  it('accepts present pragmas', () => {
    expect(lines('pragma-semicolon', PRAGMAS)).toEqual([]);
    expect(lines('pragma-newdecls', PRAGMAS)).toEqual([]);
  });
});

describe('new-syntax', () => {
  it('flags old declarations, tags and untyped functions', () => {
    const code = 'new g_x;\npublic Plugin:myinfo = { name = "x" };\npublic OnPluginStart()\n{\n  decl String:buf[64];\n}\npublic Action:T(Handle:timer) { return Plugin_Stop; }';
    expect(lines('new-syntax', code)).toEqual([1, 2, 3, 5, 7, 7]);
  });
  it('accepts new-style code with new expressions and _: casts', () => {
    const code = 'int g_x;\npublic Plugin myinfo = { name = "x" };\npublic void OnPluginStart()\n{\n  ArrayList list = new ArrayList();\n  char buf[64];\n  int v = _:list;\n}';
    expect(lines('new-syntax', code)).toEqual([]);
  });
});

describe('maxclients', () => {
  it('flags hard-coded client loop bounds', () => {
    expect(lines('maxclients', 'void F()\n{\n  for (int i = 1; i <= 32; i++) if (IsClientInGame(i)) KickClient(i);\n  for (int i = 1; i <= MAXPLAYERS; i++) if (IsClientInGame(i)) KickClient(i);\n}')).toEqual([3, 4]);
  });
  it('accepts MaxClients and array resets up to MAXPLAYERS', () => {
    expect(lines('maxclients', 'void F()\n{\n  for (int i = 1; i <= MaxClients; i++) if (IsClientInGame(i)) KickClient(i);\n  for (int i = 0; i <= MAXPLAYERS; i++) g_b[i] = false;\n}')).toEqual([]);
  });
});

describe('event-names', () => {
  it('flags invented event names with the real one', () => {
    const v = violations('event-names', 'public void OnPluginStart()\n{\n  HookEvent("tank_death", E);\n  HookEvent("Player_Death", E);\n}');
    expect(v.map((x) => x.line)).toEqual([3, 4]);
    expect(v[0]!.message).toContain('tank_killed');
    expect(v[1]!.message).toContain('case-sensitive');
  });
  it('accepts real L4D2 events from all three event files', () => {
    expect(lines('event-names', 'public void OnPluginStart()\n{\n  HookEvent("tank_killed", E);\n  HookEvent("player_disconnect", E, EventHookMode_Pre);\n  HookEvent("round_start", E, EventHookMode_PostNoCopy);\n  HookEvent("charger_carry_start", E);\n  UnhookEvent("player_left_safe_area", E);\n}')).toEqual([]);
  });
});

describe('cheat-flags', () => {
  it('flags cheat commands run without stripping or restoring FCVAR_CHEAT', () => {
    const code = 'void A(int c)\n{\n  FakeClientCommand(c, "give health");\n}\nvoid B()\n{\n  int f = GetCommandFlags("z_spawn_old");\n  SetCommandFlags("z_spawn_old", f & ~FCVAR_CHEAT);\n  ServerCommand("z_spawn_old tank auto");\n}';
    expect(lines('cheat-flags', code)).toEqual([3, 9]);
  });
  it('accepts strip-run-restore, helpers and non-cheat commands', () => {
    const code = `void A(int c) {
  int f = GetCommandFlags("give");
  SetCommandFlags("give", f & ~FCVAR_CHEAT);
  FakeClientCommand(c, "give health");
  SetCommandFlags("give", f);
}
void Cheat(int c, const char[] cmd, const char[] args) {
  int f = GetCommandFlags(cmd);
  SetCommandFlags(cmd, f & ~FCVAR_CHEAT);
  FakeClientCommand(c, "%s %s", cmd, args);
  SetCommandFlags(cmd, f);
}
void B(int c) { Cheat(c, "z_spawn_old", "hunter auto"); ServerCommand("sm_kick %d", c); FakeClientCommand(c, "say hi"); }`;
    expect(lines('cheat-flags', code)).toEqual([]);
  });
});

describe('timer-no-blocking-loop', () => {
  it('flags endless and busy-wait loops in timer callbacks', () => {
    const code = 'public void OnPluginStart() { CreateTimer(1.0, T); }\npublic Action T(Handle timer)\n{\n  while (true) { PrintToServer("x"); }\n  while (GetGameTime() < 10.0) {}\n  return Plugin_Continue;\n}';
    expect(lines('timer-no-blocking-loop', code)).toEqual([4, 5]);
  });
  it('accepts bounded loops, loops with break, and loops outside timers', () => {
    const code = `public void OnPluginStart() { CreateTimer(1.0, T, _, TIMER_REPEAT); while (true) { break; } }
public Action T(Handle timer) {
  for (int i = 1; i <= MaxClients; i++) {}
  while (true) { if (g_bDone) break; g_iTries++; }
  return Plugin_Continue;
}`;
    expect(lines('timer-no-blocking-loop', code)).toEqual([]);
  });
});

describe('event-userid', () => {
  it('flags userids used as client indexes', () => {
    const code = 'public void E(Event event, const char[] name, bool dontBroadcast)\n{\n  if (IsClientInGame(event.GetInt("userid"))) {}\n  int attacker = GetEventInt(event, "attacker");\n  PrintToChat(attacker, "hit");\n}';
    expect(lines('event-userid', code)).toEqual([3, 5]);
  });
  it('accepts converted userids, pass-through userids and entity keys', () => {
    const code = `public void OnPluginStart() { HookEvent("zombie_death", Z); }
public void E(Event event, const char[] name, bool dontBroadcast) {
  int client = GetClientOfUserId(event.GetInt("userid"));
  int uid = event.GetInt("attacker");
  CreateTimer(1.0, T, uid);
  int v = event.GetInt("victim");
  int vc = GetClientOfUserId(v);
}
public void Z(Event event, const char[] name, bool dontBroadcast) {
  int victim = event.GetInt("victim");
  if (IsValidEntity(victim)) {}
}`;
    expect(lines('event-userid', code)).toEqual([]);
  });
});

describe('sdkhooks-include and left4dhooks-include', () => {
  it('flags natives without their include', () => {
    expect(lines('sdkhooks-include', '#include <sourcemod>\nvoid F(int c)\n{\n  SDKHook(c, SDKHook_OnTakeDamage, D);\n}')).toEqual([4]);
    expect(lines('left4dhooks-include', '#include <sourcemod>\n#include <sdktools>\nvoid F()\n{\n  int n = L4D2_GetTankCount();\n}')).toEqual([5]);
  });
  it('accepts included, self-defined, or possibly included natives', () => {
    expect(lines('sdkhooks-include', '#include <sourcemod>\n#include <sdkhooks>\nvoid F(int c) { SDKHook(c, SDKHook_OnTakeDamage, D); }')).toEqual([]);
    expect(lines('left4dhooks-include', '#include <sourcemod>\n#include <left4dhooks>\nvoid F() { L4D2_GetTankCount(); }')).toEqual([]);
    expect(lines('left4dhooks-include', '#include <sourcemod>\n#include <l4d2util>\nvoid F() { L4D2_GetTankCount(); }')).toEqual([]);
    expect(lines('left4dhooks-include', '#include <sourcemod>\nint L4D_Count() { return 1; }\nvoid F() { L4D_Count(); }')).toEqual([]);
  });
});

describe('event-callback-signature', () => {
  it('flags wrong parameter lists and return types', () => {
    const code = 'public void OnPluginStart() { HookEvent("player_death", A); HookEvent("round_start", B); }\npublic void A(Event event)\n{\n}\npublic int B(Event event, const char[] name, bool dontBroadcast) { return 0; }';
    expect(lines('event-callback-signature', code)).toEqual([2, 5]);
  });
  it('accepts the EventHook prototype (void or Action, Event or Handle)', () => {
    const code = 'public void OnPluginStart() { HookEvent("player_death", A); HookEvent("round_start", B); }\npublic void A(Event event, const char[] name, bool dontBroadcast) {}\npublic Action B(Handle event, const char[] name, bool dontBroadcast) { return Plugin_Continue; }';
    expect(lines('event-callback-signature', code)).toEqual([]);
  });
});

describe('event-nocopy-fields', () => {
  it('flags field reads in PostNoCopy handlers', () => {
    const code = 'public void OnPluginStart() { HookEvent("player_death", A, EventHookMode_PostNoCopy); }\npublic void A(Event event, const char[] name, bool dontBroadcast)\n{\n  int c = GetClientOfUserId(event.GetInt("userid"));\n}';
    expect(lines('event-nocopy-fields', code)).toEqual([4]);
  });
  it('accepts PostNoCopy handlers without reads and Post handlers with reads', () => {
    const code = 'public void OnPluginStart() { HookEvent("round_start", A, EventHookMode_PostNoCopy); HookEvent("player_death", B); }\npublic void A(Event event, const char[] name, bool dontBroadcast) { g_bLive = true; }\npublic void B(Event event, const char[] name, bool dontBroadcast) { int c = GetClientOfUserId(event.GetInt("userid")); }';
    expect(lines('event-nocopy-fields', code)).toEqual([]);
  });
});

describe('entity-classname', () => {
  it('flags invented classnames', () => {
    expect(lines('entity-classname', 'void F()\n{\n  int e = -1;\n  while ((e = FindEntityByClassname(e, "tank")) != -1) {}\n  CreateEntityByName("weapon_medkit");\n}')).toEqual([4, 5]);
  });
  it('accepts real classnames', () => {
    expect(lines('entity-classname', 'void F() { FindEntityByClassname(-1, "witch"); FindEntityByClassname(-1, "infected"); CreateEntityByName("weapon_first_aid_kit"); }')).toEqual([]);
  });
});

describe('client-index-zero', () => {
  it('flags GetClientOfUserId results used before a 0 check', () => {
    expect(lines('client-index-zero', 'public void E(Event event, const char[] n, bool d)\n{\n  int client = GetClientOfUserId(event.GetInt("userid"));\n  PrintToChat(client, "hi");\n}')).toEqual([4]);
  });
  it('accepts checked results', () => {
    const code = `public void E(Event event, const char[] n, bool d) {
  int client = GetClientOfUserId(event.GetInt("userid"));
  if (client == 0 || !IsClientInGame(client)) return;
  PrintToChat(client, "hi");
  int other = GetClientOfUserId(event.GetInt("attacker"));
  if (IsValidClient(other)) PrintToChat(other, "x");
}`;
    expect(lines('client-index-zero', code)).toEqual([]);
  });
});
