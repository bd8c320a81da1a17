// `defines`: the code defines functions with these names (public, stock, static or plain; old or new syntax).
import { definedFunctions } from '../core/ast.js';
import { nameListCheck } from './name-list.js';

export const defines = nameListCheck({
  kind: 'defines',
  description: 'The code defines functions with the given names (e.g. OnPluginStart, L4D_OnSpawnTank).',
  noun: 'function definitions',
  found: (input) => new Set(definedFunctions(input).keys()),
});
