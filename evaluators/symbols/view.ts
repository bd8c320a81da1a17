// What one answer can see, resolved once and shared by the static compile check and the api check so both name
// things alike: the table its settings choose, the declarations of the answer, of its companion files and of the
// local files it includes (found on disk the way spcomp finds them), and the includes visible to it.
import path from 'node:path';
import { parseSource } from '../core/grammar.js';
import { answerDeclarations, fileDeclarations, includeName, type IncludeDirective } from '../api-index/declarations.js';
import { IMPLICIT_INCLUDE, includeClosure, opaqueIncludes, type SymbolTable } from '../api-index/table.js';
import type { IndexSymbol } from '../api-index/types.js';
import { nodesOfType, rootNode } from '../core/ast.js';
import { memo, type EvalInput } from '../core/types.js';
import { ANSWER_FILE, type Diagnostic } from '../core/diagnostic.js';
import { conditionalRanges, inRanges } from '../core/conditional.js';
import { isFile, readLocalFile } from './files.js';
import { symbolSources, tableOf } from './tables.js';

/** The names an answer can use and where they come from. */
export interface SymbolView {
  table: SymbolTable;
  /** Include folders searched for `#include` (spcomp's -i folders), in order. */
  folders: string[];
  /** Top-level declarations: the answer's first, then its companions' and local files'. */
  globals: Map<string, IndexSymbol>;
  /** Declarations of companion and local files only (the api check counts calls to them as resolved elsewhere). */
  external: Map<string, IndexSymbol>;
  /** Include names of the table visible to the answer (sourcemod and what it includes, transitively). */
  visible: Set<string>;
  /** Something the answer includes is known by name only or could not be read in full: unknown names may come from it. */
  lenient: boolean;
  /** error 417 for includes found nowhere (spcomp stops there). */
  missing: Diagnostic[];
  /** Local files read from disk (absolute paths), in the order they were included. */
  files: string[];
  /** Line ranges of the answer's code inside #if blocks: code spcomp may never read, whose names are not checked. */
  conditional: [number, number][];
}

/** Whether a name the view cannot resolve, used at `line` of the answer, may still exist (unknown, not wrong). */
export function excused(view: SymbolView, line: number): boolean {
  return view.lenient || inRanges(view.conditional, line);
}

const EXTENSIONS = ['', '.inc', '.p', '.pawn'];

/** The first file spcomp would open for `target` in `dirs`: as written, then with .inc, .p, .pawn. */
export function findInclude(target: string, dirs: readonly string[]): string | undefined {
  for (const dir of dirs) {
    for (const ext of EXTENSIONS) {
      const file = path.resolve(dir, target + ext);
      if (isFile(file)) return file;
    }
  }
  return undefined;
}

/** The table's name for a file inside one of the indexed folders (`left4dhooks`, `l4d2util/constants`), if indexed. */
function indexedName(file: string, folders: readonly string[], table: SymbolTable): string | undefined {
  if (!/\.inc$/i.test(file)) return undefined;
  for (const folder of folders) {
    const rel = path.relative(folder, file);
    if (rel.startsWith('..') || path.isAbsolute(rel)) continue;
    const name = rel.split(path.sep).join('/').replace(/\.inc$/i, '');
    if (table.graph.has(name)) return name;
  }
  return undefined;
}

class Resolver {
  readonly globals = new Map<string, IndexSymbol>();
  readonly external = new Map<string, IndexSymbol>();
  readonly roots = new Set<string>([IMPLICIT_INCLUDE]);
  readonly missing: Diagnostic[] = [];
  readonly files: string[] = [];
  lenient = false;
  private readonly seen = new Set<string>();
  private readonly companions = new Map<string, IncludeDirective[]>();

  constructor(
    private readonly table: SymbolTable,
    private readonly folders: readonly string[],
  ) {}

  private addExternal(symbols: readonly IndexSymbol[]): void {
    for (const s of symbols) {
      if (!this.external.has(s.name)) this.external.set(s.name, s);
      if (!this.globals.has(s.name)) this.globals.set(s.name, s);
    }
  }

