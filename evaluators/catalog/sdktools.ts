// SDKTools and SDKHooks (SourceMod 1.12 extensions): entities, sounds, traces, SDK calls, temp ents, hooks.
import { define } from './notation.js';

const functions = [
  'bool RemovePlayerItem(client:int, item:int)',
  'int GivePlayerItem(client:int, item:char[], iSubType:int=0)',
  'int GetPlayerWeaponSlot(client:int, slot:int)',
  'void IgniteEntity(entity:int, time:float, npc:bool=false, size:float=0.0, level:bool=false)',
  'void ExtinguishEntity(entity:int)',
  'void TeleportEntity(entity:int, origin:float[3]=NULL_VECTOR, angles:float[3]=NULL_VECTOR, velocity:float[3]=NULL_VECTOR)',
  'void ForcePlayerSuicide(client:int, explode:bool=false)',
  'void SlapPlayer(client:int, health:int=5, sound:bool=true)',
  'int FindEntityByClassname(startEnt:int, classname:char[])',
  'bool GetClientEyeAngles(client:int, ang:float[3])',
  'void GetClientEyePosition(client:int, pos:float[3])',
  'int CreateEntityByName(classname:char[], ForceEdictIndex:int=-1)',
  'bool DispatchSpawn(entity:int)',
  'bool DispatchKeyValue(entity:int, keyName:char[], value:char[])',
  'bool DispatchKeyValueInt(entity:int, keyName:char[], value:int)',
  'bool DispatchKeyValueFloat(entity:int, keyName:char[], value:float)',
  'bool DispatchKeyValueVector(entity:int, keyName:char[], vec:float[3])',
  'int GetClientAimTarget(client:int, only_clients:bool=true)',
  'int GetTeamCount()',
  'void GetTeamName(index:int, name:char[], maxlength:int)',
  'int GetTeamScore(index:int)',
  'void SetTeamScore(index:int, value:int)',
  'int GetTeamClientCount(index:int)',
  'int GetTeamEntity(teamIndex:int)',
  'void SetEntityModel(entity:int, model:char[])',
  'void EquipPlayerWeapon(client:int, weapon:int)',
  'void ActivateEntity(entity:int)',
  'void SetClientInfo(client:int, key:char[], value:char[])',
  'void SetClientName(client:int, name:char[])',
  'int GetPlayerResourceEntity()',
  'void SetClientViewEntity(client:int, entity:int)',
  'void SetLightStyle(style:int, value:char[])',
  'void InactivateClient(client:int)',
  'void ReconnectClient(client:int)',
  'void SetClientListeningFlags(client:int, flags:int)',
  'int GetClientListeningFlags(client:int)',
  'bool SetListenOverride(iReceiver:int, iSender:int, override:ListenOverride)',
  'ListenOverride GetListenOverride(iReceiver:int, iSender:int)',
  'bool IsClientMuted(iMuter:int, iMutee:int)',
  'bool AcceptEntityInput(dest:int, input:char[], activator:int=-1, caller:int=-1, outputid:int=0)',
  'void SetVariantString(str:char[])',
  'void SetVariantInt(value:int)',
  'void SetVariantFloat(value:float)',
  'void SetVariantBool(value:bool)',
  'void SetVariantVector3D(vec:float[3])',
  'void SetVariantPosVector3D(vec:float[3])',
  'void SetVariantColor(color:int[4])',
  'void SetVariantEntity(entity:int)',
  'void HookEntityOutput(classname:char[], output:char[], callback:EntityOutput)',
  'bool UnhookEntityOutput(classname:char[], output:char[], callback:EntityOutput)',
  'void HookSingleEntityOutput(entity:int, output:char[], callback:EntityOutput, once:bool=false)',
  'bool UnhookSingleEntityOutput(entity:int, output:char[], callback:EntityOutput)',
  'void FireEntityOutput(caller:int, output:char[], activator:int=-1, delay:float=0.0)',
  'int GameRules_GetProp(prop:char[], size:int=4, element:int=0)',
  'void GameRules_SetProp(prop:char[], value:any, size:int=4, element:int=0, changeState:bool=false)',
  'float GameRules_GetPropFloat(prop:char[], element:int=0)',
  'void GameRules_SetPropFloat(prop:char[], value:float, element:int=0, changeState:bool=false)',
  'int GameRules_GetPropEnt(prop:char[], element:int=0)',
  'void GameRules_SetPropEnt(prop:char[], other:int, element:int=0, changeState:bool=false)',
  'void GameRules_GetPropVector(prop:char[], vec:float[3], element:int=0)',
  'int GameRules_GetPropString(prop:char[], buffer:char[], maxlen:int, element:int=0)',
  'RoundState GameRules_GetRoundState()',
  'int FindStringTable(name:char[])',
  'int GetNumStringTables()',
  'int GetStringTableNumStrings(tableidx:int)',
  'int GetStringTableMaxStrings(tableidx:int)',
  'int FindStringIndex(tableidx:int, str:char[])',
  'int ReadStringTable(tableidx:int, stringidx:int, str:char[], maxlength:int)',
  'void AddToStringTable(tableidx:int, str:char[], userdata:char[]="", length:int=-1)',
  'bool LockStringTables(lock:bool)',
];

