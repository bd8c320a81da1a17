// A compact notation for writing catalog entries: `ret Name(p:type, &p:type, p:type[3], p:type=default, ...)`.
// It keeps the data files short and readable; everything is expanded to ApiFunction/ApiMethod objects at load.
import type { ApiFunction, ApiMethod, ApiMethodmap, ApiParam, FunctionKind } from './types.js';

const SIGNATURE = /^\s*(static\s+|prop\s+)?(\S+)\s+([A-Za-z_]\w*)(?:\((.*)\))?\s*$/;

/** Splits a parameter list on top-level commas (defaults such as `{0.0, 0.0}` keep theirs). */
function splitParams(list: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of list) {
    if (ch === '{' || ch === '(') depth++;
    if (ch === '}' || ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      out.push(current.trim());
      current = '';
    } else current += ch;
  }
  if (current.trim() !== '') out.push(current.trim());
  return out;
}

/** Parses one parameter written as `&name:type[size]=default` or `...`. */
export function parseParam(text: string): ApiParam {
  if (text === '...' || text.startsWith('...:')) return { name: '...', type: text.slice(4) || 'any', variadic: true };
  const eq = text.indexOf('=');
  const head = eq >= 0 ? text.slice(0, eq).trim() : text;
  const def = eq >= 0 ? text.slice(eq + 1).trim() : undefined;
  const byRef = head.startsWith('&');
  const [rawName, rawType] = head.replace(/^&/, '').split(':');
  if (!rawName || !rawType) throw new Error(`bad catalog parameter: ${text}`);
  const arr = /^(\w+)\[(\d*)\]$/.exec(rawType);
  const param: ApiParam = { name: rawName, type: arr ? arr[1]! : rawType };
  if (byRef) param.byRef = true;
  if (arr) {
    param.array = true;
    if (arr[2]) param.size = Number(arr[2]);
  }
  if (def !== undefined) param.default = def;
  return param;
}

interface Parsed {
  prefix: string;
  returns: string;
  name: string;
  params: ApiParam[];
  hasParens: boolean;
}

function parseSignature(sig: string): Parsed {
  const m = SIGNATURE.exec(sig);
  if (!m) throw new Error(`bad catalog signature: ${sig}`);
  const list = m[4];
  return {
    prefix: (m[1] ?? '').trim(),
    returns: m[2]!,
    name: m[3]!,
    params: list === undefined ? [] : splitParams(list).map(parseParam),
    hasParens: list !== undefined,
  };
}

/** Expands signatures of one kind and include; a leading `!` marks a deprecated entry. */
export function define(kind: FunctionKind, include: string, sigs: readonly string[]): ApiFunction[] {
  return sigs.map((raw) => {
    const deprecated = raw.startsWith('!');
    const p = parseSignature(deprecated ? raw.slice(1) : raw);
    const fn: ApiFunction = { name: p.name, kind, returns: p.returns, params: p.params, include };
    if (deprecated) fn.deprecated = true;
    return fn;
  });
}

/** Expands a methodmap: members are `ret Name(...)`, `prop type Name` or `static ret Name(...)`. */
export function methodmap(name: string, parent: string | undefined, include: string, sigs: readonly string[]): ApiMethodmap {
  const members = sigs.map((sig): ApiMethod => {
    const p = parseSignature(sig);
    const member: ApiMethod = { name: p.name, returns: p.returns, params: p.params };
    if (p.prefix === 'prop' || !p.hasParens) member.property = true;
    if (p.prefix === 'static') member.static = true;
    return member;
  });
  return parent === undefined ? { name, include, members } : { name, parent, include, members };
}
