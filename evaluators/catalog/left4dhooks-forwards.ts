// Left4DHooks 1.1xx forwards. Most hooks come as `Name` (pre, returns Action, may block or change values),
// `Name_Post` and `Name_PostHandled` (void; the latter fires when a pre-hook blocked with Plugin_Handled).
import { define } from './notation.js';

/** Expands a pre forward plus its _Post/_PostHandled pair that take `postParams`. */
function triple(name: string, preParams: string, postParams: string): string[] {
  return [`Action ${name}(${preParams})`, `void ${name}_Post(${postParams})`, `void ${name}_PostHandled(${postParams})`];
}

const VECS = 'vecPos:float[3], vecAng:float[3]';
const PROJ_PRE = 'client:int, vecPos:float[3], vecAng:float[3], vecVel:float[3], vecRot:float[3]';
const PROJ_POST = 'client:int, projectile:int, vecPos:float[3], vecAng:float[3], vecVel:float[3], vecRot:float[3]';

/** Projectile creation hooks are named `_Pre` / `_Post` / `_PostHandled`. */
function projectile(name: string): string[] {
  return [`Action ${name}_Pre(${PROJ_PRE})`, ...triple(name, PROJ_PRE, PROJ_POST).slice(1)];
}

const forwards = [
  ...triple('L4D_OnSpawnSpecial', `&zombieClass:int, ${VECS}`, `client:int, zombieClass:int, ${VECS}`),
  ...triple('L4D_OnSpawnTank', VECS, `client:int, ${VECS}`),
  ...triple('L4D_OnSpawnWitch', VECS, `entity:int, ${VECS}`),
  ...triple('L4D2_OnSpawnWitchBride', VECS, `entity:int, ${VECS}`),
  ...triple('L4D_OnMobRushStart', '', ''),
  ...triple('L4D_OnSpawnITMob', '&amount:int', 'amount:int'),
  ...triple('L4D_OnSpawnMob', '&amount:int', 'amount:int'),
  'Action L4D_OnEnterGhostStatePre(client:int)',
  'void L4D_OnEnterGhostState(client:int)',
  'Action L4D_OnIsTeamFull(team:int, &full:bool)',
  'Action L4D_OnClearTeamScores(newCampaign:bool)',
  'Action L4D_OnSetCampaignScores(&scoreA:int, &scoreB:int)',
  ...triple('L4D_OnFirstSurvivorLeftSafeArea', 'client:int', 'client:int'),
  'Action L4D_OnGetCrouchTopSpeed(target:int, &retVal:float)',
  'Action L4D_OnGetRunTopSpeed(target:int, &retVal:float)',
  'Action L4D_OnGetWalkTopSpeed(target:int, &retVal:float)',
  'Action L4D_OnGetScriptValueInt(key:char[], &retVal:int)',
  'Action L4D_OnGetScriptValueFloat(key:char[], &retVal:float)',
  'Action L4D_OnGetScriptValueString(key:char[], defaultVal:char[], retVal:char[128])',
  'Action L4D_OnHasConfigurableDifficulty(&retVal:int)',
  'Action L4D_OnGetSurvivorSet(&retVal:int)',
  'Action L4D_OnFastGetSurvivorSet(&retVal:int)',
  'Action L4D_OnGetMissionVSBossSpawning(&spawn_pos_min:float, &spawn_pos_max:float, &tank_chance:float, &witch_chance:float)',
  'void L4D_OnReplaceTank(tank:int, newtank:int)',
  ...triple('L4D_OnTryOfferingTankBot', 'tank_index:int, &enterStasis:bool', 'tank_index:int, enterStasis:bool'),
  'Action L4D_OnCThrowActivate(ability:int)',
  'Action L4D2_OnSelectTankAttackPre(client:int, &sequence:int)',
  'Action L4D2_OnSelectTankAttack(client:int, &sequence:int)',
  ...triple('L4D_OnStartMeleeSwing', 'client:int, boolean:bool', 'client:int, boolean:bool'),
  'Action L4D2_OnSendInRescueVehicle()',
  ...triple('L4D2_OnChangeFinaleStage', '&finaleType:int, arg:char[]', 'finaleType:int, arg:char[]'),
  'Action L4D2_OnEndVersusModeRound(countSurvivors:bool)',
  'void L4D2_OnEndVersusModeRound_Post()',
  'Action L4D_OnRecalculateVersusScore(client:int)',
  ...triple('L4D_OnLedgeGrabbed', 'client:int', 'client:int'),
  'void L4D2_OnRevived(client:int)',
  ...triple('L4D2_OnStagger', 'target:int, source:int', 'target:int, source:int'),
  ...triple('L4D_OnShovedBySurvivor', 'client:int, victim:int, vecDir:float[3]', 'client:int, victim:int, vecDir:float[3]'),
  ...triple(
    'L4D2_OnEntityShoved',
    'client:int, entity:int, weapon:int, vecDir:float[3], bIsHighPounce:bool',
    'client:int, entity:int, weapon:int, vecDir:float[3], bIsHighPounce:bool',
  ),
  ...triple('L4D2_OnPounceOrLeapStumble', 'victim:int, attacker:int', 'victim:int, attacker:int'),
  'Action L4D2_OnSpitSpread(spitter:int, projectile:int, &x:float, &y:float, &z:float)',
  'Action L4D2_OnUseHealingItems(client:int)',
  'Action L4D2_OnFindScavengeItem(client:int, &item:int)',
  'Action L4D2_OnChooseVictim(specialInfected:int, &curTarget:int)',
  'Action L4D_OnMaterializeFromGhostPre(client:int)',
  'void L4D_OnMaterializeFromGhost(client:int)',
  ...triple('L4D_OnVomitedUpon', 'victim:int, &attacker:int, &boomerExplosion:bool', 'victim:int, attacker:int, boomerExplosion:bool'),
  ...triple('L4D2_OnHitByVomitJar', 'victim:int, &attacker:int', 'victim:int, attacker:int'),
  ...triple('L4D_OnPouncedOnSurvivor', 'victim:int, attacker:int', 'victim:int, attacker:int'),
  ...triple('L4D_OnGrabWithTongue', 'victim:int, attacker:int', 'victim:int, attacker:int'),
  ...triple('L4D2_OnJockeyRide', 'victim:int, attacker:int', 'victim:int, attacker:int'),
  ...triple('L4D2_OnStartCarryingVictim', 'victim:int, attacker:int', 'victim:int, attacker:int'),
  ...triple(
    'L4D_OnIncapacitated',
    'client:int, &inflictor:int, &attacker:int, &damage:float, &damagetype:int',
    'client:int, inflictor:int, attacker:int, damage:float, damagetype:int',
  ),
  ...projectile('L4D_PipeBombProjectile'),
  ...projectile('L4D_MolotovProjectile'),
  ...projectile('L4D2_VomitJarProjectile'),
  `Action L4D2_GrenadeLauncherProjectile_Pre(${PROJ_PRE}, &bIncendiary:bool)`,
  ...triple('L4D2_GrenadeLauncherProjectile', PROJ_PRE, `${PROJ_POST}, bIncendiary:bool`).slice(1),
  ...triple('L4D_Molotov_Detonate', 'entity:int, client:int', 'entity:int, client:int'),
  ...triple('L4D_PipeBomb_Detonate', 'entity:int, client:int', 'entity:int, client:int'),
  ...triple('L4D2_VomitJar_Detonate', 'entity:int, client:int', 'entity:int, client:int'),
  ...triple('L4D2_GrenadeLauncher_Detonate', 'entity:int, client:int', 'entity:int, client:int'),
  ...triple('L4D2_CInsectSwarm_CanHarm', 'acid:int, spitter:int, entity:int', 'acid:int, spitter:int, entity:int'),
  'void L4D_CBreakableProp_Break(prop:int, entity:int)',
  ...triple('L4D1_FirstAidKit_StartHealing', 'client:int, entity:int', 'client:int, entity:int'),
  ...triple('L4D2_OnStartUseAction', 'action:any, client:int, target:int', 'action:any, client:int, target:int'),
  ...triple('L4D2_BackpackItem_StartAction', 'client:int, entity:int, type:any', 'client:int, entity:int, type:any'),
  ...triple('L4D2_CGasCan_EventKilled', 'gascan:int, &inflictor:int, &attacker:int', 'gascan:int, inflictor:int, attacker:int'),
  ...triple('L4D2_CGasCan_ShouldStartAction', 'client:int, gascan:int, nozzle:int', 'client:int, gascan:int, nozzle:int'),
  ...triple('L4D2_CGasCan_ActionComplete', 'client:int, gascan:int, nozzle:int', 'client:int, gascan:int, nozzle:int'),
  'void L4D_OnGameModeChange(gamemode:int)',
  'void L4D_OnServerHibernationUpdate(hibernating:bool)',
  ...triple('L4D1_OnSavingEntities', 'info_changelevel:int, Kv:Address', 'info_changelevel:int, Kv:Address'),
  ...triple('L4D2_OnSavingEntities', 'info_changelevel:int', 'info_changelevel:int'),
  'Action L4D2_OnTransitionRestore(client:int)',
  'void L4D2_OnTransitionRestore_Post(client:int, pkv:Address)',
  'void L4D2_OnTransitionRestore_PostHandled(client:int, pkv:Address)',
  ...triple('L4D2_OnRestoreTransitionedSurvivorBots', '', ''),
  'Action L4D2_OnClientDisableAddons(SteamID:char[])',
  '!Action L4D_OnInfectedShoved(infected:int, entity:int)',
  '!void L4D2_OnWaterMove(client:int)',
  '!Action L4D_OnGetRandomPZSpawnPosition(&client:int, &zombieClass:int, &attempts:int, vecPos:float[3])',
];

/** Left4DHooks forwards (the plugin defines them as public functions). */
export const left4dhooksForwards = define('forward', 'left4dhooks', forwards);