const sdkcall = [
  'void StartPrepSDKCall(type:SDKCallType)',
  'void PrepSDKCall_SetVirtual(vtblidx:int)',
  'bool PrepSDKCall_SetSignature(lib:SDKLibrary, signature:char[], bytes:int)',
  'bool PrepSDKCall_SetAddress(addr:Address)',
  'bool PrepSDKCall_SetFromConf(gameconf:Handle, source:SDKFuncConfSource, name:char[])',
  'void PrepSDKCall_SetReturnInfo(type:SDKType, pass:SDKPassMethod, decflags:int=0, encflags:int=0)',
  'void PrepSDKCall_AddParameter(type:SDKType, pass:SDKPassMethod, decflags:int=0, encflags:int=0)',
  'Handle EndPrepSDKCall()',
  'any SDKCall(call:Handle, ...)',
];

const sounds = [
  'void EmitSound(clients:int[], numClients:int, sample:char[], entity:int=SOUND_FROM_PLAYER, channel:int=SNDCHAN_AUTO, level:int=SNDLEVEL_NORMAL, flags:int=SND_NOFLAGS, volume:float=SNDVOL_NORMAL, pitch:int=SNDPITCH_NORMAL, speakerentity:int=-1, origin:float[3]=NULL_VECTOR, dir:float[3]=NULL_VECTOR, updatePos:bool=true, soundtime:float=0.0)',
  'void EmitAmbientSound(sample:char[], pos:float[3], entity:int=SOUND_FROM_WORLD, level:int=SNDLEVEL_NORMAL, flags:int=SND_NOFLAGS, vol:float=SNDVOL_NORMAL, pitch:int=SNDPITCH_NORMAL, delay:float=0.0)',
  'void StopSound(entity:int, channel:int, name:char[])',
  'bool PrecacheScriptSound(soundname:char[])',
  'void AddNormalSoundHook(hook:NormalSHook)',
  'void RemoveNormalSoundHook(hook:NormalSHook)',
  'void AddAmbientSoundHook(hook:AmbientSHook)',
  'void RemoveAmbientSoundHook(hook:AmbientSHook)',
];

const soundStocks = [
  'void EmitSoundToAll(sample:char[], entity:int=SOUND_FROM_PLAYER, channel:int=SNDCHAN_AUTO, level:int=SNDLEVEL_NORMAL, flags:int=SND_NOFLAGS, volume:float=SNDVOL_NORMAL, pitch:int=SNDPITCH_NORMAL, speakerentity:int=-1, origin:float[3]=NULL_VECTOR, dir:float[3]=NULL_VECTOR, updatePos:bool=true, soundtime:float=0.0)',
  'void EmitSoundToClient(client:int, sample:char[], entity:int=SOUND_FROM_PLAYER, channel:int=SNDCHAN_AUTO, level:int=SNDLEVEL_NORMAL, flags:int=SND_NOFLAGS, volume:float=SNDVOL_NORMAL, pitch:int=SNDPITCH_NORMAL, speakerentity:int=-1, origin:float[3]=NULL_VECTOR, dir:float[3]=NULL_VECTOR, updatePos:bool=true, soundtime:float=0.0)',
  'void AddFileToDownloadsTable(filename:char[])',
];

