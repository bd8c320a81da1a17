// `convar`: the plugin creates console variables with these literal names.
import { argument, callSites, stringValue } from '../ast.js';
import { memo, type EvalInput } from '../types.js';
import { nameListCheck } from './name-list.js';

// AutoExecConfig_CreateConVar (autoexecconfig.inc) takes the same arguments and is common in public plugins.
const CREATORS = new Set(['CreateConVar', 'AutoExecConfig_CreateConVar']);

/** ConVar names passed as a string literal first argument to CreateConVar. */
export function createdConVars(input: EvalInput): Set<string> {
  return memo(input, 'createdConVars', () => {
    const out = new Set<string>();
    for (const call of callSites(input)) {
      if (call.receiver !== null || !CREATORS.has(call.name)) continue;
      const name = stringValue(argument(call.node, 0));
      if (name !== null) out.add(name);
    }
    return out;
  });
}

export const convar = nameListCheck({
  kind: 'convar',
  description: 'The plugin creates the named ConVars (CreateConVar with a literal name).',
  noun: 'convars',
  found: createdConVars,
});
