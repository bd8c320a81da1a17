// Forwards a SourceMod plugin implements (SourceMod core, sdktools, sdkhooks): the answer defines these, never calls them.
import { define } from './notation.js';

const core = [
  'void OnPluginStart()',
  'void OnPluginEnd()',
  'APLRes AskPluginLoad2(myself:Handle, late:bool, error:char[], err_max:int)',
  'void OnAllPluginsLoaded()',
  'void OnPluginPauseChange(pause:bool)',
  'void OnMapStart()',
  'void OnMapEnd()',
  'void OnConfigsExecuted()',
  'void OnAutoConfigsBuffered()',
  'void OnGameFrame()',
  'void OnLibraryAdded(name:char[])',
  'void OnLibraryRemoved(name:char[])',
  'bool OnClientConnect(client:int, rejectmsg:char[], maxlen:int)',
  'void OnClientConnected(client:int)',
  'void OnClientPutInServer(client:int)',
  'void OnClientDisconnect(client:int)',
  'void OnClientDisconnect_Post(client:int)',
  'Action OnClientCommand(client:int, args:int)',
  'void OnClientSettingsChanged(client:int)',
  'void OnClientAuthorized(client:int, auth:char[])',
  'Action OnClientPreAdminCheck(client:int)',
  'void OnClientPostAdminFilter(client:int)',
  'void OnClientPostAdminCheck(client:int)',
  'Action OnClientSayCommand(client:int, command:char[], sArgs:char[])',
  'void OnClientSayCommand_Post(client:int, command:char[], sArgs:char[])',
  'Action OnLogAction(source:Handle, ident:Identity, client:int, target:int, message:char[])',
  'void OnRebuildAdminCache(part:AdminCachePart)',
];

const sdktools = [
  'Action OnPlayerRunCmd(client:int, &buttons:int, &impulse:int, vel:float[3], angles:float[3], &weapon:int, &subtype:int, &cmdnum:int, &tickcount:int, &seed:int, mouse:int[2])',
  'void OnPlayerRunCmdPost(client:int, buttons:int, impulse:int, vel:float[3], angles:float[3], weapon:int, subtype:int, cmdnum:int, tickcount:int, seed:int, mouse:int[2])',
  'Action OnFileSend(client:int, sFile:char[])',
  'Action OnFileReceive(client:int, sFile:char[])',
];

const sdkhooks = [
  'void OnEntityCreated(entity:int, classname:char[])',
  'void OnEntityDestroyed(entity:int)',
  'Action OnGetGameDescription(gameDesc:char[64])',
  'Action OnLevelInit(mapName:char[], mapEntities:char[2097152])',
];

/** Forwards of SourceMod core, sdktools and sdkhooks. */
export const coreForwards = [
  ...define('forward', 'sourcemod', core),
  ...define('forward', 'sdktools', sdktools),
  ...define('forward', 'sdkhooks', sdkhooks),
  ...define('forward', 'clientprefs', ['void OnClientCookiesCached(client:int)']),
];
