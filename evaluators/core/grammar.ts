// The SourcePawn grammar as wasm (tree-sitter-sourcepawn 0.8, MIT) through web-tree-sitter: no native build,
// so it works the same on Linux, macOS and Windows. Load once, then parse synchronously.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { packagePath } from '../../src/core/paths.js';
import { UserError } from '../../src/core/errors.js';
import type { Language, Parser, Query, Tree } from 'web-tree-sitter';

const require = createRequire(import.meta.url);

let loading: Promise<void> | undefined;
/** web-tree-sitter itself, loaded with the grammar: a command that judges nothing never loads it. */
let treeSitter: typeof import('web-tree-sitter') | undefined;
let parser: Parser | undefined;
let language: Language | undefined;
const queryCache = new Map<string, Query>();

/**
 * The grammar's wasm: shipped in the package (`npm run build` copies it with its licence into dist/grammar, so an
 * install needs neither the grammar package nor its native build), else the development dependency.
 */
function grammarWasm(): string {
  const shipped = packagePath('dist', 'grammar', 'tree-sitter-sourcepawn.wasm');
  if (existsSync(shipped)) return shipped;
  try {
    return require.resolve('tree-sitter-sourcepawn/tree-sitter-sourcepawn.wasm');
  } catch {
    throw new UserError('E_GRAMMAR', `the SourcePawn grammar is missing: ${shipped} not found`, 'reinstall l4d2-eval (the package is incomplete), or run `npm run build` in a checkout');
  }
}

/** Loads the grammar once per process; later calls return the same promise. */
export function loadGrammar(): Promise<void> {
  loading ??= (async () => {
    const wasm = grammarWasm();
    treeSitter = await import('web-tree-sitter');
    const { Language, Parser } = treeSitter;
    await Parser.init();
    language = await Language.load(wasm);
    parser = new Parser();
    parser.setLanguage(language);
  })();
  return loading;
}

/** Parses SourcePawn source. The caller owns the tree and should `delete()` it when done. */
export function parseSource(code: string): Tree {
  if (!parser) throw new Error('SourcePawn grammar not loaded: await loadGrammar() first');
  const tree = parser.parse(code);
  if (!tree) throw new Error('tree-sitter returned no tree');
  return tree;
}

/** The loaded grammar (after loadGrammar()). */
export function sourcepawn(): Language {
  if (!language) throw new Error('SourcePawn grammar not loaded: await loadGrammar() first');
  return language;
}

/** Compiles a tree-sitter query once and caches it; throws on an invalid query (callers validate first). */
export function compileQuery(source: string): Query {
  let q = queryCache.get(source);
  if (!q) {
    q = new treeSitter!.Query(sourcepawn(), source);
    queryCache.set(source, q);
  }
  return q;
}
