// Which API facts the checks use: the index named by the config (`api.index`), else the shipped generated
// index (evaluators/catalog/generated/*.json, made by `l4d2-eval index` from the real SourceMod 1.12 and Left4DHooks
// includes), each completed by the next for includes it does not cover, and last by the hand-written catalog.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { packagePath } from '../../src/paths.js';
import { UserError } from '../../src/errors.js';
import { catalogIndex, mergeTables, tableFromIndex, type SymbolTable } from './table.js';
import type { ApiIndex } from './types.js';
import { withNewerLeft4DHooks } from '../catalog/left4dhooks-newer.js';

let configuredFile: string | undefined;
let active: SymbolTable | undefined;
let catalog: SymbolTable | undefined;
let shipped: SymbolTable | undefined;

/** Reads and checks an index JSON written by `l4d2-eval index`. */
export function readIndex(file: string): ApiIndex {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new UserError('E_API_INDEX', `cannot read API index ${file}: ${(err as Error).message}`, 'run `l4d2-eval index <include-folder> --out FILE` to create it');
  }
  const idx = data as Partial<ApiIndex>;
  if (idx.schemaVersion !== 1 || !Array.isArray(idx.symbols) || typeof idx.includes !== 'object') {
    throw new UserError('E_API_INDEX', `${file} is not an API index (schemaVersion 1)`, 'regenerate it with `l4d2-eval index`');
  }
  return { schemaVersion: 1, versions: idx.versions ?? {}, includes: idx.includes ?? {}, symbols: idx.symbols };
}

/** Uses this index file (from the config's `api.index`) from now on; undefined goes back to the default. */
export function useApiIndex(file: string | undefined): void {
  if (file !== undefined && !existsSync(file)) {
    throw new UserError('E_API_INDEX', `API index not found: ${file}`, 'fix api.index in the config, or create it with `l4d2-eval index <include-folder> --out FILE`');
  }
  configuredFile = file;
  active = undefined;
}

/** The hand-written catalog as a table (built once). */
export function catalogTable(): SymbolTable {
  catalog ??= tableFromIndex(catalogIndex(), 'catalog');
  return catalog;
}

/** Shipped generated indexes merged into one, or undefined when none is shipped. */
function shippedIndex(): ApiIndex | undefined {
  const dir = packagePath('evaluators', 'catalog', 'generated');
  if (!existsSync(dir)) return undefined;
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  if (files.length === 0) return undefined;
  const merged: ApiIndex = { schemaVersion: 1, versions: {}, includes: {}, symbols: [] };
  for (const f of files) {
    const idx = readIndex(path.join(dir, f));
    Object.assign(merged.versions, idx.versions);
    Object.assign(merged.includes, idx.includes);
    merged.symbols.push(...idx.symbols);
  }
  merged.symbols = withNewerLeft4DHooks(merged.symbols);
  return merged;
}

/** The shipped index completed by the catalog (what the checks use when no index is configured), built once. */
export function shippedTable(): SymbolTable {
  if (shipped) return shipped;
  const idx = shippedIndex();
  shipped = idx ? mergeTables(tableFromIndex(idx, 'shipped'), catalogTable()) : catalogTable();
  return shipped;
}

/** The table the checks use now: the configured index completed by the shipped one and the catalog, built once. */
export function activeTable(): SymbolTable {
  active ??= configuredFile ? mergeTables(tableFromIndex(readIndex(configuredFile), 'index'), shippedTable()) : shippedTable();
  return active;
}
