// Which API facts an answer is checked against, chosen from the settings it is judged with: the configured include
// folders (as spcomp's -i folders), the config's API index, the shipped index, the hand-written catalog, merged in
// that order. Include folders that hold sourcemod.inc are a complete install: like spcomp's -i folders they are the
// whole truth (with the compiler's builtins), and an include they lack is missing, not filled in from the shipped
// index. Nothing is configured globally: two configs judge side by side in one process; tables are cached by the
// settings that made them.
import path from 'node:path';
import { buildIndexSync } from '../api-index/build.js';
import { catalogTable, readIndex, shippedTable } from '../api-index/load.js';
import { INTRINSIC_NAMES, mergeTables, tableFromIndex, type SymbolTable } from '../api-index/table.js';
import type { CompilerSettings } from '../core/types.js';
import { isFile } from './files.js';

/** Where an answer's symbols come from. */
export interface SymbolSources {
  /** Include folders in search order (config `compiler.include`, then SOURCEMOD_INCLUDE). */
  folders: string[];
  /** An API index file from the config's `api.index`. */
  index?: string;
}

/** The sources of a judge's settings; SOURCEMOD_INCLUDE is read from `env`. */
export function symbolSources(settings: CompilerSettings | undefined, env: NodeJS.ProcessEnv = process.env): SymbolSources {
  const folders = [...(settings?.include ?? []), ...(env.SOURCEMOD_INCLUDE ?? '').split(path.delimiter).filter((d) => d !== '')];
  return { folders: [...new Set(folders.map((d) => path.resolve(d)))], ...(settings?.index ? { index: settings.index } : {}) };
}

const cache = new Map<string, SymbolTable>();

/** The merged table of those sources (built once per distinct sources in a process). */
export function tableOf(sources: SymbolSources): SymbolTable {
  const key = JSON.stringify([sources.folders, sources.index ?? null]);
  let table = cache.get(key);
  if (!table) {
    table = sources.folders.some((f) => isFile(path.join(f, 'sourcemod.inc'))) ? builtinTable() : shippedTable();
    if (sources.index) table = mergeTables(tableFromIndex(readIndex(sources.index), 'index'), table);
    if (sources.folders.length > 0) table = mergeTables(tableFromIndex(buildIndexSync(sources.folders), 'index'), table);
    cache.set(key, table);
  }
  return table;
}

let builtins: SymbolTable | undefined;

/** The compiler's builtins alone (the catalog's intrinsics, no include). */
function builtinTable(): SymbolTable {
  if (builtins) return builtins;
  const catalog = catalogTable();
  const byName = new Map([...catalog.byName].filter(([name]) => INTRINSIC_NAMES.has(name)));
  builtins = { source: 'catalog', versions: {}, graph: new Map(), byName };
  return builtins;
}

