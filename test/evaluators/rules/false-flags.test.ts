// False flags found on real public L4D2 plugins (rules review): each case must stay silent,
// next to the closest true case that must still be flagged.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadGrammar } from '../../../evaluators/core/grammar.js';
import { rules } from '../../../evaluators/rules/index.js';
import { lines } from './helpers.js';

beforeAll(async () => {
  await loadGrammar();
});

describe('zombie-class-numbers: L4D1 side of a game check', () => {
  it('accepts L4D1 numbers under if/else, negated bools, engine checks, ternaries and early returns', () => {
    const code = `bool g_bLeft4Dead2, g_bL4D2, g_bIsL4D1;
bool IsTank(int client)
{
  int class = GetEntProp(client, Prop_Send, "m_zombieClass");
  if (g_bLeft4Dead2) return class == 8;
  else return class == 5;
}
bool IsTankNot(int client)
{
  if (!g_bL4D2) { return GetEntProp(client, Prop_Send, "m_zombieClass") == 5; }
  return GetEntProp(client, Prop_Send, "m_zombieClass") == 8;
}
bool IsTankEngine(int client)
{
  if (GetEngineVersion() == Engine_Left4Dead) return GetEntProp(client, Prop_Send, "m_zombieClass") == 5;
  if (GetEngineVersion() != Engine_Left4Dead2) return GetEntProp(client, Prop_Send, "m_zombieClass") == 5;
  return GetEntProp(client, Prop_Send, "m_zombieClass") == 8;
}
bool IsTankL4DH(int client)
{
  if (L4D_IsEngineLeft4Dead()) return GetEntProp(client, Prop_Send, "m_zombieClass") == 5;
  if (!L4D_IsEngineLeft4Dead2()) return GetEntProp(client, Prop_Send, "m_zombieClass") == 5;
  return GetEntProp(client, Prop_Send, "m_zombieClass") == 8;
}
bool IsTankBool(int client)
{
  int class = GetEntProp(client, Prop_Send, "m_zombieClass");
  return (g_bIsL4D1 && class == 5) || (!g_bIsL4D1 && class == 8);
}
bool IsTankTernary(int client)
{
  int class = GetEntProp(client, Prop_Send, "m_zombieClass");
  return g_bL4D2 ? class == 8 : class == 5;
}
bool IsTankEarly(int client)
{
  int class = GetEntProp(client, Prop_Send, "m_zombieClass");
  if (g_bLeft4Dead2) return class == 8;
  return class == 5;
}`;
    expect(lines('zombie-class-numbers', code)).toEqual([]);
  });
  it('still flags L4D1 numbers on the L4D2 side or outside any game check', () => {
    const code = `bool IsTank(int client)
{
  int class = GetEntProp(client, Prop_Send, "m_zombieClass");
  if (g_bLeft4Dead2) return class == 5;
  else return class == 8;
}
bool IsTankPlain(int client)
{
  if (g_bEnabled) return GetEntProp(client, Prop_Send, "m_zombieClass") == 5;
  return false;
}
bool IsTankEngine(int client)
{
  if (GetEngineVersion() != Engine_Left4Dead) return GetEntProp(client, Prop_Send, "m_zombieClass") == 5;
  return false;
}`;
    expect(lines('zombie-class-numbers', code)).toEqual([4, 9, 14]);
  });
  it('accepts anything in a plugin that only loads in L4D1', () => {
    const code = `#define ZC_TANK 5
public APLRes AskPluginLoad2(Handle myself, bool late, char[] error, int err_max)
{
  if (GetEngineVersion() != Engine_Left4Dead) { strcopy(error, err_max, "L4D1 only"); return APLRes_SilentFailure; }
  return APLRes_Success;
}`;
    expect(lines('zombie-class-numbers', code)).toEqual([]);
  });
});

