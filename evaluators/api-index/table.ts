// A name → declarations lookup over an API index, with the include graph, so a checker can ask "is this name
// declared by something this plugin includes?". Built once per index and reused for every answer.
import { CATALOG_VERSIONS, catalogFunctions } from '../catalog/index.js';
import { constantLines } from '../catalog/constants.js';
import type { ApiIndex, IndexSymbol } from './types.js';

/** Where the table's facts come from. */
export type TableSource = 'index' | 'shipped' | 'catalog';

/** Declarations by name plus the include graph. */
export interface SymbolTable {
  source: TableSource;
  versions: Record<string, string>;
  /** Include → includes it pulls in. */
  graph: Map<string, string[]>;
  byName: Map<string, IndexSymbol[]>;
}

/** spcomp includes sourcemod.inc in every plugin whether or not it is written. */
export const IMPLICIT_INCLUDE = 'sourcemod';

function add(table: SymbolTable, sym: IndexSymbol): void {
  const list = table.byName.get(sym.name);
  if (list) list.push(sym);
  else table.byName.set(sym.name, [sym]);
}

/** A table over an index (its enum entries are already flat constants). */
export function tableFromIndex(index: ApiIndex, source: TableSource = 'index'): SymbolTable {
  const table: SymbolTable = { source, versions: { ...index.versions }, graph: new Map(), byName: new Map() };
  for (const [name, deps] of Object.entries(index.includes)) table.graph.set(name, deps);
  for (const sym of index.symbols) add(table, sym);
  return table;
}

/**
 * Include graph of the hand-written catalog: multicolors, which it declares, and includes that ship with
 * SourceMod but are not in the shipped index (game-specific ones): known by name only, so a plugin including
 * them gets no undefined-symbol errors for what they might declare.
 */
const CATALOG_GRAPH: Record<string, string[]> = {
  sourcemod: [],
  multicolors: [],
  ...Object.fromEntries('cstrike tf2 tf2_stocks mapchooser basecomm profiler testing nd_stocks'.split(' ').map((n) => [n, []])),
};

/** The index the hand-written catalog and constant list amount to. */
export function catalogIndex(): ApiIndex {
  const symbols: IndexSymbol[] = [];
  for (const fn of catalogFunctions) symbols.push({ name: fn.name, kind: fn.kind, include: fn.include, type: fn.returns, params: fn.params });
  for (const [include, lines] of Object.entries(constantLines)) {
    for (const line of lines) {
      const [head, ...names] = line.trim().split(/\s+/);
      if (head === 'enum') {
        const tag = names.shift()!.replace(/:$/, '');
        symbols.push({ name: tag, kind: 'enum', include, entries: names.map((n) => ({ name: n })) });
        for (const n of names) symbols.push({ name: n, kind: 'constant', include, type: tag });
      } else {
        const kind = head === 'type' ? 'typedef' : 'constant';
        for (const n of names) symbols.push({ name: n, kind, include });
      }
    }
  }
  return { schemaVersion: 1, versions: { ...CATALOG_VERSIONS }, includes: { ...CATALOG_GRAPH }, symbols };
}

/** Names spcomp knows without any include (its intrinsics): the catalog's `sourcemod` constant lines. */
export const INTRINSIC_NAMES: ReadonlySet<string> = new Set((constantLines.sourcemod ?? []).flatMap((line) => line.trim().split(/\s+/).slice(1)));
/** Methods of intrinsic types (`using __intrinsics__.Handle;` gives every Handle a Close()). */
export const INTRINSIC_METHODS: Readonly<Record<string, string>> = { Close: 'Handle' };

/**
 * `primary` completed by `fallback`: includes primary lacks, and names declared in includes primary does not
 * cover. Primary is the authority for the includes it indexed: a fallback name said to live in one of them but
 * absent from it (an older or wrong hand-written entry) stays unknown, as spcomp would have it.
 */
