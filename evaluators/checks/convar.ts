// `convar`: the plugin creates console variables with these literal names.
import { literalFirstArguments } from '../core/ast.js';
import { type EvalInput } from '../core/types.js';
import { nameListCheck } from './name-list.js';

// AutoExecConfig_CreateConVar (autoexecconfig.inc) takes the same arguments and is common in public plugins.
const CREATORS = new Set(['CreateConVar', 'AutoExecConfig_CreateConVar']);

/** ConVar names passed as a string literal first argument to CreateConVar. */
export function createdConVars(input: EvalInput): Set<string> {
  return literalFirstArguments(input, CREATORS);
}

export const convar = nameListCheck({
  kind: 'convar',
  description: 'The plugin creates the named ConVars (CreateConVar with a literal name).',
  noun: 'convars',
  found: createdConVars,
});
