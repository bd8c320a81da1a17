// Left4DHooks stocks (left4dhooks_stocks.inc, left4dhooks_silver.inc) most used by L4D2 plugins, and the
// multicolors chat stocks (third-party, but included by many L4D2 plugins).
import { define } from './notation.js';

const stocks = [
  'bool L4D_IsPlayerIncapacitated(client:int)',
  '!bool L4D_IsPlayerIncapped(client:int)',
  'bool L4D_IsPlayerGhost(client:int)',
  'bool L4D_IsPlayerHangingFromLedge(client:int)',
  'bool L4D_IsPlayerPinned(client:int)',
  'int L4D_GetPinnedInfected(client:int)',
  'int L4D_GetPinnedSurvivor(client:int)',
  'int L4D2_GetInfectedAttacker(client:int)',
  'int L4D2_GetSurvivorVictim(client:int)',
  'int L4D_GetPlayerCustomAbility(client:int)',
  'int L4D_GetPlayerCurrentWeapon(client:int)',
  'int L4D_GetPlayerTempHealth(client:int)',
  'void L4D_SetPlayerTempHealth(client:int, tempHealth:int)',
  'void L4D_SetPlayerTempHealthFloat(client:int, tempHealth:float)',
  'int L4D_GetPlayerReviveCount(client:int)',
  'void L4D_SetPlayerReviveCount(client:int, count:int)',
  'L4D2ZombieClassType L4D2_GetPlayerZombieClass(client:int)',
  'void L4D2_SetPlayerZombieClass(client:int, class:L4D2ZombieClassType)',
  'int L4D2_GetQueuedPummelAttacker(client:int)',
  'float L4D2_GetQueuedPummelStartTime(client:int)',
  'void L4D2_SetQueuedPummelStartTime(client:int, timestamp:float)',
  'void L4D_ForcePanicEvent()',
  'int L4D_GetCommonsCount()',
  'int L4D_SpawnCommonInfected(vecPos:float[3], vecAng:float[3]={0.0,0.0,0.0})',
];

const multicolors = [
  'void CPrintToChat(client:int, message:char[], ...)',
  'void CPrintToChatAll(message:char[], ...)',
  'void CPrintToChatEx(client:int, author:int, message:char[], ...)',
  'void CPrintToChatAllEx(author:int, message:char[], ...)',
  'void CReplyToCommand(client:int, message:char[], ...)',
  'void CShowActivity2(client:int, tag:char[], message:char[], ...)',
  'void CRemoveTags(message:char[], maxlength:int)',
  'void CSkipNextClient(client:int)',
];

/** Left4DHooks stocks. */
export const left4dhooksStocks = define('stock', 'left4dhooks', stocks);

/** multicolors stocks (`#include <multicolors>`). */
export const multicolorsStocks = define('stock', 'multicolors', multicolors);
