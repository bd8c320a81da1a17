import { describe, expect, it } from 'vitest';
import {
  CATALOG_VERSIONS,
  catalogFunctions,
  isKnownFunction,
  lookupFunction,
  lookupMethod,
  lookupMethodmap,
  methodmaps,
} from '../../evaluators/catalog/index.js';
import { inventedNames } from '../../evaluators/catalog/invented.js';
import { parseParam } from '../../evaluators/catalog/notation.js';

const INCLUDES = new Set(['sourcemod', 'sdktools', 'sdkhooks', 'left4dhooks', 'multicolors', 'clientprefs']);
const IDENT = /^[A-Za-z_]\w*$/;

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

function paramCounts(name: string): { required: number; optional: number; variadic: boolean } {
  const fn = lookupFunction(name);
  if (!fn) throw new Error(`${name} not catalogued`);
  const fixed = fn.params.filter((p) => !p.variadic);
  return {
    required: fixed.filter((p) => p.default === undefined).length,
    optional: fixed.filter((p) => p.default !== undefined).length,
    variadic: fn.params.some((p) => p.variadic),
  };
}

describe('catalog shape', () => {
  it('records the versions it describes', () => {
    expect(CATALOG_VERSIONS.sourcemod).toBe('1.12');
    expect(CATALOG_VERSIONS.left4dhooks).toMatch(/^1\.1\d\d|^1\.1\dx/);
  });

  it('has a few hundred functions and no duplicate name within an include', () => {
    expect(catalogFunctions.length).toBeGreaterThan(400);
    const seen = new Set<string>();
    const dups = catalogFunctions.map((f) => `${f.include}:${f.name}`).filter((k) => seen.has(k) || !seen.add(k));
    expect(dups).toEqual([]);
  });

  it('every entry is well formed', () => {
    for (const fn of catalogFunctions) {
      expect(fn.name, fn.name).toMatch(IDENT);
      expect(['native', 'stock', 'forward']).toContain(fn.kind);
      expect(fn.returns, fn.name).toMatch(IDENT);
      expect(INCLUDES.has(fn.include), `${fn.name}: ${fn.include}`).toBe(true);
      const names = fn.params.map((p) => p.name);
      expect(new Set(names).size, `${fn.name} repeats a parameter name`).toBe(names.length);
      fn.params.forEach((p, i) => {
        if (p.variadic) expect(i, `${fn.name}: ... must be last`).toBe(fn.params.length - 1);
        else {
          expect(p.name, fn.name).toMatch(IDENT);
          expect(p.type, fn.name).toMatch(IDENT);
        }
      });
    }
  });

  it('methodmaps have unique members and known parents', () => {
    for (const mm of methodmaps) {
      const names = mm.members.map((m) => m.name);
      expect(new Set(names).size, mm.name).toBe(names.length);
      if (mm.parent) expect(lookupMethodmap(mm.parent), `${mm.name} < ${mm.parent}`).toBeDefined();
    }
  });

  it('covers every most-used function of the facts sheet', () => {
    expect(MOST_USED.length).toBeGreaterThan(200);
    expect(MOST_USED.filter((n) => !isKnownFunction(n))).toEqual([]);
  });

  it('does not contain any known invented name', () => {
    expect([...inventedNames.keys()].filter((n) => isKnownFunction(n))).toEqual([]);
    expect(inventedNames.get('L4D_GetTankCount')?.hint).toContain('L4D2_GetTankCount');
  });
});

