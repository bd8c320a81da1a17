// Resolves every call in an answer against what it could legally call: its own code, its companion files, and
// the API catalog. Calls that resolve nowhere are the invented APIs the `api` check and the reports count.
import type { Node } from 'web-tree-sitter';
import { callSites, nodesOfType, plainType, splitDeclarationType, walk } from '../core/ast.js';
import { inventedHint } from '../catalog/invented.js';
import { findMembers, memberOwner, type SymbolTable } from '../api-index/table.js';
import { answerDeclarations } from '../api-index/declarations.js';
import { suggestFunction } from '../api-index/suggest.js';
import type { IndexSymbol } from '../api-index/types.js';
import { excused, symbolView, type SymbolView } from './view.js';
import { memo, type EvalInput } from '../core/types.js';

/** Where a called name was found. */
export type Resolution = 'local' | 'companion' | 'catalog' | 'unknown';

/** One call that resolved nowhere. */
export interface UnknownApi {
  /** `Name` for plain calls, `Receiver.Name` (or `.Name`) for method calls. */
  name: string;
  line: number;
  column: number;
  /** The real alternative when the name is a known invention. */
  hint?: string;
}

/** How one call site resolved. */
export interface ResolvedCall {
  name: string;
  resolvedBy: Resolution;
  /** The include that provides it, for catalog matches. */
  include?: string;
  line: number;
  column: number;
}

/** API resolution of one answer. `total`/`resolved` exclude calls to functions the answer defines itself. */
export interface ApiAnalysis {
  total: number;
  resolved: number;
  unknown: UnknownApi[];
  calls: ResolvedCall[];
}

/** Options of the analysis. */
export interface ApiAnalysisOptions {
  /** Names treated as known (e.g. helpers of a third-party include the suite allows). */
  allow?: readonly string[];
}

/** Names a piece of code declares: callable functions/macros and methodmap/enum struct members. */
export interface Declarations {
  functions: Set<string>;
  /** Methodmap and enum struct names (callable as constructors, usable as static receivers). */
  types: Set<string>;
  methods: Set<string>;
}

const FUNCTION_NODES = new Set(['function_definition', 'function_declaration', 'alias_declaration', 'functag']);
const TYPE_NODES = new Set(['methodmap', 'enum_struct']);
const MEMBER_NODES = new Set([
  'methodmap_method',
  'methodmap_method_constructor',
  'methodmap_native',
  'methodmap_native_constructor',
  'methodmap_property',
  'methodmap_alias',
  'enum_struct_method',
  'enum_struct_field',
]);

/** Collects the declarations of a tree (one walk). */
export function collectDeclarations(root: Node): Declarations {
  const out: Declarations = { functions: new Set(), types: new Set(), methods: new Set() };
  addDeclarations(out, walk(root));
  return out;
}

/** Node types that declare something collectDeclarations keeps. */
const DECLARING = [...FUNCTION_NODES, 'preproc_macro', ...TYPE_NODES, ...MEMBER_NODES];

function addDeclarations(out: Declarations, nodes: Iterable<Node>): void {
  for (const n of nodes) {
    // The type first: reading the name of every node of the tree is the costly part.
    const type = n.type;
    const isFunction = FUNCTION_NODES.has(type);
    if (!isFunction && type !== 'preproc_macro' && !TYPE_NODES.has(type) && !MEMBER_NODES.has(type)) continue;
    const name = n.childForFieldName('name')?.text;
    if (!name) continue;
    if (isFunction) out.functions.add(name);
    // Only macros with parameters look like calls (`#define SQ(%1) ...`).
    else if (type === 'preproc_macro') {
      if (n.childForFieldName('parameters')) out.functions.add(name);
    } else if (TYPE_NODES.has(type)) out.types.add(name);
    else out.methods.add(name);
  }
}

/** The answer's own declarations (memoised; the same names collectDeclarations finds from the root). */
export function localDeclarations(input: EvalInput): Declarations {
  return memo(input, 'api:local', () => {
    const out: Declarations = { functions: new Set(), types: new Set(), methods: new Set() };
    // The shared walk of ast.ts, in document order like collectDeclarations' own.
    if (input.tree) addDeclarations(out, nodesOfType(input, ...DECLARING));
    return out;
  });
}

