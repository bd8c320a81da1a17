// Shapes of the API index: declarations read from SourceMod-style include files (facts only: names, kinds,
// types, parameters, defaults, values and the include that declares each; never doc text).
import type { ApiParam } from '../catalog/types.js';

export type { ApiParam } from '../catalog/types.js';

/** What a top-level declaration is. */
export type SymbolKind =
  | 'native'
  | 'forward'
  | 'stock'
  | 'function'
  | 'functag'
  | 'typedef'
  | 'typeset'
  | 'funcenum'
  | 'enum'
  | 'enum-struct'
  | 'methodmap'
  | 'struct'
  | 'define'
  | 'macro'
  | 'constant'
  | 'variable';

/** One member of a methodmap or enum struct. */
export interface IndexMember {
  name: string;
  kind: 'constructor' | 'destructor' | 'method' | 'property' | 'field';
  /** Return type (methods) or value type (properties, fields). */
  type?: string;
  params?: ApiParam[];
  static?: true;
  /** Properties: which accessors exist. */
  get?: true;
  set?: true;
}

/** One enum entry, with its value when it is written or can be counted from the previous one. */
export interface IndexEnumEntry {
  name: string;
  value?: string;
}

/** One signature of a function type. */
export interface FunctionSignature {
  /** Return type. */
  type: string;
  params: ApiParam[];
}

/** One top-level declaration. */
export interface IndexSymbol {
  name: string;
  kind: SymbolKind;
  /** Include name without `.inc`, relative to the indexed folder (`sourcemod`, `sdktools_trace`, `left4dhooks`). */
  include: string;
  /** 1-based line of the declaration in its file. */
  line?: number;
  /** Return type (functions), variable type, or enum tag. */
  type?: string;
  params?: ApiParam[];
  /** Function types (typedef, typeset, functag, funcenum): each signature a callback may have. */
  signatures?: FunctionSignature[];
  /** Defines: the replacement text; constants: the initial value as written. */
  value?: string;
  /** Macros: number of `%n` parameters. */
  arity?: number;
  /** Methodmaps: the parent (`< Handle`). */
  parent?: string;
  entries?: IndexEnumEntry[];
  members?: IndexMember[];
  deprecated?: true;
  /** Declared inside an `#if` block: it may not exist in a given build. */
  conditional?: true;
}

/** Where an index came from: the generator and every include folder it read, so anyone can rebuild it. */
export interface IndexProvenance {
  generator: { name: string; version: string };
  /** ISO date-time of the build. */
  generatedAt: string;
  sources: IndexSource[];
}

/** One indexed include folder. */
export interface IndexSource {
  /** Product, e.g. `sourcemod`, `left4dhooks`. */
  name: string;
  /** `owner/name` of the public repository, when known. */
  repository?: string;
  commit?: string;
  /** Folder inside the repository. */
  path?: string;
  /** Version the includes declare (SOURCEMOD_VERSION, LEFT4DHOOKS_VERSION), when they do. */
  version?: string;
}

/** The index of one or more include folders (the JSON written by `l4d2-eval index`). */
export interface ApiIndex {
  schemaVersion: 1;
  provenance?: IndexProvenance;
  /** Versions of the includes described, e.g. `{ sourcemod: "1.12.0.7000" }`, when known. */
  versions: Record<string, string>;
  /** Include graph: include name → include names it `#include`s (as written, without `.inc`). */
  includes: Record<string, string[]>;
  symbols: IndexSymbol[];
}
