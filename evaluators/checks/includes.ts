// `includes`: the code includes the named files (#include/#tryinclude, <x> or "x", with or without .inc).
import { includeNames } from '../core/ast.js';
import { nameListCheck } from './name-list.js';

const withoutInc = (name: string): string => name.replace(/\.inc$/i, '');

export const includes = nameListCheck({
  kind: 'includes',
  description: 'The code includes the named files (#include or #tryinclude, compared without .inc).',
  noun: 'includes',
  found: (input) => new Set(includeNames(input)),
  // Suites may write `left4dhooks.inc`; compare both sides without the extension.
  normalise: withoutInc,
});
