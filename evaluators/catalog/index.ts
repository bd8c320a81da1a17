// The API catalog: facts about SourceMod 1.12 (core, sdktools, sdkhooks), Left4DHooks and multicolors functions,
// and the methodmaps plugins call methods on. Lookups are by exact (case-sensitive) name, as spcomp resolves them.
import { sourcemodCore } from './sourcemod-core.js';
import { sourcemodLang } from './sourcemod-lang.js';
import { sourcemodEntity } from './sourcemod-entity.js';
import { sourcemodLegacy } from './sourcemod-legacy.js';
import { sdkhooksFunctions, sdktoolsFunctions } from './sdktools.js';
import { coreForwards } from './forwards.js';
import { left4dhooksNatives } from './left4dhooks.js';
import { left4dhooksForwards } from './left4dhooks-forwards.js';
import { left4dhooksStocks, multicolorsStocks } from './left4dhooks-stocks.js';
import { methodmaps } from './methodmaps.js';
import type { ApiFunction, ApiMethod, ApiMethodmap } from './types.js';

export type { ApiFunction, ApiMethod, ApiMethodmap, ApiParam, FunctionKind } from './types.js';
export { methodmaps } from './methodmaps.js';

/** Versions of the includes these facts describe. */
export const CATALOG_VERSIONS = {
  sourcemod: '1.12',
  left4dhooks: '1.15x (SilvDev/Left4DHooks, 2024)',
  multicolors: '2.x',
} as const;

/** Every catalogued function (natives, stocks, forwards). */
export const catalogFunctions: readonly ApiFunction[] = [
  ...sourcemodCore,
  ...sourcemodLang,
  ...sourcemodEntity,
  ...sourcemodLegacy,
  ...sdktoolsFunctions,
  ...sdkhooksFunctions,
  ...coreForwards,
  ...left4dhooksNatives,
  ...left4dhooksForwards,
  ...left4dhooksStocks,
  ...multicolorsStocks,
];

const byName = new Map<string, ApiFunction>();
for (const fn of catalogFunctions) if (!byName.has(fn.name)) byName.set(fn.name, fn);

/** A methodmap member found by name, with the methodmap that declares it. */
export interface MethodMatch {
  methodmap: string;
  method: ApiMethod;
}

const methodsByName = new Map<string, MethodMatch[]>();
for (const mm of methodmaps) {
  for (const method of mm.members) {
    const list = methodsByName.get(method.name) ?? [];
    list.push({ methodmap: mm.name, method });
    methodsByName.set(method.name, list);
  }
}

const methodmapsByName = new Map<string, ApiMethodmap>(methodmaps.map((m) => [m.name, m]));

/** The catalogued function with that exact name, or undefined. */
export function lookupFunction(name: string): ApiFunction | undefined {
  return byName.get(name);
}

/** Every catalogued methodmap member with that name (e.g. `GetInt` on Event), or [] when none. */
export function lookupMethod(name: string): MethodMatch[] {
  return methodsByName.get(name) ?? [];
}

/** The catalogued methodmap with that name (e.g. `ArrayList`), or undefined. */
export function lookupMethodmap(name: string): ApiMethodmap | undefined {
  return methodmapsByName.get(name);
}

/** True when `name` is a catalogued function (any kind). */
export function isKnownFunction(name: string): boolean {
  return byName.has(name);
}
