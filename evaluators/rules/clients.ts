// What "a client index" means to the rules: natives that need a valid client, and loops over clients.
import type { Node } from 'web-tree-sitter';
import { nodesOfType } from '../core/ast.js';
import { memo, type EvalInput } from '../core/types.js';
import { intValue } from './util.js';

/** Natives whose first argument must be a connected client (they throw on a free slot). */
export const CONNECTED_NATIVES = new Set([
  'IsFakeClient', 'GetClientName', 'GetClientUserId', 'GetClientAuthId', 'GetClientIP', 'KickClient',
  'IsClientSourceTV', 'IsClientReplay', 'GetClientSerial',
]);

/** Natives whose first argument must be an in-game client (or a valid entity). */
export const INGAME_NATIVES = new Set([
  'GetClientTeam', 'IsPlayerAlive', 'GetClientHealth', 'GetClientArmor', 'GetClientFrags', 'GetClientDeaths',
  'PrintToChat', 'PrintHintText', 'PrintCenterText', 'PrintToConsole', 'CPrintToChat', 'CPrintHintText',
  'GetClientAbsOrigin', 'GetClientEyePosition', 'GetClientEyeAngles', 'GetClientAbsAngles', 'GetClientWeapon',
  'ChangeClientTeam', 'ForcePlayerSuicide', 'GivePlayerItem', 'GetPlayerWeaponSlot', 'SlapPlayer',
  'GetEntProp', 'SetEntProp', 'GetEntPropFloat', 'SetEntPropFloat', 'GetEntPropEnt', 'SetEntPropEnt',
  'GetEntPropVector', 'SetEntPropVector', 'SetEntityHealth', 'TeleportEntity', 'IgniteEntity',
  'SetEntityMoveType', 'SetEntityRenderColor', 'EmitSoundToClient', 'ClientCommand', 'FakeClientCommand',
  'ShowVGUIPanel', 'SDKHook',
]);
// Not SDKUnhook: SDKHooks' Native_Unhook never throws, unhooking a free slot is a no-op.

/** Natives that take a client and throw on a bad slot (in game or connected). */
export function isClientNative(name: string): boolean {
  return INGAME_NATIVES.has(name) || CONNECTED_NATIVES.has(name);
}

/** Natives that check a slot without throwing; calling them first makes later client calls safe. */
export const GUARD_NATIVES = new Set(['IsClientInGame', 'IsClientConnected']);

/** True for the name of a helper that (by convention) validates a client before use. */
export function isGuardHelperName(name: string): boolean {
  return /^(Is|Check)\w*(Valid|InGame|Survivor|Infected|Tank|Client|Player|Human|Bot|Alive)\w*$/.test(name);
}

/** A `for` loop that walks client slots: `for (int i = 1; i <= MaxClients; i++)` and its variants. */
export interface ClientLoop {
  node: Node;
  variable: string;
  /** The bound expression (`MaxClients`, `MAXPLAYERS`, `32`, ...). */
  bound: Node;
  body: Node;
}

const BOUND_NAMES = /^(MaxClients|MAXPLAYERS|GetMaxClients\(\))(\s*\+\s*1)?$/;

/** Loops whose variable starts at 0/1 and is compared against a client-count bound. */
export function clientLoops(input: EvalInput): ClientLoop[] {
  return memo(input, 'rules:clientLoops', () =>
    nodesOfType(input, 'for_statement').flatMap((node): ClientLoop[] => {
      const init = node.childForFieldName('initialization');
      const cond = node.childForFieldName('condition');
      const body = node.childForFieldName('body');
      if (!init || !cond || !body || cond.type !== 'binary_expression') return [];
      const decl = init.descendantsOfType(['variable_declaration', 'old_variable_declaration', 'assignment_expression'])[0];
      if (!decl) return [];
      const variable = (decl.childForFieldName('name') ?? decl.childForFieldName('left'))?.text;
      const start = intValue(decl.childForFieldName('initialValue') ?? decl.childForFieldName('right'));
      const op = cond.childForFieldName('operator')?.text;
      const left = cond.childForFieldName('left');
      const bound = cond.childForFieldName('right');
      if (!variable || (start !== 0 && start !== 1) || left?.text !== variable || !bound) return [];
      if (op !== '<=' && op !== '<') return [];
      const b = bound.text.replace(/^\((.*)\)$/s, '$1').trim();
      const literal = intValue(bound);
      if (!BOUND_NAMES.test(b) && !(literal !== null && [32, 33, 64, 65, 66].includes(literal))) return [];
      return [{ node, variable, bound, body }];
    }),
  );
}
