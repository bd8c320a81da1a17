import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { catalogTable, readIndex, shippedTable } from '../../evaluators/api-index/load.js';
import { apiIndexSchema } from '../../evaluators/api-index/schema.js';
import { writeFileSync } from 'node:fs';
import { tempTree } from '../helpers/tmp.js';
import { findMembers, findSymbol, includeClosure, type SymbolTable } from '../../evaluators/api-index/table.js';
import type { ApiIndex, IndexSymbol } from '../../evaluators/api-index/types.js';
import { inventedNames } from '../../evaluators/catalog/invented.js';
import { parseParam } from '../../evaluators/catalog/notation.js';

// The shipped index (evaluators/generated/, written by `l4d2-eval index` from the SourceMod 1.12 and
// Left4DHooks include files) completed by the hand-written catalog: what the api check and the static compile
// check use when no index is configured.
const table: SymbolTable = shippedTable();
const GENERATED = path.join(import.meta.dirname, '../../evaluators/generated');

// The most used functions of the facts sheet (section 5: top SourceMod functions and top Left4DHooks symbols).
const MOST_USED = `
  CreateConVar IsClientInGame GetClientTeam HookEvent GetClientOfUserId GetEntProp IsPlayerAlive strcopy
  SetFailState CreateTimer IsFakeClient strcmp FindConVar GetEngineVersion SDKHook IsValidEntity GetEntPropEnt
  StrEqual AutoExecConfig GetGameTime Format RegConsoleCmd LoadTranslations SetEntProp CPrintToChatAll
  StringToInt BuildPath GetCmdArg AcceptEntityInput RegAdminCmd EntIndexToEntRef GetClientUserId CPrintToChat
  EntRefToEntIndex RequestFrame GetEdictClassname FormatEx strlen SDKUnhook PrintToServer SetEntPropFloat
  FindSendPropInfo CreateEntityByName PrintToChatAll IsValidEdict DispatchSpawn GetEntPropVector StrContains
  TeleportEntity GetEntPropFloat FileExists ReplyToCommand GetEventInt Call_Finish LoadGameConfigFile strncmp
  GetEntPropString GetEntityClassname RegPluginLibrary SDKCall GetClientAbsOrigin PrecacheSound EndPrepSDKCall
  StartPrepSDKCall FindEntityByClassname GetClientName LoadFromAddress RemoveEntity GetCurrentMap PrecacheModel
  Call_PushCell CreateNative PrepSDKCall_SetFromConf DispatchKeyValue FakeClientCommand GetConVarInt
  GetRandomInt GetEngineTime LogError PrepSDKCall_AddParameter PrintToChat PrepSDKCall_SetReturnInfo
  StoreToAddress ActivateEntity TR_DidHit LibraryExists SetVariantString GetEntData GetVectorDistance
  GetClientEyePosition GetClientHealth UnhookEvent GetNativeCell RoundToFloor GetClientEyeAngles
  Call_PushNullString TR_TraceRayFilterEx IsClientConnected Call_StartFunction ReplaceString PrintHintText
  HookSingleEntityOutput GetClientAuthId SetCommandFlags TR_GetEndPosition EmitSoundToAll CreateDataTimer
  HasEntProp GetCommandFlags HookConVarChange IntToString Call_StartForward RoundToNearest GetPlayerWeaponSlot
  LogMessage VFormat FindStringTable SetEntityRenderColor SetEntityModel ChangeClientTeam AddCommandListener
  GameConfGetOffset GameRules_GetProp SetEntityRenderMode CloseHandle GetEntityFlags ExplodeString
  ForcePlayerSuicide RemoveEdict RoundFloat ByteCountToCells L4D_IsPlayerIncapacitated SetEntData
  GetMaxEntities GetConVarString GetEntDataEnt2 ServerCommand RoundToCeil GetEntityAddress PrintToConsole
  GetConVarBool PrintCenterText StringToFloat RegServerCmd SDKHooks_TakeDamage GetClientButtons
  CreateGlobalForward TR_GetEntityIndex KickClient GetURandomInt L4D_IsPlayerIncapacitated
  L4D_IsMissionFinalMap L4D2Direct_GetMapMaxFlowDistance L4D_GetVersusMaxCompletionScore L4D_IsPlayerGhost
  L4D_GetPointer L4D2Direct_GetFlowDistance L4D_GetGameModeType L4D_TakeOverBot L4D_GetLastKnownArea
  CTimer_GetRemainingTime L4D_IsFirstMapInScenario L4D_OnEnterGhostState L4D_OnFirstSurvivorLeftSafeArea_Post
  L4D2Direct_GetVSCampaignScore L4D2_GetQueuedPummelAttacker L4D_SetHumanSpec L4D_SetVersusMaxCompletionScore
  CTimer_HasStarted L4D_IsPlayerHangingFromLedge CTimer_Start L4D2_GetIntWeaponAttribute
  L4D2_OnEndVersusModeRound L4D2_OnStagger_Post L4D_HasAnySurvivorLeftSafeArea L4D_OnGameModeChange
  L4D_OnSpawnTank_Post L4D_StopMusic L4D2Direct_SetTankTickets L4D_WarpToValidPositionIfStuck CTimer_IsElapsed
  L4D2Direct_GetInvulnerabilityTimer L4D2Direct_GetTerrorNavAreaFlow L4D2Direct_GetVSTankFlowPercent
  ITimer_GetElapsedTime L4D2_GetFurthestSurvivorFlow L4D2_OnChangeFinaleStage L4D2_OnEndVersusModeRound_Post
  L4D2_OnJockeyRide L4D_GetRandomPZSpawnPosition L4D_OnCThrowActivate L4D_OnFirstSurvivorLeftSafeArea
  L4D_OnSpawnMob L4D2Direct_SetTankPassedCount L4D2Direct_GetMobSpawnTimer L4D2Direct_SetVSCampaignScore
  L4D2_SetQueuedPummelStartTime L4D_RespawnPlayer CTimer_Invalidate L4D2Direct_GetTankPassedCount
  L4D2Direct_GetVSTankToSpawnThisRound L4D2Direct_GetVSWitchToSpawnThisRound L4D2_GetQueuedPummelStartTime
  L4D2_IsValidWeapon L4D_GetNavArea_SpawnAttributes L4D_GetPlayerCustomAbility L4D_GetPlayerSpawnTime
  L4D_GetPlayerTempHealth L4D_ReplaceTank L4D2Direct_GetVSWitchFlowPercent
`.trim().split(/\s+/);

