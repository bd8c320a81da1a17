// `defines`: the code defines functions with these names (public, stock, static or plain; old or new syntax).
import { definedFunctions } from '../ast.js';
import type { Evaluator } from '../types.js';
import { NO_CODE, nameListId, nameListOptions, nameListOutcome } from './calls.js';

export const defines = {
  kind: 'defines',
  description: 'The code defines functions with the given names (e.g. OnPluginStart, L4D_OnSpawnTank).',
  options: nameListOptions,
  defaultId: (options) => nameListId('defines', options),
  evaluate(input, options) {
    if (!input.tree) return NO_CODE;
    return nameListOutcome(options, new Set(definedFunctions(input).keys()), 'function definitions');
  },
} satisfies Evaluator<typeof nameListOptions>;
