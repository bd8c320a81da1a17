// Symbol resolution of one answer: walks every function body with its scopes and reports names that resolve to
// nothing the plugin declares or includes (error 017 / 139) and calls with the wrong number of arguments (092).
import type { Node } from 'web-tree-sitter';
import { cachedField, splitDeclarationType } from '../../core/ast.js';
import { arity } from '../../api-index/params.js';
import { callbackFits } from './callbacks.js';
import type { ApiParam } from '../../api-index/types.js';
import { findSymbol, memberOwner, type SymbolTable } from '../../api-index/table.js';
import type { IndexSymbol } from '../../api-index/types.js';
import type { Diagnostic } from '../types.js';
import { diag } from './syntax.js';
import { Scopes, parameterEntries, plainType } from './scope.js';
import { inRanges } from '../../core/conditional.js';
import { BUILTIN_NAMES } from '../../catalog/builtins.js';

const TYPE_KINDS = new Set(['enum', 'enum-struct', 'methodmap', 'struct', 'typedef', 'typeset', 'functag', 'funcenum']);
const FUNCTION_KINDS = new Set(['native', 'forward', 'stock', 'function']);
/** Children of these nodes that name members or fields, not symbols in scope. */
const MEMBER_FIELDS: Record<string, string> = { field_access: 'field', scope_access: 'field', array_scope_access: 'field', struct_field_value: 'field', named_arg: 'arg_name' };
/** Where an identifier is certainly a value (spcomp's error 174 for a type there). */
const VALUE_PARENTS = new Set(['call_arguments', 'assignment_expression', 'variable_declaration', 'return_statement', 'binary_expression']);
const METHOD_BODIES = new Set(['methodmap_method', 'methodmap_method_constructor', 'enum_struct_method', 'methodmap_method_destructor']);

/** What the resolver needs to know about the answer and its includes. */
export interface ResolveContext {
  file: string;
  /** Top-level declarations of the answer and its companion files. */
  globals: Map<string, IndexSymbol>;
  table: SymbolTable;
  /** Includes visible to the answer (closure). */
  visible: ReadonlySet<string>;
  /** An include of the closure is known by name only: unknown names may come from it. */
  lenient: boolean;
  /** Line ranges inside #if blocks. */
  conditional: [number, number][];
}

// Bodies and call arguments are fetched with cachedField: the checks' walk already built those subtrees.
class Resolver {
  readonly out: Diagnostic[] = [];
  private readonly scopes = new Scopes();
  private readonly reported = new Set<string>();

  /** Plain declared types of the answer's global variables (`ConVar g_cvCount`). */
  private readonly globalTypes = new Map<string, string>();

  constructor(private readonly ctx: ResolveContext, root: Node) {
    for (const node of root.namedChildren) {
      const split = node ? splitDeclarationType(node) : undefined;
      if (split) {
        for (const d of node!.namedChildren) {
          const name = d?.type === 'old_variable_declaration' && !d.namedChildren.some((k) => k?.type === 'fixed_dimension' || k?.type === 'dimension') ? d.childForFieldName('name')?.text : undefined;
          if (name) this.globalTypes.set(name, split);
        }
      }
      if (node?.type !== 'global_variable_declaration') continue;
      const type = node.childForFieldName('type');
      for (const d of node.namedChildren) {
        const name = d?.type === 'variable_declaration' ? d.childForFieldName('name')?.text : undefined;
        const t = name ? plainType(type, d!) : undefined;
        if (name && t) this.globalTypes.set(name, t);
      }
    }
  }

  private inConditional(line: number): boolean {
    return inRanges(this.ctx.conditional, line);
  }