function sym(name: string): IndexSymbol {
  const s = table.byName.get(name)?.[0];
  if (!s) throw new Error(`${name} is not in the shipped index`);
  return s;
}

function paramCounts(name: string): { required: number; optional: number; variadic: boolean } {
  const params = sym(name).params ?? [];
  const fixed = params.filter((p) => !p.variadic);
  return { required: fixed.filter((p) => p.default === undefined).length, optional: fixed.filter((p) => p.default !== undefined).length, variadic: params.some((p) => p.variadic) };
}

describe('shipped index', () => {
  it('is generated JSON that records the versions it describes and where each include folder came from', () => {
    const files = readdirSync(GENERATED).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThan(0);
    const idx = JSON.parse(readFileSync(path.join(GENERATED, files[0]!), 'utf8')) as ApiIndex;
    expect(idx.schemaVersion).toBe(1);
    // Checked in full here: at run time only its envelope and each symbol's name, kind and include are.
    const full = apiIndexSchema.safeParse(idx);
    expect(full.success ? [] : full.error.issues.slice(0, 3)).toEqual([]);
    expect(idx.versions.sourcemod).toMatch(/^1\.12\.0\.\d+$/);
    expect(idx.versions.left4dhooks).toMatch(/^1\.\d+$/);
    expect(idx.provenance?.generator.name).toBe('l4d2-eval index');
    expect(idx.provenance?.generatedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(idx.provenance?.sources.map((s) => [s.name, s.repository])).toEqual([
      ['sourcemod', 'alliedmodders/sourcemod'],
      ['left4dhooks', 'SilvDev/Left4DHooks'],
    ]);
    for (const s of idx.provenance!.sources) expect(s.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(table.source).toBe('shipped');
  });

  it('refuses a malformed index file, naming the file and the first problem, in the quick check too', () => {
    const dir = tempTree({});
    const file = path.join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ schemaVersion: 1, includes: {}, symbols: [{ name: 'X', kind: 'native', include: 'x' }, { kind: 'native' }] }));
    for (const quick of [false, true]) expect(() => readIndex(file, quick)).toThrow(/bad\.json is not a valid API index \(schemaVersion 1\): symbols\.1/);
    // The envelope, checked without zod in the quick check: the same field is named either way.
    const sym = { name: 'X', kind: 'native', include: 'x' };
    for (const [bad, at] of [
      [{ schemaVersion: 2, includes: {}, symbols: [sym] }, 'schemaVersion'],
      [{ schemaVersion: 1, includes: { x: [1] }, symbols: [sym] }, 'includes'],
      [{ schemaVersion: 1, versions: { sourcemod: 1 }, includes: {}, symbols: [sym] }, 'versions'],
      [{ schemaVersion: 1, includes: {}, symbols: {} }, 'symbols'],
      [{ schemaVersion: 1, includes: {}, symbols: [sym], provenance: { generator: 'x' } }, 'provenance'],
    ] as const) {
      writeFileSync(file, JSON.stringify(bad));
      for (const quick of [false, true]) expect(() => readIndex(file, quick), `${at} quick=${quick}`).toThrow(new RegExp(`bad\\.json is not a valid API index \\(schemaVersion 1\\): ${at}`));
    }
  });

  it('covers sourcemod.inc and everything it pulls in, sdktools, sdkhooks and Left4DHooks', () => {
    const closure = includeClosure(table, ['sourcemod', 'sdktools', 'sdkhooks', 'left4dhooks']);
    for (const inc of ['core', 'clients', 'console', 'convars', 'events', 'entity', 'timers', 'menus', 'adt_array', 'sdktools_trace', 'sdktools_functions', 'left4dhooks_stocks', 'left4dhooks_silver']) {
      expect(closure.has(inc), inc).toBe(true);
    }
    const kinds = new Map<string, number>();
    for (const list of table.byName.values()) for (const s of list) kinds.set(s.kind, (kinds.get(s.kind) ?? 0) + 1);
    expect(kinds.get('native')).toBeGreaterThan(1000);
    expect(kinds.get('forward')).toBeGreaterThan(250);
    expect(kinds.get('methodmap')).toBeGreaterThan(30);
  });

  it('knows every most-used function of the facts sheet (multicolors from the hand-written catalog)', () => {
    expect(MOST_USED.length).toBeGreaterThan(200);
    expect(MOST_USED.filter((n) => !table.byName.has(n))).toEqual([]);
    expect(sym('CPrintToChat').include).toBe('multicolors');
  });

  it('knows no invented name, and the hints point at real ones', () => {
    expect([...inventedNames.keys()].filter((n) => table.byName.has(n))).toEqual([]);
    expect(inventedNames.get('L4D_GetTankCount')?.hint).toContain('L4D2_GetTankCount');
  });

  it('is the authority for the includes it covers: a hand-written name it lacks stays unknown', () => {
    // The first hand-written catalog put these under left4dhooks; they live in third-party includes (l4d2util).
    expect(table.byName.has('SurvivorCharacter_Nick')).toBe(false);
    expect(table.byName.has('IsSurvivor')).toBe(false);
    // spcomp's intrinsics come from the catalog whatever the index covers.
    expect(sym('INVALID_FUNCTION').kind).toBe('constant');
    expect(findSymbol(table, 'cellmax', new Set(['sourcemod'])).visible).toBeDefined();
  });

  it('declares the current Left4DHooks (facts newer than the 2023 release the first index read)', () => {
    expect(paramCounts('L4D_RespawnPlayer')).toEqual({ required: 1, optional: 1, variadic: false });
    expect(sym('L4D_SetPlayerTempHealthFloat')).toMatchObject({ kind: 'stock', include: 'left4dhooks_stocks', type: 'void' });
    expect(sym('L4D_SetPlayerTempHealthFloat').params?.map((p) => p.type)).toEqual(['int', 'float']);
    expect(sym('L4D2ZombieClass_None')).toMatchObject({ kind: 'constant', value: '0' });
    // Declared once: no duplicate declarations.
    expect(table.byName.get('L4D_RespawnPlayer')).toHaveLength(1);
  });
});

