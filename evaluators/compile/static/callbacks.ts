// Whether a function fits a function type's signature, as spcomp 1.12 decides it for a callback argument (error
// 100), on clear evidence only: where the rule is not certain the answer is "fits". Observed with the real compiler:
// - the return type must be the same, except that an `int` (or untagged, old-style) function is accepted for a
//   `void` signature without its parameters being looked at (unless it is cast to the function type, `EventHook:F`:
//   then its parameters must fit);
// - the number of parameters must be the same;
// - a parameter fits when the types are equal, when the signature's is `any`, when both are methodmaps of one line
//   (parent or child either way), or when the function's is `int` and the signature's a methodmap or enum; `const`
//   and a fixed size for an unsized array do not matter; by-reference and array-ness must agree; among int, bool
//   and float only the same type fits; an `any` parameter fits only `any`.
import type { FunctionSignature, IndexSymbol } from '../../api-index/types.js';
import type { ApiParam } from '../../catalog/types.js';

const SCALARS = new Set(['int', 'bool', 'float']);

/** A methodmap by name (undefined when unknown). */
export type TypeLookup = (name: string) => IndexSymbol | undefined;

function ancestors(name: string, lookup: TypeLookup): Set<string> | undefined {
  const out = new Set<string>([name]);
  let current = lookup(name);
  if (!current || current.kind !== 'methodmap') return undefined;
  for (let depth = 0; current?.parent && depth < 16; depth++) {
    out.add(current.parent);
    if (current.parent === 'Handle') return out;
    current = lookup(current.parent);
    if (!current) return undefined;
  }
  return out;
}

/** false: certainly does not fit; true: fits; undefined: cannot tell. */
function paramFits(fn: ApiParam, sig: ApiParam, lookup: TypeLookup): boolean | undefined {
  if (!!fn.byRef !== !!sig.byRef) return false;
  if (!!fn.array !== !!sig.array) return false;
  if (sig.type === 'any') return true;
  if (fn.type === sig.type) {
    // A sized array for an unsized one fits; two different fixed sizes do not.
    return fn.array && sig.size !== undefined && fn.size !== undefined && fn.size !== sig.size ? false : true;
  }
  if (fn.type === 'any') return false;
  if (SCALARS.has(fn.type) && SCALARS.has(sig.type)) return false;
  const a = ancestors(fn.type, lookup);
  const b = ancestors(sig.type, lookup);
  if (a && b) return a.has(sig.type) || b.has(fn.type);
  return undefined;
}

/** Whether `fn` (a function of the answer) fits `sig`: false only when spcomp certainly rejects it. */
export function callbackFits(fn: IndexSymbol, sig: FunctionSignature, lookup: TypeLookup, cast = false): boolean | undefined {
  const ret = fn.type ?? 'int';
  const untaggedForVoid = sig.type === 'void' && (ret === 'int' || ret === '_');
  // Passed as it is, an untagged function fits a `void` signature unseen; cast (`EventHook:F`), its parameters count.
  if (untaggedForVoid && !cast) return true;
  if (ret !== sig.type && !untaggedForVoid) return false;
  const fixed = sig.params.filter((p) => !p.variadic);
  if (fixed.length !== sig.params.length) return undefined;
  const params = fn.params ?? [];
  if (params.some((p) => p.variadic || p.default !== undefined)) return undefined;
  if (params.length !== fixed.length) return false;
  let certain = true;
  for (const [i, p] of params.entries()) {
    const fits = paramFits(p, fixed[i]!, lookup);
    if (fits === false) return false;
    if (fits === undefined) certain = false;
  }
  return certain ? true : undefined;
}
