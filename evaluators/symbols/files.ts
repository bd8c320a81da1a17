// Local source files an answer or a plugin on disk includes (`#include "helpers.sp"`): read, parsed once and kept
// by path, size and modification time, so a run over many plugins of one repository parses each shared file once.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseSource } from '../core/grammar.js';
import { fileDeclarations, type IncludeDirective } from '../api-index/declarations.js';
import type { IndexSymbol } from '../api-index/types.js';
import { conditionalRanges } from '../core/conditional.js';

/** What a local file declares and includes. */
export interface LocalFile {
  symbols: IndexSymbol[];
  includes: IncludeDirective[];
  conditional: [number, number][];
  /** The parser could not read all of it (or the file could not be read): names may be missing. */
  partial: boolean;
}

/** True when `file` exists and is a regular file. */
export function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

const cache = new Map<string, { stamp: string; file: LocalFile }>();

/** Declarations of a file on disk (cached while the file is unchanged). */
export function readLocalFile(file: string): LocalFile {
  let stamp: string;
  let source: string;
  try {
    const st = statSync(file);
    stamp = `${st.size}:${st.mtimeMs}`;
    const hit = cache.get(file);
    if (hit?.stamp === stamp) return hit.file;
    source = readFileSync(file, 'utf8');
  } catch {
    return { symbols: [], includes: [], conditional: [], partial: true };
  }
  const tree = parseSource(source);
  try {
    const name = path.basename(file).replace(/\.(inc|sp)$/i, '');
    const decl = fileDeclarations(tree.rootNode, name, /\.inc$/i.test(file), source);
    const local: LocalFile = { symbols: decl.symbols, includes: decl.includes, conditional: conditionalRanges(source), partial: tree.rootNode.hasError };
    cache.set(file, { stamp, file: local });
    return local;
  } finally {
    tree.delete();
  }
}
