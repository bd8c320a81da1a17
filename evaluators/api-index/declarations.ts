// Collects the top-level declarations of one parsed SourcePawn file (an include or an answer) as index symbols.
import type { Node } from 'web-tree-sitter';
import { readParams, typeText } from './params.js';
import type { FunctionSignature, IndexEnumEntry, IndexMember, IndexSymbol, SymbolKind } from './types.js';
import { isDanglingType, rootNode, splitDeclarationType } from '../core/ast.js';
import { conditionalRanges, inRanges } from '../core/conditional.js';
import { memo, type EvalInput } from '../core/types.js';

/** Declarations and `#include`s of one file. */
export interface FileDeclarations {
  symbols: IndexSymbol[];
  /** Include names as written, without brackets, quotes or `.inc`. */
  includes: IncludeDirective[];
}

/** One `#include`/`#tryinclude`. */
export interface IncludeDirective {
  /** Name as written without brackets, quotes or `.inc`/`.sp` (the include's index name). */
  name: string;
  /** Path as written, without brackets or quotes (what spcomp searches for). */
  target: string;
  line: number;
  optional: boolean;
  quoted: boolean;
}

/** `<foo>`, `"foo.inc"` → `foo`. */
export function includeName(pathText: string): string {
  return pathText.replace(/^[<"]|[>"]$/g, '').trim().replace(/\.(inc|sp)$/i, '');
}

function functionKind(node: Node, inInclude: boolean): SymbolKind {
  const kind = node.childForFieldName('kind')?.text;
  if (kind === 'native' || kind === 'forward') return kind;
  // A prototype without a body (`void Helper();`) announces a function as `forward` does.
  if (node.type === 'function_declaration') return 'forward';
  const vis = node.children.filter((c) => c?.type === 'visibility').map((c) => c!.text).join(' ');
  return vis.includes('stock') || inInclude ? 'stock' : 'function';
}

function enumEntries(node: Node): IndexEnumEntry[] {
  const list = node.childForFieldName('entries');
  const out: IndexEnumEntry[] = [];
  let next: number | undefined = 0;
  for (const e of list?.namedChildren ?? []) {
    if (e?.type !== 'enum_entry') continue;
    const name = e.childForFieldName('name')?.text;
    if (!name) continue;
    // The grammar puts the `=` token under the `value` field too: take the named node.
    const value = e.childrenForFieldName('value').find((v) => v?.isNamed)?.text;
    // Values are counted on only from plain integers; the increment of `enum (<<= 1)` is not modelled.
    const numeric: number | undefined = value === undefined ? next : /^-?\d+$/.test(value) ? Number(value) : undefined;
    const entry: IndexEnumEntry = { name };
    if (value !== undefined) entry.value = value;
    else if (numeric !== undefined) entry.value = String(numeric);
    out.push(entry);
    next = numeric === undefined || node.namedChildren.some((c) => c?.type === 'int_literal') ? undefined : numeric + 1;
  }
  return out;
}

function propertyMember(node: Node): IndexMember {
  const m: IndexMember = { name: node.childForFieldName('name')?.text ?? '', kind: 'property', type: typeText(node.childForFieldName('type')) };
  for (const acc of node.namedChildren) {
    for (const k of acc?.namedChildren ?? []) {
      if (k?.type === 'methodmap_property_getter') m.get = true;
      if (k?.type === 'methodmap_property_setter') m.set = true;
    }
  }
  return m;
}

function members(node: Node): IndexMember[] {
  const out: IndexMember[] = [];
  for (const m of node.namedChildren) {
    if (!m) continue;
    const name = m.childForFieldName('name')?.text ?? '';
    const isStatic = m.children.some((c) => c?.type === 'static');
    const params = readParams(m.childForFieldName('parameters'));
    switch (m.type) {
      case 'methodmap_method_constructor':
      case 'methodmap_native_constructor':
        out.push({ name, kind: 'constructor', params });
        break;
      case 'methodmap_method_destructor':
      case 'methodmap_native_destructor':
        out.push({ name, kind: 'destructor' });
        break;
      case 'methodmap_method':
      case 'methodmap_native':
      case 'enum_struct_method': {
        const member: IndexMember = { name, kind: 'method', type: typeText(m.childForFieldName('returnType')), params };
        if (isStatic) member.static = true;
        out.push(member);
        break;
      }
      case 'methodmap_alias':
        out.push({ name, kind: 'method' });
        break;
      case 'methodmap_property':
      case 'methodmap_property_alias':
        out.push(propertyMember(m));
        break;
      case 'enum_struct_field':
        out.push({ name, kind: 'field', type: typeText(m.childForFieldName('type')) });
        break;
    }
  }
  return out;
}

function variables(node: Node, include: string, line: number): IndexSymbol[] {
  const isConst = node.childForFieldName('storage_class')?.text.includes('const') ?? false;
  const type = node.childForFieldName('type');
  return node.namedChildren.flatMap((v): IndexSymbol[] => {
    if (v?.type !== 'variable_declaration' && v?.type !== 'old_variable_declaration' && v?.type !== 'dynamic_array_declaration') return [];
    const name = v.childForFieldName('name')?.text;
    if (!name) return [];
    const sym: IndexSymbol = { name, kind: isConst ? 'constant' : 'variable', include, line, type: typeText(type ?? v.childForFieldName('type')) };
    const init = v.childForFieldName('initialValue');
    if (init && isConst) sym.value = init.text;
    return [sym];
  });
}

