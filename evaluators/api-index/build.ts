// Builds an API index from include folders: every `.inc` parsed once with tree-sitter, in folder order
// (the first folder that has an include wins, as spcomp searches its -i folders in order).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadGrammar, parseSource } from '../core/grammar.js';
import { fileDeclarations, type IncludeDirective } from './declarations.js';
import type { ApiIndex, IndexSymbol } from './types.js';

/** Defines whose value names the version of the includes they live in. */
const VERSION_DEFINES: Record<string, string> = {
  SOURCEMOD_VERSION: 'sourcemod',
  LEFT4DHOOKS_VERSION: 'left4dhooks',
};

/** Every `.inc` under `dir` as [include name, absolute file], sorted for a stable index. */
export function includeFiles(dir: string): [string, string][] {
  const out: [string, string][] = [];
  const visit = (sub: string) => {
    for (const entry of readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) visit(rel);
      else if (entry.isFile() && /\.inc$/i.test(entry.name)) out.push([rel.replace(/\.inc$/i, ''), path.join(dir, rel)]);
    }
  };
  visit('');
  return out.sort((a, b) => a[0].localeCompare(b[0]));
}

/** Indexes the source text of one include file into `index` (mutates it). `resolve` names a directive's target
 * (default: its name as written, as for `<x>` includes). */
export function addInclude(index: ApiIndex, name: string, source: string, resolve: (inc: IncludeDirective) => string = (i) => i.name): void {
  const tree = parseSource(source);
  try {
    const decl = fileDeclarations(tree.rootNode, name, true, source);
    index.includes[name] = [...new Set(decl.includes.map(resolve))];
    for (const sym of decl.symbols) {
      index.symbols.push(sym);
      const product = VERSION_DEFINES[sym.name];
      if (product && sym.kind === 'define' && sym.value) index.versions[product] = sym.value.replace(/^"|"$/g, '');
    }
  } finally {
    tree.delete();
  }
}

/** Indexes include folders; later folders only add includes the earlier ones lack. */
export async function buildIndex(folders: readonly string[]): Promise<ApiIndex> {
  await loadGrammar();
  return buildIndexSync(folders);
}

/** buildIndex for callers that already loaded the grammar. */
export function buildIndexSync(folders: readonly string[]): ApiIndex {
  const index: ApiIndex = { schemaVersion: 1, versions: {}, includes: {}, symbols: [] };
  for (const folder of folders) {
    const files = includeFiles(folder);
    const names = new Set(files.map(([name]) => name));
    for (const [name, file] of files) {
      if (name in index.includes) continue;
      // `#include "b"` in sub/a.inc is sub/b.inc when that exists: spcomp looks beside the including file first.
      const sub = name.includes('/') ? name.slice(0, name.lastIndexOf('/') + 1) : '';
      addInclude(index, name, readFileSync(file, 'utf8'), (inc) => (inc.quoted && sub && names.has(sub + inc.name) ? sub + inc.name : inc.name));
    }
  }
  return index;
}

/** Counts of an index by kind, for the CLI summary. */
export function indexSummary(index: ApiIndex): Record<string, number> {
  const counts: Record<string, number> = { includes: Object.keys(index.includes).length };
  for (const s of index.symbols as IndexSymbol[]) counts[s.kind] = (counts[s.kind] ?? 0) + 1;
  return counts;
}