export function mergeTables(primary: SymbolTable, fallback: SymbolTable): SymbolTable {
  const out: SymbolTable = { source: primary.source, versions: { ...fallback.versions, ...primary.versions }, graph: new Map(primary.graph), byName: new Map(primary.byName) };
  for (const [inc, deps] of fallback.graph) if (!out.graph.has(inc)) out.graph.set(inc, deps);
  for (const [name, syms] of fallback.byName) {
    if (out.byName.has(name)) continue;
    const kept = INTRINSIC_NAMES.has(name) ? syms : syms.filter((s) => !primary.graph.has(s.include));
    if (kept.length > 0) out.byName.set(name, kept);
  }
  return out;
}

/**
 * The methodmap or enum struct that declares `member` for a value of type `type`: the type itself or a parent
 * (`lookup` finds parents by name). `unknown` when part of the chain is not known (anything may be there), undefined
 * when the whole chain is known and none declares it. Every Handle-derived type has the intrinsic Close().
 */
export function memberOwner(type: IndexSymbol, member: string, lookup: (name: string) => IndexSymbol | undefined): IndexSymbol | 'unknown' | undefined {
  let current: IndexSymbol | undefined = type;
  for (let depth = 0; current && depth < 16; depth++) {
    if (current.members?.some((m) => m.name === member)) return current;
    if (!current.parent) return undefined;
    if (current.parent === 'Handle') return INTRINSIC_METHODS[member] === 'Handle' ? current : undefined;
    current = lookup(current.parent);
  }
  return 'unknown';
}

/** A methodmap or enum-struct member found by name, with the type that declares it. */
export interface MemberMatch {
  owner: string;
  include: string;
}

const membersCache = new WeakMap<SymbolTable, Map<string, MemberMatch[]>>();

/** Every methodmap / enum struct member of that name in the table (e.g. `GetInt` on Event and ConVar). */
export function findMembers(table: SymbolTable, name: string): MemberMatch[] {
  let byMember = membersCache.get(table);
  if (!byMember) {
    byMember = new Map();
    for (const list of table.byName.values()) {
      for (const sym of list) {
        for (const m of sym.members ?? []) {
          const found = byMember.get(m.name) ?? [];
          found.push({ owner: sym.name, include: sym.include });
          byMember.set(m.name, found);
        }
      }
    }
    membersCache.set(table, byMember);
  }
  const found = byMember.get(name);
  if (found) return found;
  const intrinsic = INTRINSIC_METHODS[name];
  return intrinsic ? [{ owner: intrinsic, include: IMPLICIT_INCLUDE }] : [];
}

/** Every include reachable from `roots` (the roots included). */
export function includeClosure(table: SymbolTable, roots: Iterable<string>): Set<string> {
  const seen = new Set<string>();
  const stack = [...roots];
  while (stack.length > 0) {
    const inc = stack.pop()!;
    if (seen.has(inc)) continue;
    seen.add(inc);
    for (const dep of table.graph.get(inc) ?? []) stack.push(dep);
  }
  return seen;
}

/** Includes of the closure the table knows by name only (no declarations): anything may come from them. */
export function opaqueIncludes(table: SymbolTable, closure: ReadonlySet<string>): string[] {
  const declaring = declaringIncludes(table);
  // An include missing from the graph (a `#tryinclude <version_auto>` of an install without it) adds nothing.
  return [...closure].filter((inc) => table.graph.has(inc) && !declaring.has(inc) && table.graph.get(inc)!.length === 0);
}

const declaringCache = new WeakMap<SymbolTable, Set<string>>();
function declaringIncludes(table: SymbolTable): Set<string> {
  let set = declaringCache.get(table);
  if (!set) {
    set = new Set();
    for (const list of table.byName.values()) for (const s of list) set.add(s.include);
    declaringCache.set(table, set);
  }
  return set;
}

/** True when the table knows an include of that name. */
export function hasInclude(table: SymbolTable, name: string): boolean {
  return table.graph.has(name);
}

/** The declaration of `name` visible through `includes`, else the first one elsewhere (for "needs #include <x>"). */
export function findSymbol(table: SymbolTable, name: string, includes: ReadonlySet<string>): { visible?: IndexSymbol; hidden?: IndexSymbol } {
  const list = table.byName.get(name);
  if (!list) return {};
  const visible = list.find((s) => includes.has(s.include));
  return visible ? { visible } : { hidden: list[0] };
}