  private report(node: Node, code: number, message: string): void {
    const line = node.startPosition.row + 1;
    const key = `${line}:${code}:${message}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.out.push(diag(this.ctx.file, line, code, message, node.startPosition.column + 1));
  }

  /** The declaration a name refers to, 'scope' for locals, or null (and whether it is hidden behind an include). */
  private lookup(name: string): { sym: IndexSymbol | 'scope' | null; hidden?: IndexSymbol } {
    if (this.scopes.has(name)) return { sym: 'scope' };
    const own = this.ctx.globals.get(name);
    if (own) return { sym: own };
    if (BUILTIN_NAMES.has(name)) return { sym: 'scope' };
    const found = findSymbol(this.ctx.table, name, this.ctx.visible);
    return { sym: found.visible ?? null, hidden: found.hidden };
  }

  private unresolved(node: Node, name: string, hidden: IndexSymbol | undefined, type: boolean): void {
    // A name the tables do not know may come from an opaque include or a branch spcomp would not compile.
    if (!hidden && (this.ctx.lenient || this.inConditional(node.startPosition.row + 1))) return;
    if (type) this.report(node, 139, `could not find type "${name}"`);
    else this.report(node, 17, `undefined symbol "${name}"`);
  }

  private symbol(node: Node): IndexSymbol | null {
    const { sym, hidden } = this.lookup(node.text);
    if (sym === null) this.unresolved(node, node.text, hidden, false);
    else if (sym !== 'scope' && (sym.kind === 'methodmap' || sym.kind === 'enum-struct' || sym.kind === 'enum') && VALUE_PARENTS.has(node.parent?.type ?? '')) {
      this.report(node, 174, `symbol '${node.text}' is a type and cannot be used as a value`);
    }
    return sym === 'scope' ? null : sym;
  }

  private typeName(node: Node | null): void {
    if (!node) return;
    const id = node.type === 'identifier' ? node : node.type === 'type' ? node.namedChildren.find((c) => c?.type === 'identifier') : null;
    if (id) {
      const { sym, hidden } = this.lookup(id.text);
      if (sym === null) this.unresolved(id, id.text, hidden, true);
    } else if (node.type === 'array_type') this.typeName(node.namedChildren.find((c) => c?.type === 'type') ?? null);
  }

  private call(node: Node): void {
    const fn = cachedField(node, 'function');
    const args = cachedField(node, 'arguments');
    if (fn?.type === 'identifier') {
      const sym = this.symbol(fn);
      if (sym && FUNCTION_KINDS.has(sym.kind) && sym.params && this.countable(sym, args)) {
        const list = args ? args.namedChildren.filter((a): a is Node => a !== null && a.type !== 'comment') : [];
        const { min, max } = arity(sym.params);
        // spcomp: too many arguments is 092 at the first extra one; too few is 034 for the first without a default.
        if (list.length > max) this.report(list[max]!, 92, 'number of arguments does not match definition');
        else if (list.length < min) this.report(args ?? fn, 34, `argument does not have a default value (argument ${list.length + 1})`);
      }
      if (sym && FUNCTION_KINDS.has(sym.kind) && sym.params && args) this.callbacks(sym.params, args);
      if (sym?.kind === 'macro' && sym.arity) this.macroCall(sym.arity, args);
    } else if (fn) this.expr(fn);
    if (args) this.expr(args);
  }

  /** error 100 for functions passed where a function type is expected and that fit none of its signatures. */
  private callbacks(params: readonly ApiParam[], args: Node): void {
    const list = args.namedChildren.filter((a): a is Node => a !== null && a.type !== 'comment');
    for (const [i, written] of list.entries()) {
      const param = params[i];
      // `EventHook:OnRound`: an old-style cast to the function type, after which spcomp checks the parameters even
      // of an untagged function.
      const cast = written.type === 'old_type_cast';
      const arg = cast ? cachedField(written, 'value') : written;
      if (!param || param.variadic || arg?.type !== 'identifier') continue;
      const fn = this.ctx.globals.get(arg.text);
      if (!fn || fn.kind !== 'function' || !fn.params || this.scopes.has(arg.text)) continue;
      if (fn.include === 'plugin' && fn.line !== undefined && this.inConditional(fn.line)) continue;
      const { sym: type } = this.lookup(param.type);
      if (!type || type === 'scope' || !type.signatures || type.signatures.length === 0) continue;
      const lookup = (n: string) => this.typeWithMembers(n);
      if (!type.signatures.some((sig) => callbackFits(fn, sig, lookup, cast) !== false)) this.report(arg, 100, 'function prototypes do not match');
    }
  }

  /** A macro called with the wrong number of arguments: the preprocessor's error 001 (029 when given none). */
  private macroCall(arity: number, args: Node | null): void {
    const list = args ? args.namedChildren.filter((a): a is Node => a !== null && a.type !== 'comment') : [];
    if (list.length === arity || !args) return;
    if (list.length === 0) this.report(args, 29, 'invalid expression, assumed zero');
    else if (list.length > arity) this.report(list[arity]!, 1, 'expected token: ")", but found ","');
    else this.report(args, 1, 'expected token: ",", but found ")"');
  }

  /** Whether a call's arguments can be counted: no named arguments, no define that expands to several
   * (`#define ZOEY 5, 5`), and a definition that is not one of several in #if branches. */
  private countable(sym: IndexSymbol, args: Node | null): boolean {
    if (sym.include === 'plugin' && sym.line !== undefined && this.inConditional(sym.line)) return false;
    for (const a of args?.namedChildren ?? []) {
      if (!a || a.type === 'named_arg') return false;
      if (a.type !== 'identifier') continue;
      const { sym: d } = this.lookup(a.text);
      if (d && d !== 'scope' && (d.kind === 'define' || d.kind === 'macro') && (d.value ?? '').includes(',')) return false;
    }
    return true;
  }

  private declarators(stmt: Node): void {
    this.typeName(stmt.childForFieldName('type'));
    for (const d of stmt.namedChildren) {
      if (!d || (d.type !== 'variable_declaration' && d.type !== 'old_variable_declaration' && d.type !== 'dynamic_array_declaration')) continue;
      const nameId = d.childForFieldName('name')?.id;
      // Node objects are not identity-stable in web-tree-sitter: compare ids.
      for (const k of d.namedChildren) if (k && k.id !== nameId && k.type !== 'old_type') this.expr(k);
      const name = d.childForFieldName('name')?.text;
      if (name) this.scopes.declare(name, plainType(stmt.childForFieldName('type'), d));
    }
  }

  /** A methodmap or enum struct by name: the answer's own first, then what its includes declare. */
  private typeWithMembers(name: string): IndexSymbol | undefined {
    const own = this.ctx.globals.get(name);
    const sym = own ?? findSymbol(this.ctx.table, name, this.ctx.visible).visible;
    return sym && (sym.kind === 'methodmap' || sym.kind === 'enum-struct') ? sym : undefined;
  }

  /** `x.Name` where x's declared type is a known methodmap or enum struct without that member: error 105. */
  private memberAccess(node: Node): void {
    const target = node.childForFieldName('target');
    const field = node.childForFieldName('field');
    if (!target || !field) return;
    let owner: string | undefined;
    if (target.type === 'identifier') {
      const name = target.text;
      if (this.scopes.has(name)) owner = this.scopes.typeOf(name);
      else if (this.ctx.globals.has(name) && this.ctx.globals.get(name)!.kind === 'variable') owner = this.globalTypes.get(name);
      else if (this.typeWithMembers(name)) owner = name; // a static member: ArrayList.Foo
    } else if (target.type === 'view_as') owner = target.childForFieldName('type')?.text;
    const type = owner ? this.typeWithMembers(owner) : undefined;
    if (!type || memberOwner(type, field.text, (n) => this.typeWithMembers(n)) !== undefined || this.inConditional(field.startPosition.row + 1)) return;
    this.report(field, 105, `cannot find method or property ${owner}.${field.text}`);
  }

  /** Walks a statement or expression. */
  expr(node: Node): void {
    if (node.isError || node.isMissing) return;
    switch (node.type) {
      case 'field_access':
        this.memberAccess(node);
        break;
      case 'identifier':
        this.symbol(node);
        return;
      case 'call_expression':
        return this.call(node);
      case 'block':
        this.scopes.push();
        for (const k of node.namedChildren) if (k) this.expr(k);
        this.scopes.pop();
        return;
      case 'for_statement':
        this.scopes.push();
        for (const k of node.namedChildren) if (k) this.expr(k);
        this.scopes.pop();
        return;
      case 'variable_declaration_statement':
      case 'old_variable_declaration_statement':
      case 'old_for_loop_variable_declaration_statement':
        return this.declarators(node);
      case 'new_expression': {
        this.typeName(node.childForFieldName('class'));
        const args = cachedField(node, 'arguments');
        if (args) this.expr(args);
        return;
      }
      case 'view_as':
        this.typeName(node.childForFieldName('type'));
        this.expr(cachedField(node, 'value')!);
        return;
      case 'old_type_cast': {
        const value = cachedField(node, 'value');
        if (value) this.expr(value);
        return;
      }
      case 'type':
        return this.typeName(node);
      case 'string_literal':
      case 'char_literal':
      case 'comment':
      case 'old_type':
        return;
    }
    if (node.type.startsWith('preproc_')) return;
    const skip = MEMBER_FIELDS[node.type];
    const skipped = skip ? node.childForFieldName(skip)?.id : undefined;
    for (const k of node.namedChildren) if (k && k.id !== skipped) this.expr(k);
  }

  /** A body with its parameters in scope. */
  body(params: [string, string | undefined][], body: Node | null): void {
    if (!body || body.hasError) return;
    this.scopes.push(params);
    this.expr(body);
    this.scopes.pop();
  }

  topLevel(node: Node): void {
    if (node.hasError && node.type !== 'source_file') return;
    switch (node.type) {
      case 'function_definition':
        this.typeName(node.childForFieldName('returnType'));
        // Old Pawn allowed `f() statement;`: spcomp 1.12 wants braces (the grammar still accepts it).
        if (cachedField(node, 'body')?.type === 'expression_statement') {
          const params = node.childForFieldName('parameters');
          this.out.push(diag(this.ctx.file, (params ?? node).endPosition.row + 1, 437, 'functions in global scope must use braces'));
        }
        return this.body(parameterEntries(node.childForFieldName('parameters')), cachedField(node, 'body'));
      case 'methodmap':
      case 'enum_struct':
        for (const m of node.namedChildren) if (m) this.member(m);
        return;
      case 'global_variable_declaration':
      case 'old_global_variable_declaration':
        this.scopes.push();
        this.declarators(node);
        this.scopes.pop();
        return;
      case 'enum':
        for (const e of node.childForFieldName('entries')?.namedChildren ?? []) {
          const value = e?.childrenForFieldName('value').find((v) => v?.isNamed);
          if (value) this.expr(value);
        }
        return;
      case 'struct_declaration':
        for (const v of node.childForFieldName('value')?.namedChildren ?? []) if (v) this.expr(v);
        return;
    }
  }

  private member(m: Node): void {
    if (METHOD_BODIES.has(m.type)) return this.body(parameterEntries(m.childForFieldName('parameters')), cachedField(m, 'body'));
    if (m.type !== 'methodmap_property') return;
    for (const acc of m.namedChildren) {
      if (acc?.type !== 'methodmap_property_method') continue;
      const setter = acc.namedChildren.find((k) => k?.type === 'methodmap_property_setter');
      this.body(setter ? parameterEntries(setter.childForFieldName('parameter')) : [], cachedField(acc, 'body'));
    }
  }
}

/** Resolves every name used in the answer's code; diagnostics sorted by line. */
export function resolveSymbols(root: Node, ctx: ResolveContext): Diagnostic[] {
  const r = new Resolver(ctx, root);
  for (const node of root.namedChildren) if (node) r.topLevel(node);
  return r.out;
}
