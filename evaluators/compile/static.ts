// The static compile check: what spcomp would say about an answer, as near as a parser and an API index get.
// Syntax (tree-sitter), includes (error 417), then every name and call resolved against the answer, its
// companion files and what it includes (errors 017, 139, 092). Used by `compiles` when spcomp is absent.
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import { buildIndexSync } from '../api-index/build.js';
import { activeTable, catalogTable } from '../api-index/load.js';
import { mergeTables, tableFromIndex, type SymbolTable } from '../api-index/table.js';
import type { ApiIndex } from '../api-index/types.js';
import { rootNode } from '../ast.js';
import type { EvalInput } from '../types.js';
import { ANSWER_FILE, type CompileResult, type Diagnostic } from './types.js';
import { resolveIncludes } from './static/includes.js';
import { resolveSymbols } from './static/resolve.js';
import { syntaxDiagnostics } from './static/syntax.js';

/** Options of the static check. */
export interface StaticCompileOptions {
  /** Use this index (completed by the catalog) instead of the configured include folders or the default tables. */
  index?: ApiIndex;
  /** Include folders to index (default: the input's compiler settings, then SOURCEMOD_INCLUDE). */
  includeFolders?: string[];
}

const byIndex = new WeakMap<ApiIndex, SymbolTable>();
const byFolders = new Map<string, SymbolTable>();

function folderTable(folders: string[]): SymbolTable {
  const key = folders.join('\0');
  let table = byFolders.get(key);
  if (!table) {
    // Read and parsed once per process: the include folders do not change during a run.
    table = mergeTables(tableFromIndex(buildIndexSync(folders), 'index'), catalogTable());
    byFolders.set(key, table);
  }
  return table;
}

/** The table an answer is checked against: explicit index, include folders, else the configured/shipped/catalog one. */
export function tableFor(input: EvalInput, options: StaticCompileOptions = {}): SymbolTable {
  if (options.index) {
    let t = byIndex.get(options.index);
    if (!t) byIndex.set(options.index, (t = mergeTables(tableFromIndex(options.index), catalogTable())));
    return t;
  }
  const folders = options.includeFolders ?? [
    ...(input.compiler?.include ?? []),
    ...(process.env.SOURCEMOD_INCLUDE ?? '').split(path.delimiter).filter((d) => d !== ''),
  ];
  return folders.length > 0 ? folderTable(folders) : activeTable();
}

function result(diagnostics: Diagnostic[], started: number): CompileResult {
  diagnostics.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  const errors = diagnostics.filter((d) => d.severity !== 'warning').length;
  return { ok: errors === 0, mode: 'static', errors, warnings: diagnostics.length - errors, diagnostics, durationMs: performance.now() - started };
}

/** Checks one answer statically. Never throws for bad code: problems are diagnostics. */
export function staticCompile(input: EvalInput, options: StaticCompileOptions = {}): CompileResult {
  const started = performance.now();
  if (!input.tree) return { ok: false, mode: 'static', errors: 0, warnings: 0, diagnostics: [], problem: 'the answer has no code to compile' };
  const table = tableFor(input, options);
  const syntax = syntaxDiagnostics(input, ANSWER_FILE);
  const includes = resolveIncludes(input, table, ANSWER_FILE);
  // A missing include is fatal in spcomp: nothing after it is checked.
  if (includes.missing.length > 0) return result([...syntax, ...includes.missing], started);
  const symbols = resolveSymbols(rootNode(input)!, { file: ANSWER_FILE, table, ...includes });
  return result([...syntax, ...symbols], started);
}
