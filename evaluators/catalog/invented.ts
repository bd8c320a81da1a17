// Function names models often invent for L4D2 plugins, none of which exist in SourceMod 1.12, Left4DHooks or
// multicolors, with the real way to do the job. Reports show `hint` next to an unknown call of that name.

/** One invented name and what to use instead. */
export interface InventedName {
  name: string;
  /** The real API or technique, one short line. */
  hint: string;
}

const entries: Array<[string[], string]> = [
  [['L4D_GetTankCount'], 'use native L4D2_GetTankCount() or L4D2Direct_GetTankCount()'],
  [
    ['GetClientZombieClass', 'L4D2_GetClientZombieClass', 'L4D2_GetZombieClass', 'L4D_GetZombieClass'],
    'read GetEntProp(client, Prop_Send, "m_zombieClass") or the stock L4D2_GetPlayerZombieClass(client)',
  ],
  [['L4D2_SetInfectedClass'], 'use native L4D_SetClass(client, zombieClass) or stock L4D2_SetPlayerZombieClass'],
  [['IsClientTank', 'L4D2_IsPlayerTank', 'L4D_IsTank'], 'check team 3 and m_zombieClass == 8 (write a local helper)'],
  [['L4D2_SpawnWitchAt'], 'use L4D2_SpawnWitch(const float pos[3], const float ang[3])'],
  [['GetSurvivorCount', 'L4D_GetSurvivorCount'], 'loop 1..MaxClients with IsClientInGame and GetClientTeam == 2'],
  [['L4D2_GetSpecialInfectedCount'], 'loop clients on team 3 with m_zombieClass 1-6'],
  [['L4D2_GetInfectedCount'], 'loop clients on team 3; commons: L4D_GetCommonsCount(); witches: L4D2_GetWitchCount()'],
  [
    ['SetClientHealthBuffer'],
    'use L4D_SetTempHealth(client, float), stock L4D_SetPlayerTempHealth, or set m_healthBuffer and m_healthBufferTime',
  ],
  [['L4D_IsTankAlive'], 'use L4D2_IsTankInPlay() or L4D2_GetTankCount() > 0'],
  [['L4D2_ReviveSurvivor'], 'the native is L4D_ReviveSurvivor(client) (L4D_ prefix)'],
  [['GetEntityHealth'], 'use GetClientHealth(client) or GetEntProp(entity, Prop_Data, "m_iHealth")'],
  [['IsPlayerIncapacitated', 'L4D2_IsPlayerIncapacitated'], 'use stock L4D_IsPlayerIncapacitated(client) or m_isIncapacitated'],
  [['L4D2_IsPlayerGhost'], 'use stock L4D_IsPlayerGhost(client)'],
  [
    ['L4D2_GetPlayerTempHealth', 'L4D_GetClientTempHealth'],
    'use stock L4D_GetPlayerTempHealth(client) (int) or native L4D_GetTempHealth(client) (float)',
  ],
  [['L4D2_SetTempHealth'], 'the native is L4D_SetTempHealth(client, float)'],
  [['L4D2_SpawnInfected', 'L4D2_SpawnCommonInfected'], 'use L4D2_SpawnSpecial or the stock L4D_SpawnCommonInfected'],
  [['L4D2_SpawnMob', 'L4D_SpawnMob'], 'use L4D_ForcePanicEvent() or the z_spawn mob cheat command'],
  [['L4D2_ForcePanicEvent'], 'the stock is L4D_ForcePanicEvent()'],
  [['L4D2_RespawnPlayer'], 'the native is L4D_RespawnPlayer(client)'],
  [['L4D2_StaggerPlayer'], 'use L4D_StaggerPlayer(target, source_ent, vecSource)'],
  [
    ['L4D2_IsVersus', 'L4D2_IsVersusMode'],
    'use L4D_IsVersusMode() (also L4D_IsCoopMode, L4D_IsSurvivalMode, L4D2_IsScavengeMode, L4D2_IsRealismMode)',
  ],
  [['L4D_GetGameMode', 'L4D2_GetGameMode'], 'use L4D_GetGameModeType() (GAMEMODE_* bits) or the mp_gamemode cvar'],
  [['L4D_GetDifficulty', 'L4D2_GetDifficulty'], 'read the z_difficulty cvar'],
  [['L4D_IsFinaleMap', 'L4D2_IsFinaleMap'], 'use L4D_IsMissionFinalMap()'],
  [['L4D2_GiveItem', 'L4D_GivePlayerItem'], 'use GivePlayerItem (sdktools) or the give cheat command'],
  [['L4D_GetPlayerIncapCount'], 'use stock L4D_GetPlayerReviveCount(client) (m_currentReviveCount)'],
  [['L4D2_SetTankHealth', 'L4D_SetPlayerHealth'], 'use SetEntityHealth(entity, amount)'],
  [['L4D2_KillTank'], 'use ForcePlayerSuicide(client) or SDKHooks_TakeDamage'],
  [['L4D_GetTankClient', 'L4D2_GetTankClient'], 'loop clients and check team 3 with m_zombieClass == 8'],
  [['IsClientSurvivor', 'L4D2_IsSurvivor'], 'check GetClientTeam(client) == 2'],
  [['IsClientInfected', 'L4D2_IsInfected'], 'check GetClientTeam(client) == 3'],
  [['PrintToChatTeam', 'CPrintToChatTeam'], 'loop the team and call PrintToChat / CPrintToChat per client'],
  [['L4D2_OnTankSpawn', 'L4D_OnTankSpawned'], 'the forwards are L4D_OnSpawnTank and L4D_OnSpawnTank_Post'],
  [['L4D2_OnWitchSpawn'], 'the forward is L4D_OnSpawnWitch'],
  [['L4D_OnPlayerIncapacitated'], 'the forward is L4D_OnIncapacitated (+ _Post, _PostHandled)'],
  [['L4D2_OnSurvivorRevived'], 'the forward is L4D2_OnRevived'],
  [['IsValidClient'], 'not part of SourceMod: define it in the plugin (1 <= client <= MaxClients && IsClientInGame(client))'],
];

/** Invented names keyed by name. */
export const inventedNames: ReadonlyMap<string, InventedName> = new Map(
  entries.flatMap(([names, hint]) => names.map((name): [string, InventedName] => [name, { name, hint }])),
);

/** The hint for an invented name, if it is a known one. */
export function inventedHint(name: string): string | undefined {
  return inventedNames.get(name)?.hint;
}