const CALLABLE = new Set(['native', 'forward', 'stock', 'function', 'macro']);

/** Declarations of the companion and local files the answer includes (from its symbol view). */
function externalDeclarations(input: EvalInput): Declarations {
  return memo(input, 'api:companions', () => {
    const out: Declarations = { functions: new Set(), types: new Set(), methods: new Set() };
    for (const s of symbolView(input).external.values()) {
      if (CALLABLE.has(s.kind)) out.functions.add(s.name);
      else if (s.kind === 'methodmap' || s.kind === 'enum-struct') out.types.add(s.name);
      for (const m of s.members ?? []) out.methods.add(m.name);
    }
    return out;
  });
}

function resolvePlain(name: string, local: Declarations, companion: Declarations, allow: ReadonlySet<string>, table: SymbolTable) {
  if (local.functions.has(name) || local.types.has(name)) return { resolvedBy: 'local' as const };
  if (companion.functions.has(name) || companion.types.has(name)) return { resolvedBy: 'companion' as const };
  // The answer's table: its include folders, the configured index, the shipped one, the hand-written catalog.
  const indexed = table.byName.get(name)?.[0];
  if (indexed) return { resolvedBy: 'catalog' as const, include: indexed.include };
  if (allow.has(name)) return { resolvedBy: 'catalog' as const };
  return { resolvedBy: 'unknown' as const };
}

/** Plain declared types of the answer's variables and parameters; a name declared with different types is left out. */
function variableTypes(input: EvalInput): Map<string, string> {
  return memo(input, 'api:varTypes', () => {
    const seen = new Map<string, string | null>();
    const note = (name: string | undefined, type: string | undefined) => {
      if (!name) return;
      seen.set(name, type !== undefined && (!seen.has(name) || seen.get(name) === type) ? type : null);
    };
    for (const n of nodesOfType(input, 'variable_declaration_statement', 'global_variable_declaration')) {
      const type = n.childForFieldName('type');
      for (const d of n.namedChildren) if (d?.type === 'variable_declaration') note(d.childForFieldName('name')?.text, plainType(type, d));
    }
    for (const n of nodesOfType(input, 'old_global_variable_declaration')) {
      const split = splitDeclarationType(n);
      if (split) for (const d of n.namedChildren) if (d?.type === 'old_variable_declaration') note(d.childForFieldName('name')?.text, split);
    }
    for (const p of nodesOfType(input, 'parameter_declaration')) note(p.childForFieldName('name')?.text, plainType(p.childForFieldName('type'), p));
    return new Map([...seen].filter((e): e is [string, string] => e[1] !== null));
  });
}

/** The answer's own methodmaps and enum structs, with their members and parents. */
function ownTypes(input: EvalInput): Map<string, IndexSymbol> {
  return memo(input, 'api:ownTypes', () => {
    const syms = (answerDeclarations(input)?.symbols ?? []).filter((x) => x.kind === 'methodmap' || x.kind === 'enum-struct');
    return new Map(syms.map((x) => [x.name, x]));
  });
}

/** A typed receiver's member: found on its type (or a parent), known missing, or not decidable (undefined). */
function typedMember(input: EvalInput, receiver: string, name: string): { resolvedBy: 'local' | 'catalog'; include?: string } | { missing: string } | undefined {
  const own = ownTypes(input);
  const view = symbolView(input);
  const lookup = (n: string) => {
    const o = own.get(n) ?? view.globals.get(n);
    if (o && (o.kind === 'methodmap' || o.kind === 'enum-struct')) return o;
    return view.table.byName.get(n)?.find((x) => x.kind === 'methodmap' || x.kind === 'enum-struct');
  };
  // A variable's declared type, or the receiver is a type itself (a static call: ArrayList.Foo()).
  const typeName = variableTypes(input).get(receiver) ?? (lookup(receiver) ? receiver : undefined);
  const type = typeName ? lookup(typeName) : undefined;
  if (!typeName || !type) return undefined;
  const owner = memberOwner(type, name, lookup);
  if (owner === 'unknown') return undefined;
  if (!owner) return { missing: typeName };
  return own.get(owner.name) === owner ? { resolvedBy: 'local' } : { resolvedBy: 'catalog', include: owner.include };
}