describe('zombie-class-numbers: constant groups that are not the L4D2 class table', () => {
  it('accepts 0-based index tables (a class at 0, or every class one below)', () => {
    const code = `#define SI_SMOKER		0
#define SI_BOOMER		1
#define SI_HUNTER		2
#define SI_SPITTER		3
#define SI_JOCKEY		4
#define SI_CHARGER		5
#define SI_MAX_SIZE		6
enum { ZC_BOOMER = 1, ZC_HUNTER, ZC_SPITTER }`;
    expect(lines('zombie-class-numbers', code)).toEqual([]);
  });
  it("accepts L4D1's class table (Witch or an unknown class at 4, Tank 5)", () => {
    const code = `enum /*ZOMBIECLASS*/
{
  ZOMBIECLASS_SMOKER = 1,
  ZOMBIECLASS_BOOMER,
  ZOMBIECLASS_HUNTER,
  ZOMBIECLASS_UNKNOWN,
  ZOMBIECLASS_TANK,
}
#define ZC_SMOKER 1
#define ZC_WITCH 4
#define ZC_TANK 5`;
    expect(lines('zombie-class-numbers', code)).toEqual([]);
  });
  it('accepts entity-kind enums whose members are not SI classes', () => {
    expect(lines('zombie-class-numbers', 'enum\n{\n  TYPE_COMMON,\n  TYPE_INFECTED,\n  TYPE_SURVIVOR,\n  TYPE_TANK,\n}')).toEqual([]);
  });
  it('still flags wrong numbers in L4D2-style tables, with NONE/SURVIVOR extras or a mix of prefixes', () => {
    const code = `enum { ZC_NONE, ZC_SMOKER, ZC_BOOMER, ZC_HUNTER, ZC_SPITTER, ZC_JOCKEY, ZC_CHARGER, ZC_TANK, ZC_WITCH, ZC_SURVIVOR }
#define SI_SMOKER 0
#define ZOMBIECLASS_TANK 5
#define ZOMBIECLASS_SMOKER 1
#define ZOMBIECLASS_SPITTER 4`;
    // ZC_TANK 7, ZC_WITCH 8; ZOMBIECLASS_TANK 5 is not grouped with SI_SMOKER 0 and sits next to the Spitter at 4.
    expect(lines('zombie-class-numbers', code)).toEqual([3, 1, 1]);
  });
});

describe('left4dhooks-include: natives the plugin declares itself', () => {
  it('accepts a Left4DHooks native declared in the file (optional native)', () => {
    const code = `#include <sourcemod>
native bool L4D_IsFirstMapInScenario();
public APLRes AskPluginLoad2(Handle myself, bool late, char[] error, int err_max)
{
  MarkNativeAsOptional("L4D_IsFirstMapInScenario");
  return APLRes_Success;
}
public void OnPluginStart() { if (L4D_IsFirstMapInScenario()) PrintToServer("first"); }`;
    expect(lines('left4dhooks-include', code)).toEqual([]);
  });
  it('still flags other Left4DHooks natives in the same file', () => {
    const code = '#include <sourcemod>\nnative bool L4D_IsFirstMapInScenario();\nvoid F()\n{\n  L4D_IsFirstMapInScenario();\n  L4D2_GetTankCount();\n}';
    expect(lines('left4dhooks-include', code)).toEqual([6]);
  });
});

