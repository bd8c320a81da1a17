// Resolves the answer's #includes the way spcomp would with a standard SourceMod + Left4DHooks install:
// companion files the answer ships first, then the includes the table knows; anything else is error 417.
import { parseSource } from '../../grammar.js';
import { answerDeclarations, fileDeclarations, includeName } from '../../api-index/declarations.js';
import { IMPLICIT_INCLUDE, includeClosure, opaqueIncludes, type SymbolTable } from '../../api-index/table.js';
import type { IndexSymbol } from '../../api-index/types.js';
import { rootNode } from '../../ast.js';
import type { EvalInput } from '../../types.js';
import type { Diagnostic } from '../types.js';
import { diag } from './syntax.js';

/** What the answer can see. */
export interface IncludeResolution {
  globals: Map<string, IndexSymbol>;
  visible: Set<string>;
  lenient: boolean;
  /** error 417 for includes found nowhere (spcomp stops there). */
  missing: Diagnostic[];
}

function addGlobals(into: Map<string, IndexSymbol>, symbols: IndexSymbol[]): void {
  for (const s of symbols) if (!into.has(s.name)) into.set(s.name, s);
}

/** Declarations of the answer and its companions, and the includes visible to it. */
export function resolveIncludes(input: EvalInput, table: SymbolTable, file: string): IncludeResolution {
  const globals = new Map<string, IndexSymbol>();
  const companions = new Map<string, string[]>();
  for (const c of input.code.companions) {
    const tree = parseSource(c.code);
    try {
      const decl = fileDeclarations(tree.rootNode, includeName(c.name), true);
      addGlobals(globals, decl.symbols);
      companions.set(includeName(c.name.split('/').pop() ?? c.name), decl.includes.map((i) => i.name));
    } finally {
      tree.delete();
    }
  }
  // The input's shared root: its child arrays are built once and reused by the checks' walk.
  const root = rootNode(input)!;
  const declared = answerDeclarations(input)!;
  const main = { symbols: [...declared.symbols], includes: declared.includes };
  // Declarations the parser could not make sense of still name things: keep their names so a syntax error is
  // not followed by a flood of undefined symbols.
  for (const n of [root, ...root.namedChildren]) {
    if (!n?.isError) continue;
    for (const k of n.namedChildren) if (k?.type === 'identifier') main.symbols.push({ name: k.text, kind: 'function', include: 'plugin' });
  }
  // The answer's own declarations win over its companions'.
  const own = new Map<string, IndexSymbol>();
  addGlobals(own, main.symbols);
  for (const [k, v] of globals) if (!own.has(k)) own.set(k, v);

  const roots = new Set<string>([IMPLICIT_INCLUDE]);
  const missing: Diagnostic[] = [];
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    const deps = companions.get(name);
    if (deps) deps.forEach((d) => (table.graph.has(d) ? roots.add(d) : visit(d)));
  };
  for (const inc of main.includes) {
    const base = inc.name.split('/').pop() ?? inc.name;
    if (companions.has(base)) visit(base);
    else if (table.graph.has(inc.name)) roots.add(inc.name);
    else if (!inc.optional) {
      const written = root.namedChildren.find((n) => n?.startPosition.row === inc.line - 1 && n.type === 'preproc_include');
      const raw = written?.childForFieldName('path')?.text.replace(/^[<"]|[>"]$/g, '') ?? inc.name;
      missing.push(diag(file, inc.line, 417, `cannot read from file: "${raw}"`));
    }
  }
  const visible = includeClosure(table, roots);
  return { globals: own, visible, lenient: opaqueIncludes(table, visible).length > 0, missing };
}