function resolveMethod(name: string, label: string, local: Declarations, companion: Declarations, allow: ReadonlySet<string>, view: SymbolView) {
  if (local.methods.has(name)) return { resolvedBy: 'local' as const };
  if (companion.methods.has(name)) return { resolvedBy: 'companion' as const };
  // Several types may declare the name (GetInt on Event, ConVar, Cookie): prefer one the plugin's includes declare.
  const matches = findMembers(view.table, name);
  const match = matches.find((m) => view.visible.has(m.include)) ?? matches[0];
  if (match) return { resolvedBy: 'catalog' as const, include: match.include };
  if (allow.has(name) || allow.has(label)) return { resolvedBy: 'catalog' as const };
  return { resolvedBy: 'unknown' as const };
}

/** Resolves every call of the answer (memoised per input and allow list). */
export function analyzeApi(input: EvalInput, options: ApiAnalysisOptions = {}): ApiAnalysis {
  const allow = new Set(options.allow ?? []);
  return memo(input, `api:analysis:${[...allow].sort().join(',')}`, () => {
    const local = localDeclarations(input);
    const companion = externalDeclarations(input);
    const view = symbolView(input);
    const calls: ResolvedCall[] = [];
    const unknown: UnknownApi[] = [];
    for (const site of callSites(input)) {
      const label = site.receiver === null ? site.name : `${receiverLabel(site.receiver)}.${site.name}`;
      // A receiver whose declared type is known is checked against that type; others resolve by member name.
      const typed = site.receiver !== null && !allow.has(label) ? typedMember(input, site.receiver, site.name) : undefined;
      if (typed && 'missing' in typed) {
        if (excused(view, site.line)) continue;
        // Named by the type, not the variable, so the same invention ranks as one name across answers.
        const typedName = `${typed.missing}.${site.name}`;
        calls.push({ name: typedName, resolvedBy: 'unknown', line: site.line, column: site.column });
        unknown.push({ name: typedName, line: site.line, column: site.column, hint: `${typed.missing} has no method or property ${site.name}` });
        continue;
      }
      const r =
        typed ??
        (site.receiver === null
          ? resolvePlain(site.name, local, companion, allow, view.table)
          : resolveMethod(site.name, label, local, companion, allow, view));
      // A name the view cannot place, in an #if branch or beside an include known by name only, is not counted:
      // the static check does not hold it against the answer either.
      if (r.resolvedBy === 'unknown' && excused(view, site.line)) continue;
      const call: ResolvedCall = { name: label, resolvedBy: r.resolvedBy, line: site.line, column: site.column };
      if ('include' in r && r.include) call.include = r.include;
      calls.push(call);
      if (r.resolvedBy === 'unknown') {
        const hint = site.receiver === null ? unknownApiHint(site.name, view.table) : undefined;
        const entry: UnknownApi = { name: label, line: site.line, column: site.column };
        if (hint) entry.hint = hint;
        unknown.push(entry);
      }
    }
    const counted = calls.filter((c) => c.resolvedBy !== 'local');
    return {
      total: counted.length,
      resolved: counted.filter((c) => c.resolvedBy !== 'unknown').length,
      unknown,
      calls,
    };
  });
}

/** A short receiver for messages: a plain identifier as written (`event`, `Database`), else nothing (`.Name`). */
function receiverLabel(receiver: string): string {
  return /^[A-Za-z_]\w*$/.test(receiver) ? receiver : '';
}

/** The hint for an unknown API name as reports list it (`Name`, `Type.Member`), or undefined. */
export function unknownApiHint(name: string, table?: SymbolTable): string | undefined {
  const dot = name.lastIndexOf('.');
  if (dot > 0) return `${name.slice(0, dot)} has no method or property ${name.slice(dot + 1)}`;
  if (dot === 0) return undefined;
  const suggestion = suggestFunction(name, table);
  return inventedHint(name) ?? (suggestion ? `did you mean ${suggestion}?` : undefined);
}