describe('client-validity: SDKUnhook and guard helpers', () => {
  it('accepts SDKUnhook on every slot (it never throws)', () => {
    const code = 'public void OnPluginEnd()\n{\n  for (int i = 1; i <= MaxClients; i++) SDKUnhook(i, SDKHook_OnTakeDamage, OnTakeDamage);\n}';
    expect(lines('client-validity', code)).toEqual([]);
  });
  it('still flags SDKHook on every slot', () => {
    const code = 'public void OnPluginStart()\n{\n  for (int i = 1; i <= MaxClients; i++) SDKHook(i, SDKHook_OnTakeDamage, OnTakeDamage);\n}';
    expect(lines('client-validity', code)).toEqual([3]);
  });
  it('follows guard helpers to any depth, and trusts guard-named helpers it cannot see', () => {
    const code = `bool IsValidClient(int c) { return c > 0 && c <= MaxClients && IsClientInGame(c); }
bool IsValidInf(int c) { return IsValidClient(c) && GetClientTeam(c) == 3; }
bool isTank(int c) { return IsValidInf(c) && GetEntProp(c, Prop_Send, "m_zombieClass") == 8; }
bool isTankInc(int c) { return IsValidInfected(c) && GetEntProp(c, Prop_Send, "m_zombieClass") == 8; }
bool isBoomer(int c) { return isTankInc(c) || IsSurvivorX(c); }
void F()
{
  for (int i = 1; i <= MaxClients; i++) { if (!isTank(i) || !IsPlayerAlive(i)) continue; PrintToChat(i, "a"); }
  for (int i = 1; i <= MaxClients; i++) { if (!isTankInc(i) || !IsPlayerAlive(i)) continue; PrintToChat(i, "b"); }
  for (int i = 1; i <= MaxClients; i++) { if (isBoomer(i) && IsPlayerAlive(i)) PrintToChat(i, "c"); }
}`;
    expect(lines('client-validity', code)).toEqual([]);
  });
  it('still flags helpers that check nothing, or only through natives that throw', () => {
    const code = `bool isTank(int c) { return GetEntProp(c, Prop_Send, "m_zombieClass") == 8; }
bool isAlive(int c) { return IsPlayerAlive(c); }
void F()
{
  for (int i = 1; i <= MaxClients; i++) { if (!isTank(i) || !IsPlayerAlive(i)) continue; PrintToChat(i, "a"); }
  for (int i = 1; i <= MaxClients; i++) { if (isAlive(i)) PrintToChat(i, "b"); }
}`;
    expect(lines('client-validity', code)).toEqual([5, 6]);
  });
});

describe('timer-userid: timers that cannot outlive the client', () => {
  it('accepts per-client timer handles closed on disconnect (directly, via a helper, or in player_disconnect)', () => {
    const code = `Handle g_hA[MAXPLAYERS+1], g_hB[MAXPLAYERS+1], g_hC[MAXPLAYERS+1], g_hD[MAXPLAYERS+1], g_hE[MAXPLAYERS+1];
enum struct Victim { Handle m_hTimer; }
Victim victimTimer[MAXPLAYERS+1];
public void OnPluginStart() { HookEvent("player_disconnect", Event_Disconnect, EventHookMode_Pre); }
public void OnClientDisconnect(int client) { delete g_hA[client]; ResetTimers(client); KillSafe(g_hE[client]); }
public void OnClientDisconnect_Post(int client) { KillTimer(g_hB[client]); }
void ResetTimers(int client) { delete g_hC[client]; delete victimTimer[client].m_hTimer; }
void KillSafe(Handle &h) { delete h; }
void Event_Disconnect(Event event, const char[] name, bool dontBroadcast)
{
  int client = GetClientOfUserId(event.GetInt("userid"));
  if (g_hD[client] != null) { CloseHandle(g_hD[client]); g_hD[client] = null; }
}
public void OnClientPutInServer(int client)
{
  g_hA[client] = CreateTimer(1.0, T, client);
  g_hB[client] = CreateTimer(1.0, T, client);
  g_hC[client] = CreateTimer(1.0, T, client, TIMER_REPEAT);
  g_hD[client] = CreateTimer(1.0, T, client);
  g_hE[client] = CreateTimer(1.0, T, client);
  victimTimer[client].m_hTimer = CreateTimer(1.0, T, client);
  for (int i = 1; i <= MaxClients; i++) g_hA[i] = CreateTimer(1.0, T, i);
}`;
    expect(lines('timer-userid', code)).toEqual([]);
  });
  it('still flags handles that are not closed on disconnect, or stored under another index', () => {
    const code = `Handle g_hA[MAXPLAYERS+1], g_hB[MAXPLAYERS+1];
public void OnClientDisconnect(int client) { delete g_hA[client]; }
public void OnClientPutInServer(int client)
{
  g_hB[client] = CreateTimer(1.0, T, client);
  g_hA[0] = CreateTimer(1.0, T, client);
  Handle h = CreateTimer(1.0, T, client);
}`;
    expect(lines('timer-userid', code)).toEqual([5, 6, 7]);
  });
  it('accepts timers made in OnClientDisconnect(_Post) for the leaving client, and TriggerTimer(CreateTimer(...))', () => {
    const code = `public void OnClientDisconnect_Post(int client)
{
  if (client != g_iTankClient) return;
  CreateTimer(0.1, Timer_CheckTank, client);
}
public void OnClientDisconnect(int client) { CreateTimer(0.1, T, client); }
public void OnClientPutInServer(int client) { TriggerTimer(CreateTimer(0.1, T, client, TIMER_FLAG_NO_MAPCHANGE)); }`;
    expect(lines('timer-userid', code)).toEqual([]);
  });
  it('still flags other clients looped over in OnClientDisconnect', () => {
    expect(lines('timer-userid', 'public void OnClientDisconnect(int client)\n{\n  for (int i = 1; i <= MaxClients; i++) CreateTimer(0.1, T, i);\n}')).toEqual([3]);
  });
});