describe('sample signatures (facts from the include files)', () => {
  it('CreateTimer(float interval, Timer func, any data = 0, int flags = 0) returns Handle, in timers.inc', () => {
    expect(sym('CreateTimer')).toMatchObject({ kind: 'native', type: 'Handle', include: 'timers' });
    expect(paramCounts('CreateTimer')).toEqual({ required: 2, optional: 2, variadic: false });
    expect(sym('CreateTimer').params?.[2]).toMatchObject({ name: 'data', type: 'any', default: '0' });
  });

  it('HookEvent defaults its mode to EventHookMode_Post', () => {
    expect(paramCounts('HookEvent')).toEqual({ required: 2, optional: 1, variadic: false });
    expect(sym('HookEvent').params?.[2]).toMatchObject({ type: 'EventHookMode', default: 'EventHookMode_Post' });
  });

  it('GetEntProp(entity, type, prop, size = 4, element = 0)', () => {
    const params = sym('GetEntProp').params!;
    expect(params.map((p) => p.name)).toEqual(['entity', 'type', 'prop', 'size', 'element']);
    expect(params.slice(3).map((p) => p.default)).toEqual(['4', '0']);
    expect(params[2]).toMatchObject({ type: 'char', array: true });
  });

  it('the L4D_OnSpawnTank forward pair and L4D_OnSpawnSpecial', () => {
    expect(sym('L4D_OnSpawnTank')).toMatchObject({ kind: 'forward', type: 'Action', include: 'left4dhooks' });
    expect(sym('L4D_OnSpawnTank').params).toEqual([
      { name: 'vecPos', type: 'float', array: true, size: 3 },
      { name: 'vecAng', type: 'float', array: true, size: 3 },
    ]);
    expect(sym('L4D_OnSpawnTank_Post')).toMatchObject({ type: 'void' });
    expect(sym('L4D_OnSpawnTank_Post').params?.map((p) => p.name)).toEqual(['client', 'vecPos', 'vecAng']);
    expect(sym('L4D_OnSpawnSpecial').params?.[0]).toMatchObject({ name: 'zombieClass', byRef: true });
  });

  it('variadic, stock and deprecated entries', () => {
    expect(paramCounts('Format')).toEqual({ required: 3, optional: 0, variadic: true });
    expect(paramCounts('CreateConVar')).toEqual({ required: 2, optional: 6, variadic: false });
    expect(paramCounts('SDKHooks_TakeDamage')).toEqual({ required: 4, optional: 5, variadic: false });
    expect(sym('StrEqual')).toMatchObject({ kind: 'stock', type: 'bool' });
    expect(sym('L4D_IsPlayerIncapacitated')).toMatchObject({ kind: 'stock', include: 'left4dhooks_stocks' });
    expect(sym('L4D_IsPlayerIncapped').deprecated).toBe(true);
    expect(sym('GetMaxClients').deprecated).toBe(true);
    expect(sym('float')).toMatchObject({ kind: 'native', type: 'float' });
    expect(sym('L4D2_GetTankCount')).toMatchObject({ type: 'int', params: [] });
    expect(sym('MAXPLAYERS')).toMatchObject({ kind: 'define', value: '101' });
  });

  it('methodmap members: Event getters, ConVar properties, constructors, statics, intrinsic Close', () => {
    expect(findMembers(table, 'GetInt').map((m) => m.owner)).toEqual(expect.arrayContaining(['Event']));
    expect(sym('ConVar').members?.find((m) => m.name === 'IntValue')).toMatchObject({ kind: 'property', type: 'int', get: true, set: true });
    expect(sym('ArrayList').members?.find((m) => m.kind === 'constructor')?.params?.map((p) => p.default)).toEqual(['1', '0']);
    expect(sym('ArrayList').parent).toBe('Handle');
    expect(sym('Database').members?.find((m) => m.name === 'Connect')?.static).toBe(true);
    expect(findMembers(table, 'Close').length).toBeGreaterThan(0);
    expect(findMembers(table, 'NoSuchMethod')).toEqual([]);
  });
});

describe('hand-written catalog', () => {
  it('holds only what the shipped index does not cover', () => {
    const includes = new Set<string>();
    for (const list of catalogTable().byName.values()) for (const s of list) includes.add(s.include);
    expect([...includes].sort()).toEqual(['multicolors', 'sourcemod']);
  });

  it('notation parses references, arrays, defaults and varargs', () => {
    expect(parseParam('&value:float')).toEqual({ name: 'value', type: 'float', byRef: true });
    expect(parseParam('buf:char[]')).toEqual({ name: 'buf', type: 'char', array: true });
    expect(parseParam('c:int[4]={255,255,255,0}')).toEqual({ name: 'c', type: 'int', array: true, size: 4, default: '{255,255,255,0}' });
    expect(parseParam('...')).toEqual({ name: '...', type: 'any', variadic: true });
    expect(() => parseParam('oops')).toThrow(/bad catalog parameter/);
  });
});
