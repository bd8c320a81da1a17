// Lexical scopes of one function body: parameters, locals and loop variables, innermost last.
import type { Node } from 'web-tree-sitter';

/** A stack of name sets; a name is in scope when any open set has it. */
export class Scopes {
  private readonly stack: Set<string>[] = [];

  push(names: Iterable<string> = []): void {
    this.stack.push(new Set(names));
  }

  pop(): void {
    this.stack.pop();
  }

  declare(name: string): void {
    this.stack[this.stack.length - 1]?.add(name);
  }

  has(name: string): boolean {
    for (let i = this.stack.length - 1; i >= 0; i--) if (this.stack[i]!.has(name)) return true;
    return false;
  }
}

/** Names of a parameter list (`parameter_declarations`), or of a setter's single parameter. */
export function parameterNames(list: Node | null): string[] {
  if (!list) return [];
  if (list.type === 'parameter_declaration') return [list.childForFieldName('name')?.text ?? ''];
  return list.namedChildren.flatMap((p) => (p?.type === 'parameter_declaration' ? [p.childForFieldName('name')?.text ?? ''] : []));
}

/** 1-based line ranges between `#if`/`#ifdef`-style directives and their `#endif` (inclusive), read from the text
 * (cheaper than walking the tree, and directives are always whole lines). */
export function conditionalRanges(source: string): [number, number][] {
  const out: [number, number][] = [];
  let depth = 0;
  let start = 0;
  const rows = source.split('\n');
  for (let i = 0; i < rows.length; i++) {
    const m = /^\s*#\s*(if|endif)/.exec(rows[i]!);
    if (!m) continue;
    if (m[1] === 'if') {
      if (depth++ === 0) start = i + 1;
    } else if (depth > 0 && --depth === 0) out.push([start, i + 1]);
  }
  if (depth > 0) out.push([start, Number.MAX_SAFE_INTEGER]);
  return out;
}