describe('sample signatures', () => {
  it('CreateTimer(interval, func, data = INVALID_HANDLE, flags = 0) returns Handle', () => {
    const fn = lookupFunction('CreateTimer')!;
    expect(fn).toMatchObject({ kind: 'native', returns: 'Handle', include: 'sourcemod' });
    expect(paramCounts('CreateTimer')).toEqual({ required: 2, optional: 2, variadic: false });
    expect(fn.params[2]).toMatchObject({ name: 'data', type: 'any', default: 'INVALID_HANDLE' });
  });

  it('HookEvent defaults its mode to EventHookMode_Post', () => {
    expect(paramCounts('HookEvent')).toEqual({ required: 2, optional: 1, variadic: false });
    expect(lookupFunction('HookEvent')!.params[2]).toMatchObject({ type: 'EventHookMode', default: 'EventHookMode_Post' });
  });

  it('GetEntProp(entity, type, prop, size = 4, element = 0)', () => {
    const fn = lookupFunction('GetEntProp')!;
    expect(fn.params.map((p) => p.name)).toEqual(['entity', 'type', 'prop', 'size', 'element']);
    expect(fn.params.slice(3).map((p) => p.default)).toEqual(['4', '0']);
    expect(fn.params[2]).toMatchObject({ type: 'char', array: true });
  });

  it('the L4D_OnSpawnTank forward triple', () => {
    const pre = lookupFunction('L4D_OnSpawnTank')!;
    expect(pre).toMatchObject({ kind: 'forward', returns: 'Action', include: 'left4dhooks' });
    expect(pre.params).toEqual([
      { name: 'vecPos', type: 'float', array: true, size: 3 },
      { name: 'vecAng', type: 'float', array: true, size: 3 },
    ]);
    expect(lookupFunction('L4D_OnSpawnTank_Post')).toMatchObject({ returns: 'void' });
    expect(lookupFunction('L4D_OnSpawnTank_Post')!.params.map((p) => p.name)).toEqual(['client', 'vecPos', 'vecAng']);
    expect(lookupFunction('L4D_OnSpawnSpecial')!.params[0]).toMatchObject({ name: 'zombieClass', byRef: true });
  });

  it('variadic, stock and deprecated entries', () => {
    expect(paramCounts('Format')).toEqual({ required: 3, optional: 0, variadic: true });
    expect(paramCounts('CreateConVar')).toEqual({ required: 2, optional: 6, variadic: false });
    expect(paramCounts('SDKHooks_TakeDamage')).toEqual({ required: 4, optional: 5, variadic: false });
    expect(lookupFunction('StrEqual')).toMatchObject({ kind: 'stock', returns: 'bool' });
    expect(lookupFunction('L4D_IsPlayerIncapacitated')).toMatchObject({ kind: 'stock', include: 'left4dhooks' });
    expect(lookupFunction('L4D_IsPlayerIncapped')?.deprecated).toBe(true);
    expect(lookupFunction('GetMaxClients')?.deprecated).toBe(true);
    expect(lookupFunction('float')).toMatchObject({ kind: 'native', returns: 'float' });
    expect(lookupFunction('L4D2_GetTankCount')).toMatchObject({ returns: 'int', params: [] });
  });

  it('methods: Event getters, ConVar properties, constructors', () => {
    expect(lookupMethod('GetInt').map((m) => m.methodmap)).toContain('Event');
    expect(lookupMethod('IntValue')[0]).toMatchObject({ methodmap: 'ConVar', method: { property: true, returns: 'int' } });
    expect(lookupMethod('AddChangeHook')[0]?.methodmap).toBe('ConVar');
    expect(lookupMethod('ArrayList')[0]?.method.params.map((p) => p.default)).toEqual(['1', '0']);
    expect(lookupMethod('Connect')[0]?.method.static).toBe(true);
    expect(lookupMethod('NoSuchMethod')).toEqual([]);
  });
});

describe('notation', () => {
  it('parses references, arrays, defaults and varargs', () => {
    expect(parseParam('&value:float')).toEqual({ name: 'value', type: 'float', byRef: true });
    expect(parseParam('buf:char[]')).toEqual({ name: 'buf', type: 'char', array: true });
    expect(parseParam('c:int[4]={255,255,255,0}')).toEqual({ name: 'c', type: 'int', array: true, size: 4, default: '{255,255,255,0}' });
    expect(parseParam('...')).toEqual({ name: '...', type: 'any', variadic: true });
    expect(() => parseParam('oops')).toThrow(/bad catalog parameter/);
  });
});
