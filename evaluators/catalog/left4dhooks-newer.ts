// Left4DHooks facts newer than the include files the shipped index was generated from (SilvDev/Left4DHooks at
// commit 0136a7c): declarations that the facts sheet (shared/l4d2-facts.md, counted on the current Left4DHooks
// includes and on real plugins that call them) records and the indexed version lacks or declares differently.
// Applied over the shipped index so a plugin written against a current Left4DHooks gets no false errors.
import type { IndexSymbol } from '../api-index/types.js';

/** Replacements (same name) and additions, in the include that declares them. */
export const left4dhooksNewer: readonly IndexSymbol[] = [
  // Current releases take a second, optional parameter.
  { name: 'L4D_RespawnPlayer', kind: 'native', include: 'left4dhooks', type: 'void', params: [{ name: 'client', type: 'int' }, { name: 'reset', type: 'bool', default: 'true' }] },
  // Sets temporary health above 200 HP (called by public plugins).
  { name: 'L4D_SetPlayerTempHealthFloat', kind: 'stock', include: 'left4dhooks_stocks', type: 'void', params: [{ name: 'client', type: 'int' }, { name: 'tempHealth', type: 'float' }] },
  // The zombie-class enums start at None = 0 in current releases.
  { name: 'L4D2ZombieClass_None', kind: 'constant', include: 'left4dhooks_stocks', type: 'L4D2ZombieClassType', value: '0' },
  { name: 'L4D1ZombieClass_None', kind: 'constant', include: 'left4dhooks_stocks', type: 'L4D1ZombieClassType', value: '0' },
];

/** The index with the newer facts applied: a symbol of the same name and include is replaced, others are added. */
export function withNewerLeft4DHooks(symbols: IndexSymbol[]): IndexSymbol[] {
  const newer = new Map(left4dhooksNewer.map((s) => [s.name, s]));
  const out = symbols.map((s) => {
    const n = newer.get(s.name);
    if (!n || n.include !== s.include) return s;
    newer.delete(s.name);
    return { ...n, ...(s.line !== undefined ? { line: s.line } : {}) };
  });
  return [...out, ...newer.values()];
}