/** A function type's signature: its return type (untagged `int` when none is written) and parameters. */
function signature(node: Node): FunctionSignature {
  const ret = node.childForFieldName('returnType');
  return { type: ret ? typeText(ret) : 'int', params: readParams(node.childForFieldName('parameters')) };
}

/** One top-level node → its symbols ([] for statements and directives that declare nothing). */
function declare(node: Node, include: string, inInclude: boolean): IndexSymbol[] {
  const name = node.childForFieldName('name')?.text;
  const line = node.startPosition.row + 1;
  const base = (kind: SymbolKind): IndexSymbol => ({ name: name ?? '', kind, include, line });
  switch (node.type) {
    case 'function_declaration':
    case 'function_definition': {
      if (!name) return [];
      const sym = base(functionKind(node, inInclude));
      sym.type = splitDeclarationType(node) ?? typeText(node.childForFieldName('returnType'));
      sym.params = readParams(node.childForFieldName('parameters'));
      return [sym];
    }
    case 'functag':
    case 'typedef': {
      if (!name) return [];
      const sym = base(node.type);
      const expr = node.type === 'typedef' ? node.namedChildren.find((c) => c?.type === 'typedef_expression') : node;
      if (expr) {
        sym.params = readParams(expr.childForFieldName('parameters'));
        sym.signatures = [signature(expr)];
      } else sym.type = typeText(node.childForFieldName('type'));
      return [sym];
    }
    case 'typeset':
    case 'funcenum': {
      if (!name) return [];
      const kids = node.namedChildren.filter((c) => c?.type === 'typedef_expression' || c?.type === 'funcenum_member');
      return [{ ...base(node.type), signatures: kids.map((k) => signature(k!)) }];
    }
    case 'struct':
      return name ? [base(node.type)] : [];
    case 'enum': {
      const entries = enumEntries(node);
      const named = name ? [{ ...base('enum'), entries }] : [];
      const tag = name ?? undefined;
      return [...named, ...entries.map((e): IndexSymbol => ({ name: e.name, kind: 'constant', include, line, ...(tag ? { type: tag } : {}), ...(e.value !== undefined ? { value: e.value } : {}) }))];
    }
    case 'enum_struct':
    case 'methodmap': {
      if (!name) return [];
      const sym = base(node.type === 'enum_struct' ? 'enum-struct' : 'methodmap');
      const parent = node.childForFieldName('inherits')?.text;
      if (parent) sym.parent = parent;
      sym.members = members(node);
      return [sym];
    }
    case 'preproc_define':
      return name ? [{ ...base('define'), value: node.childForFieldName('value')?.text.trim() ?? '' }] : [];
    case 'preproc_macro':
      return name ? [{ ...base('macro'), arity: node.childrenForFieldName('parameters').filter((p) => p?.type === 'macro_param').length }] : [];
    case 'global_variable_declaration':
      return variables(node, include, line);
    case 'old_global_variable_declaration': {
      if (isDanglingType(node)) return [];
      const split = splitDeclarationType(node);
      const vars = variables(node, include, line);
      return split ? vars.map((v) => ({ ...v, type: split })) : vars;
    }
    default:
      return [];
  }
}

/** The declarations of a whole file. `inInclude` marks plain function bodies as stocks (include files). */
export function fileDeclarations(root: Node, include: string, inInclude = true, source?: string): FileDeclarations {
  const out: FileDeclarations = { symbols: [], includes: [] };
  // The caller's copy of the text when it has one: reading root.text copies the whole file out of the parser.
  const conditional = conditionalRanges(source ?? root.text);
  let deprecated = false;
  for (const node of root.namedChildren) {
    if (!node) continue;
    if (node.type === 'preproc_include' || node.type === 'preproc_tryinclude') {
      const path = node.childForFieldName('path');
      if (path) out.includes.push({ name: includeName(path.text), target: path.text.replace(/^[<"]|[>"]$/g, '').trim(), line: node.startPosition.row + 1, optional: node.type === 'preproc_tryinclude', quoted: path.text.startsWith('"') });
      continue;
    }
    if (node.type === 'preproc_pragma') {
      deprecated = /^\s*deprecated\b/.test(node.namedChildren[0]?.text ?? '');
      continue;
    }
    if (node.type === 'comment') continue;
    // `static` at file level keeps a declaration to its own file: an include's static globals are not the plugin's.
    if (inInclude && node.type === 'global_variable_declaration' && node.childForFieldName('visibility')?.text.includes('static')) continue;
    const symbols = declare(node, include, inInclude);
    if (deprecated) for (const s of symbols) s.deprecated = true;
    if (conditional.length > 0 && inRanges(conditional, node.startPosition.row + 1)) for (const s of symbols) s.conditional = true;
    deprecated = false;
    out.symbols.push(...symbols);
  }
  return out;
}

/** The answer's own top-level declarations, read once per answer and shared (callers copy before changing them). */
export function answerDeclarations(input: EvalInput): FileDeclarations | undefined {
  return memo(input, 'declarations:answer', () => {
    const root = rootNode(input);
    return root ? fileDeclarations(root, 'plugin', false, input.code.main) : undefined;
  });
}
