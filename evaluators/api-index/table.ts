// A name → declarations lookup over an API index, with the include graph, so a checker can ask "is this name
// declared by something this plugin includes?". Built once per index and reused for every answer.
import { catalogFunctions } from '../catalog/index.js';
import { methodmaps } from '../catalog/methodmaps.js';
import { constantLines } from '../catalog/constants.js';
import { nativeNames } from '../catalog/natives-names.js';
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

/** Includes of SourceMod 1.12 that sourcemod.inc pulls in, or that sit beside it (catalog entries say `sourcemod`). */
const CORE_INCLUDES =
  'core float vector string handles functions files logging timers admin keyvalues dbi lang sorting textparse clients console convars events bitbuffer protobuf usermessages menus halflife adt adt_array adt_trie adt_stack banning commandfilters nextmap commandline entitylump entity entity_prop_stocks helpers version event_stocks';
const SDKTOOLS_INCLUDES =
  'sdktools_engine sdktools_functions sdktools_sound sdktools_stringtables sdktools_trace sdktools_tempents sdktools_tempents_stocks sdktools_voice sdktools_variant_t sdktools_entinput sdktools_entoutput sdktools_hooks sdktools_gamerules sdktools_client sdktools_stocks';
/** Includes that ship with SourceMod 1.12 or Left4DHooks whose contents the catalog does not list (opaque). */
const OPAQUE_INCLUDES =
  'clientprefs adminmenu topmenus geoip regex dhooks cstrike tf2 tf2_stocks mapchooser basecomm profiler testing nd_stocks left4dhooks_anim left4dhooks_silver left4dhooks_stocks left4dhooks_lux_library';

/** Include graph of the hand-written catalog: its include names are the ones plugins write. */
const CATALOG_GRAPH: Record<string, string[]> = {
  sourcemod: [],
  sdktools: [],
  sdkhooks: [],
  // Left4DHooks' stocks call SDKTools natives, so its include pulls sdktools in.
  left4dhooks: ['sdktools', 'sdkhooks'],
  multicolors: [],
  ...Object.fromEntries(CORE_INCLUDES.split(' ').map((n) => [n, ['sourcemod']])),
  ...Object.fromEntries(SDKTOOLS_INCLUDES.split(' ').map((n) => [n, ['sdktools']])),
  ...Object.fromEntries(OPAQUE_INCLUDES.split(' ').map((n) => [n, []])),
};

/** The index the hand-written catalog and constant list amount to. */
export function catalogIndex(): ApiIndex {
  const symbols: IndexSymbol[] = [];
  for (const fn of catalogFunctions) symbols.push({ name: fn.name, kind: fn.kind, include: fn.include, type: fn.returns, params: fn.params });
  for (const mm of methodmaps) {
    const sym: IndexSymbol = { name: mm.name, kind: 'methodmap', include: mm.include, members: [] };
    if (mm.parent) sym.parent = mm.parent;
    for (const m of mm.members) {
      const kind = m.name === mm.name ? 'constructor' : m.property ? 'property' : 'method';
      sym.members!.push({ name: m.name, kind, type: m.returns, params: m.params, ...(m.static ? { static: true as const } : {}) });
    }
    symbols.push(sym);
  }
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
  // Name-only natives come after the catalog's signatures, so a catalogued signature is found first.
  for (const [include, lines] of Object.entries(nativeNames)) {
    for (const line of lines) for (const n of line.split(/\s+/)) if (n) symbols.push({ name: n, kind: 'native', include });
  }
  return { schemaVersion: 1, versions: { sourcemod: '1.12', left4dhooks: '1.15x' }, includes: { ...CATALOG_GRAPH }, symbols };
}

/** `primary` with the names (and includes) it lacks taken from `fallback`. */
export function mergeTables(primary: SymbolTable, fallback: SymbolTable): SymbolTable {
  const out: SymbolTable = { source: primary.source, versions: { ...fallback.versions, ...primary.versions }, graph: new Map(primary.graph), byName: new Map(primary.byName) };
  for (const [inc, deps] of fallback.graph) if (!out.graph.has(inc)) out.graph.set(inc, deps);
  for (const [name, syms] of fallback.byName) if (!out.byName.has(name)) out.byName.set(name, syms);
  return out;
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
  return [...closure].filter((inc) => !declaring.has(inc) && (table.graph.get(inc)?.length ?? 0) === 0);
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
