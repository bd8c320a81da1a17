// error 021 "symbol already defined", on clear evidence only: a name the answer defines twice, or defines while an
// include it sees already declares it (a stock, a native, a constant, a type, a global). Observed with spcomp 1.12:
// redeclaring a native is an error even with the same signature; implementing a forward is not; a `#define` of the
// same name is a text substitution, not a definition; type names are left alone (see DEFINING). Declarations inside #if blocks are left alone (only one
// branch may be compiled), and so is everything when the answer's includes are not fully known.
import type { IndexSymbol, SymbolKind } from '../../api-index/types.js';
import type { SymbolTable } from '../../api-index/table.js';
import { inRanges } from '../../core/conditional.js';
import type { SymbolView } from '../../symbols/view.js';
import type { Diagnostic } from '../types.js';
import { diag } from './syntax.js';

/** Kinds that define a value's name. Forward prototypes, defines and macros do not; neither do type names, on this
 * evidence: real plugins that compile name a function like a typeset (`TraceEntityFilter`) and declare a methodmap
 * over an include's enum tag (`methodmap Address`). */
const DEFINING = new Set<SymbolKind>(['native', 'stock', 'function', 'constant', 'variable']);

function defines(s: IndexSymbol): boolean {
  return DEFINING.has(s.kind) && !s.conditional;
}

/** 021 for the answer's own top-level declarations (`own`, in file order). */
export function duplicateDefinitions(own: readonly IndexSymbol[], view: SymbolView, file: string): Diagnostic[] {
  if (view.lenient) return [];
  const out: Diagnostic[] = [];
  const seen = new Map<string, IndexSymbol>();
  for (const s of own) {
    if (!defines(s) || s.line === undefined || inRanges(view.conditional, s.line)) continue;
    const earlier = seen.get(s.name);
    seen.set(s.name, s);
    // A function body is the definition the answer's own prototype or forward announced: not a second one.
    if (earlier) {
      out.push(diag(file, s.line, 21, `symbol already defined: "${s.name}"`));
      continue;
    }
    // Implementing a forward is what forwards are for; a variable of a forward's name is a second definition.
    const clashes = (d: IndexSymbol) => defines(d) || (d.kind === 'forward' && (s.kind === 'variable' || s.kind === 'constant'));
    const external = view.external.get(s.name);
    const included = (external && clashes(external)) || view.table.byName.get(s.name)?.some((d) => view.visible.has(d.include) && clashes(d));
    if (included) out.push(diag(file, s.line, 21, `symbol already defined: "${s.name}"`));
  }
  return out;
}

const clashCache = new WeakMap<SymbolTable, [IndexSymbol, IndexSymbol][]>();

/** Pairs of value definitions of one name in two includes of the table (computed once per table). */
function includeClashes(table: SymbolTable): [IndexSymbol, IndexSymbol][] {
  let pairs = clashCache.get(table);
  if (!pairs) {
    pairs = [];
    for (const list of table.byName.values()) {
      if (list.length < 2) continue;
      const defs = list.filter(defines);
      for (let i = 1; i < defs.length; i++) if (defs[i]!.include !== defs[0]!.include) pairs.push([defs[0]!, defs[i]!]);
    }
    clashCache.set(table, pairs);
  }
  return pairs;
}

/** 021 for a name two includes the answer sees both define (e.g. the same enum constant in two libraries). */
export function includeDuplicates(view: SymbolView): Diagnostic[] {
  if (view.lenient) return [];
  return includeClashes(view.table)
    .filter(([a, b]) => view.visible.has(a.include) && view.visible.has(b.include))
    .map(([, b]) => ({ severity: 'error', code: 21, file: `${b.include}.inc`, line: b.line ?? null, message: `symbol already defined: "${b.name}"` }));
}
