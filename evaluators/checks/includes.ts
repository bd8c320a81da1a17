// `includes`: the code includes the named files (#include/#tryinclude, <x> or "x", with or without .inc).
import { includeNames } from '../ast.js';
import type { Evaluator } from '../types.js';
import { NO_CODE, nameListId, nameListOptions, nameListOutcome } from './calls.js';

const withoutInc = (name: string): string => name.replace(/\.inc$/i, '');

export const includes = {
  kind: 'includes',
  description: 'The code includes the named files (#include or #tryinclude, compared without .inc).',
  options: nameListOptions,
  defaultId: (options) => nameListId('includes', options),
  evaluate(input, options) {
    if (!input.tree) return NO_CODE;
    // Suites may write `left4dhooks.inc`; compare both sides without the extension.
    const wanted = { ...options, names: options.names.map(withoutInc) };
    return nameListOutcome(wanted, new Set(includeNames(input)), 'includes');
  },
} satisfies Evaluator<typeof nameListOptions>;
