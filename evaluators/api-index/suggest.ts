// "Did you mean" for unknown function names: the closest callable name an API table knows. Models most
// often swap the Left4DHooks prefix (L4D2_ReviveSurvivor for L4D_ReviveSurvivor) or misspell a letter or two.
import { editDistance } from '../../src/core/text.js';
import { shippedTable } from './load.js';
import type { SymbolTable } from './table.js';

const CALLABLE = new Set(['native', 'stock', 'forward', 'function']);
const PREFIXES = ['L4D_', 'L4D2_', 'L4D1_', 'L4D2Direct_', 'L4DDirect_'];

const namesCache = new WeakMap<SymbolTable, { exact: Set<string>; lower: Map<string, string>; byLength: Map<number, string[]> }>();
const suggestions = new WeakMap<SymbolTable, Map<string, string | null>>();

function callableNames(table: SymbolTable) {
  let names = namesCache.get(table);
  if (!names) {
    names = { exact: new Set(), lower: new Map(), byLength: new Map() };
    for (const [name, syms] of table.byName) {
      if (!syms.some((s) => CALLABLE.has(s.kind))) continue;
      names.exact.add(name);
      names.lower.set(name.toLowerCase(), name);
      const list = names.byLength.get(name.length) ?? [];
      list.push(name);
      names.byLength.set(name.length, list);
    }
    namesCache.set(table, names);
  }
  return names;
}

function compute(name: string, table: SymbolTable): string | undefined {
  const names = callableNames(table);
  const prefix = PREFIXES.find((p) => name.startsWith(p));
  if (prefix) {
    for (const p of PREFIXES) if (p !== prefix && names.exact.has(p + name.slice(prefix.length))) return p + name.slice(prefix.length);
  }
  const sameLetters = names.lower.get(name.toLowerCase());
  if (sameLetters) return sameLetters;
  if (name.length < 6) return undefined;
  const lower = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = 3;
  for (let len = name.length - 2; len <= name.length + 2; len++) {
    for (const candidate of names.byLength.get(len) ?? []) {
      const d = editDistance(lower, candidate.toLowerCase(), bestDistance - 1);
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
  }
  return best;
}

/** The known function an unknown name most likely meant, or undefined (memoised per name). */
export function suggestFunction(name: string, table: SymbolTable = shippedTable()): string | undefined {
  let memo = suggestions.get(table);
  if (!memo) suggestions.set(table, (memo = new Map()));
  let s = memo.get(name);
  if (s === undefined) {
    s = compute(name, table) ?? null;
    memo.set(name, s);
  }
  return s ?? undefined;
}