  addCompanion(name: string, code: string): void {
    const tree = parseSource(code);
    try {
      const decl = fileDeclarations(tree.rootNode, includeName(name), true, code);
      this.addExternal(decl.symbols);
      this.companions.set(includeName(name.split('/').pop() ?? name), decl.includes);
    } finally {
      tree.delete();
    }
  }

  /** Resolves the directives of one file; `dir` is its folder on disk (undefined for an answer's virtual files). */
  directives(list: readonly IncludeDirective[], file: string, dir: string | undefined, conditional: [number, number][], virtual: boolean): void {
    for (const inc of list) {
      const base = inc.name.split('/').pop() ?? inc.name;
      if (virtual && this.companions.has(base)) {
        this.companion(base);
        continue;
      }
      const dirs = inc.quoted && dir !== undefined ? [dir, ...this.folders] : this.folders;
      const found = findInclude(inc.target, dirs);
      const indexed = found ? indexedName(found, this.folders, this.table) : undefined;
      if (indexed) this.roots.add(indexed);
      else if (found) this.localFile(found);
      else if (this.table.graph.has(inc.name)) this.roots.add(inc.name);
      else if (inc.optional) continue;
      // A directive in an #if branch may be one spcomp never reads: no error. Names used in #if branches are not
      // held against the answer either, so nothing else needs excusing.
      else if (inRanges(conditional, inc.line)) continue;
      else this.missing.push({ severity: 'error', code: 417, file, line: inc.line, message: `cannot read from file: "${inc.target}"` });
    }
  }

  private companion(name: string): void {
    if (this.seen.has(`companion:${name}`)) return;
    this.seen.add(`companion:${name}`);
    this.directives(this.companions.get(name) ?? [], name, undefined, [], true);
  }

  private localFile(file: string): void {
    // spcomp reads each file once, however often it is included.
    if (this.seen.has(file)) return;
    this.seen.add(file);
    this.files.push(file);
    const local = readLocalFile(file);
    if (local.partial) this.lenient = true;
    this.addExternal(local.symbols);
    this.directives(local.includes, file, path.dirname(file), local.conditional, false);
  }
}

/** Builds the view of an answer (memoised on the input). */
export function symbolView(input: EvalInput): SymbolView {
  return memo(input, 'symbols:view', () => {
    const sources = symbolSources(input.compiler);
    const table = tableOf(sources);
    const r = new Resolver(table, sources.folders);
    const root = rootNode(input);
    const declared = root ? answerDeclarations(input)! : { symbols: [], includes: [] };
    for (const s of declared.symbols) if (!r.globals.has(s.name)) r.globals.set(s.name, s);
    // The preprocessor is textual: a #define inside a function body names a value from there on, as at the top.
    for (const d of root ? nodesOfType(input, 'preproc_define', 'preproc_macro') : []) {
      const name = d.childForFieldName('name')?.text;
      if (name && !r.globals.has(name)) r.globals.set(name, { name, kind: d.type === 'preproc_define' ? 'define' : 'macro', include: 'plugin', value: d.childForFieldName('value')?.text.trim() ?? '' });
    }
    // Declarations the parser could not make sense of still name things: keep their names so a syntax error is
    // not followed by a flood of undefined symbols.
    for (const n of root ? [root, ...root.namedChildren] : []) {
      if (!n?.isError) continue;
      for (const k of n.namedChildren) {
        if (k?.type === 'identifier' && !r.globals.has(k.text)) r.globals.set(k.text, { name: k.text, kind: 'function', include: 'plugin' });
      }
    }
    for (const c of input.code.companions) r.addCompanion(c.name, c.code);
    const dir = input.file ? path.dirname(input.file) : undefined;
    const conditional = conditionalRanges(input.code.main);
    r.directives(declared.includes, ANSWER_FILE, dir, conditional, true);
    const visible = includeClosure(table, r.roots);
    return {
      table,
      folders: sources.folders,
      globals: r.globals,
      external: r.external,
      visible,
      lenient: r.lenient || opaqueIncludes(table, visible).length > 0,
      missing: r.missing,
      files: r.files,
      conditional,
    };
  });
}

