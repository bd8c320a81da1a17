// The hand-written part of the API facts. SourceMod 1.12 (core, sdktools, sdkhooks, the includes shipped with it)
// and Left4DHooks come from the shipped index in generated/, produced by `l4d2-eval index` from the real include
// files; this catalog adds only what that index does not cover: third-party includes L4D2 plugins use
// (multicolors) and spcomp's intrinsics (constants.ts). The L4D2 event catalog (events.ts) and the invented-name
// hints (invented.ts) are facts of another kind and live beside it.
import { multicolorsStocks } from './multicolors.js';
import type { ApiFunction } from './types.js';

export type { ApiFunction, ApiMethod, ApiMethodmap, ApiParam, FunctionKind } from './types.js';

/** Versions of the third-party includes these facts describe. */
export const CATALOG_VERSIONS = {
  multicolors: '2.x',
} as const;

/** Every hand-written function (stocks of includes the shipped index does not cover). */
export const catalogFunctions: readonly ApiFunction[] = [...multicolorsStocks];
