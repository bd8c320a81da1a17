// Reading API index files: the shipped one (evaluators/generated/, made by `npm run index:build` from the
// SourceMod 1.12 and Left4DHooks includes) and any the config names. Each file is validated; a missing shipped index
// is an error, never a silent fall back to the small hand-written catalog.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { packagePath } from '../../src/core/paths.js';
import { UserError } from '../../src/core/errors.js';
import { catalogIndex, mergeTables, tableFromIndex, type SymbolTable } from './table.js';
import { apiIndexSchema } from './schema.js';
import type { ApiIndex } from './types.js';

const KINDS = new Set(apiIndexSchema.shape.symbols.element.shape.kind.options);

/** The shipped index is generated, and checked in full by the tests; at run time its envelope and each symbol are
 * checked only for the fields every lookup relies on, without zod (a full parse costs ~250 ms, the envelope ~16 ms,
 * on every start). */
function quickCheck(data: unknown): { success: true; data: unknown } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } {
  const fail = (path: PropertyKey[], message: string) => ({ success: false as const, error: { issues: [{ path, message }] } });
  const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
  if (!isObject(data)) return fail([], 'expected an object');
  if (data.schemaVersion !== 1) return fail(['schemaVersion'], 'expected 1');
  const versions = data.versions ?? {};
  if (!isObject(versions) || Object.values(versions).some((v) => typeof v !== 'string')) return fail(['versions'], 'expected a map of version strings');
  if (!isObject(data.includes) || Object.values(data.includes).some((d) => !Array.isArray(d) || d.some((n) => typeof n !== 'string'))) return fail(['includes'], 'expected a map of include names');
  if (data.provenance !== undefined && !apiIndexSchema.shape.provenance.safeParse(data.provenance).success) return fail(['provenance'], 'expected generator, generatedAt and sources');
  if (!Array.isArray(data.symbols)) return fail(['symbols'], 'expected an array');
  for (let i = 0; i < data.symbols.length; i++) {
    const sym = data.symbols[i] as { name?: unknown; kind?: unknown; include?: unknown } | null;
    if (typeof sym?.name !== 'string' || typeof sym.include !== 'string' || !KINDS.has(sym.kind as never)) return fail(['symbols', i], 'expected a symbol with name, kind and include');
  }
  return { success: true, data: { ...data, versions } };
}

/** Reads and validates an index JSON written by `l4d2-eval index` (`quick`: the shipped one, see quickCheck). */
export function readIndex(file: string, quick = false): ApiIndex {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const why = e.code === 'ENOENT' ? 'file not found' : e.message;
    throw new UserError('E_API_INDEX', `cannot read API index ${file}: ${why}`, 'run `l4d2-eval index <include-folder> --out FILE` to create it, or fix api.index in the config');
  }
  const parsed = quick ? quickCheck(data) : apiIndexSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UserError('E_API_INDEX', `${file} is not a valid API index (schemaVersion 1): ${issue.path.join('.') || '(root)'}: ${issue.message}`, 'regenerate it with `l4d2-eval index <include-folder> --out FILE`');
  }
  return parsed.data as ApiIndex;
}

let catalog: SymbolTable | undefined;
let shipped: SymbolTable | undefined;

/** The hand-written catalog as a table (built once). */
export function catalogTable(): SymbolTable {
  catalog ??= tableFromIndex(catalogIndex(), 'catalog');
  return catalog;
}

/** The folder of the shipped index inside the package. */
export function shippedIndexDir(): string {
  return packagePath('evaluators', 'generated');
}

/** The shipped generated indexes merged into one. Throws (exit 2) when the package lacks them. */
export function shippedIndex(): ApiIndex {
  const dir = shippedIndexDir();
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')).sort() : [];
  if (files.length === 0) {
    throw new UserError('E_API_INDEX', `the shipped API index is missing: no *.json in ${dir}`, 'reinstall l4d2-eval (the package is incomplete), or rebuild it with `npm run index:build -- <include folders...>`');
  }
  const merged: ApiIndex = { schemaVersion: 1, versions: {}, includes: {}, symbols: [] };
  for (const f of files) {
    const idx = readIndex(path.join(dir, f), true);
    Object.assign(merged.versions, idx.versions);
    Object.assign(merged.includes, idx.includes);
    merged.symbols.push(...idx.symbols);
    if (idx.provenance) merged.provenance = merged.provenance ? { ...merged.provenance, sources: [...merged.provenance.sources, ...idx.provenance.sources] } : idx.provenance;
  }
  return merged;
}

/** The shipped index completed by the catalog (what the checks use when no index or folder is configured), built once. */
export function shippedTable(): SymbolTable {
  shipped ??= mergeTables(tableFromIndex(shippedIndex(), 'shipped'), catalogTable());
  return shipped;
}