const traces = [
  'void TR_TraceRay(pos:float[3], vec:float[3], flags:int, rtype:RayType)',
  'Handle TR_TraceRayEx(pos:float[3], vec:float[3], flags:int, rtype:RayType)',
  'void TR_TraceRayFilter(pos:float[3], vec:float[3], flags:int, rtype:RayType, filter:TraceEntityFilter, data:any=0, traceType:TraceType=TRACE_EVERYTHING)',
  'Handle TR_TraceRayFilterEx(pos:float[3], vec:float[3], flags:int, rtype:RayType, filter:TraceEntityFilter, data:any=0, traceType:TraceType=TRACE_EVERYTHING)',
  'void TR_TraceHull(pos:float[3], vec:float[3], mins:float[3], maxs:float[3], flags:int)',
  'Handle TR_TraceHullEx(pos:float[3], vec:float[3], mins:float[3], maxs:float[3], flags:int)',
  'void TR_TraceHullFilter(pos:float[3], vec:float[3], mins:float[3], maxs:float[3], flags:int, filter:TraceEntityFilter, data:any=0, traceType:TraceType=TRACE_EVERYTHING)',
  'Handle TR_TraceHullFilterEx(pos:float[3], vec:float[3], mins:float[3], maxs:float[3], flags:int, filter:TraceEntityFilter, data:any=0, traceType:TraceType=TRACE_EVERYTHING)',
  'bool TR_DidHit(hndl:Handle=INVALID_HANDLE)',
  'void TR_GetEndPosition(pos:float[3], hndl:Handle=INVALID_HANDLE)',
  'int TR_GetEntityIndex(hndl:Handle=INVALID_HANDLE)',
  'float TR_GetFraction(hndl:Handle=INVALID_HANDLE)',
  'int TR_GetHitGroup(hndl:Handle=INVALID_HANDLE)',
  'void TR_GetPlaneNormal(hndl:Handle, normal:float[3])',
  'bool TR_PointOutsideWorld(pos:float[3])',
  'int TR_GetPointContents(pos:float[3], &entindex:int=-1)',
  'bool TR_StartSolid(hndl:Handle=INVALID_HANDLE)',
  'bool TR_AllSolid(hndl:Handle=INVALID_HANDLE)',
  'void TR_EnumerateEntities(pos:float[3], vec:float[3], mask:int, rtype:RayType, enumerator:TraceEntityEnumerator, data:any=0)',
];

const tempents = [
  'void TE_Start(te_name:char[])',
  'bool TE_IsValidProp(prop:char[])',
  'void TE_WriteNum(prop:char[], value:int)',
  'void TE_WriteFloat(prop:char[], value:float)',
  'void TE_WriteVector(prop:char[], vector:float[3])',
  'void TE_WriteAngles(prop:char[], angles:float[3])',
  'void TE_WriteFloatArray(prop:char[], array:float[], arraySize:int)',
  'void TE_Send(clients:int[], numClients:int, delay:float=0.0)',
];

const tempentStocks = [
  'void TE_SendToAll(delay:float=0.0)',
  'void TE_SendToClient(client:int, delay:float=0.0)',
  'void TE_SendToAllInRange(origin:float[3], rangeType:ClientRangeType, delay:float=0.0)',
  'void TE_SetupBeamPoints(start:float[3], end:float[3], ModelIndex:int, HaloIndex:int, StartFrame:int, FrameRate:int, Life:float, Width:float, EndWidth:float, FadeLength:int, Amplitude:float, Color:int[4], Speed:int)',
  'void TE_SetupBeamRingPoint(center:float[3], Start_Radius:float, End_Radius:float, ModelIndex:int, HaloIndex:int, StartFrame:int, FrameRate:int, Life:float, Width:float, Amplitude:float, Color:int[4], Speed:int, Flags:int)',
  'void TE_SetupBeamFollow(EntIndex:int, ModelIndex:int, HaloIndex:int, Life:float, Width:float, EndWidth:float, FadeLength:int, Color:int[4])',
  'void TE_SetupGlowSprite(pos:float[3], Model:int, Life:float, Size:float, Brightness:int)',
  'void TE_SetupSparks(pos:float[3], dir:float[3], Magnitude:int, TrailLength:int)',
  'void TE_SetupSmoke(pos:float[3], Model:int, Scale:float, FrameRate:int)',
  'void TE_SetupDust(pos:float[3], dir:float[3], Size:float, Speed:float)',
  'void TE_SetupMetalSparks(pos:float[3], dir:float[3])',
  'void TE_SetupEnergySplash(pos:float[3], dir:float[3], Explosive:bool)',
];

const sdkhooks = [
  'void SDKHook(entity:int, type:SDKHookType, callback:SDKHookCB)',
  'bool SDKHookEx(entity:int, type:SDKHookType, callback:SDKHookCB)',
  'void SDKUnhook(entity:int, type:SDKHookType, callback:SDKHookCB)',
  'void SDKHooks_TakeDamage(entity:int, inflictor:int, attacker:int, damage:float, damageType:int=DMG_GENERIC, weapon:int=-1, damageForce:float[3]=NULL_VECTOR, damagePosition:float[3]=NULL_VECTOR, bypassHooks:bool=true)',
  'void SDKHooks_DropWeapon(client:int, weapon:int, vecTarget:float[3]=NULL_VECTOR, vecVelocity:float[3]=NULL_VECTOR, bypassHooks:bool=true)',
];

/** sdktools natives and stocks. */
export const sdktoolsFunctions = [
  ...define('native', 'sdktools', [...functions, ...sdkcall, ...sounds, ...traces, ...tempents]),
  ...define('stock', 'sdktools', [...soundStocks, ...tempentStocks]),
];

/** sdkhooks natives. */
export const sdkhooksFunctions = define('native', 'sdkhooks', sdkhooks);