describe('team-numbers: team 4 is the L4D1 survivor team', () => {
  it('accepts team 4 in survivor helpers', () => {
    const code = 'bool IsSurvivor(int client) { return (GetClientTeam(client) == 2 || GetClientTeam(client) == 4); }';
    expect(lines('team-numbers', code)).toEqual([]);
  });
  it('still flags team 3 for survivors and team 4 for infected', () => {
    const code = 'bool IsSurvivor(int client)\n{\n  return GetClientTeam(client) == 2 || GetClientTeam(client) == 3;\n}\nbool IsInfected(int client) { return GetClientTeam(client) == 4; }';
    expect(lines('team-numbers', code)).toEqual([3, 5]);
  });
});

describe('cheat-flags: FCVAR_CHEAT stripped with a numeric mask', () => {
  it('accepts & -16385, & ~16384, & ~(1 << 14) and hex masks', () => {
    const code = `void A(int c) {
  int flags = GetCommandFlags("sb_takecontrol");
  SetCommandFlags("sb_takecontrol", flags & -16385);
  FakeClientCommand(c, "sb_takecontrol");
  SetCommandFlags("sb_takecontrol", flags);
}
void B(int c) {
  int flags = GetCommandFlags("give");
  SetCommandFlags("give", flags & ~16384);
  FakeClientCommand(c, "give health");
  SetCommandFlags("give", flags);
}
void C(int c) {
  SetCommandFlags("z_spawn_old", GetCommandFlags("z_spawn_old") & 0xFFFFBFFF);
  FakeClientCommand(c, "z_spawn_old tank");
  SetCommandFlags("z_spawn_old", GetCommandFlags("z_spawn_old") | (1 << 14));
}
void D(int c) {
  int flags = GetCommandFlags("give");
  SetCommandFlags("give", flags & ~(1 << 14));
  FakeClientCommand(c, "give pills");
  SetCommandFlags("give", flags);
}`;
    expect(lines('cheat-flags', code)).toEqual([]);
  });
  it('still flags masks that keep the cheat bit', () => {
    const code = 'void A(int c)\n{\n  int flags = GetCommandFlags("give");\n  SetCommandFlags("give", flags & -2);\n  FakeClientCommand(c, "give health");\n  SetCommandFlags("give", flags);\n}';
    expect(lines('cheat-flags', code)).toEqual([5]);
  });
});

describe('action-return rationale', () => {
  it('says what really happens: an implicit Plugin_Continue and warning 209', () => {
    expect(rules['action-return'].rationale).toContain('Plugin_Continue');
    expect(rules['action-return'].rationale).toContain('209');
    expect(rules['action-return'].rationale).not.toContain('garbage');
    expect(rules['action-return'].severity).toBe('error');
  });
});
