// Lexical scopes of one function body: parameters, locals and loop variables, innermost last.
import type { Node } from 'web-tree-sitter';
import { plainType } from '../../core/ast.js';

export { plainType };

/** A stack of scopes; a name is in scope when any open one has it. Each name keeps its declared type when that type
 * is a plain name (`ConVar cv`, not `int arr[3]`), so member accesses on it can be checked. */
export class Scopes {
  private readonly stack: Map<string, string | undefined>[] = [];

  push(entries: Iterable<[string, string | undefined]> = []): void {
    this.stack.push(new Map(entries));
  }

  pop(): void {
    this.stack.pop();
  }

  declare(name: string, type?: string): void {
    this.stack[this.stack.length - 1]?.set(name, type);
  }

  has(name: string): boolean {
    for (let i = this.stack.length - 1; i >= 0; i--) if (this.stack[i]!.has(name)) return true;
    return false;
  }

  /** The declared type of the innermost variable of that name, or undefined (not in scope, or no plain type). */
  typeOf(name: string): string | undefined {
    for (let i = this.stack.length - 1; i >= 0; i--) if (this.stack[i]!.has(name)) return this.stack[i]!.get(name);
    return undefined;
  }
}

/** Parameters of a list (`parameter_declarations`), or a setter's single parameter, with their plain types. */
export function parameterEntries(list: Node | null): [string, string | undefined][] {
  if (!list) return [];
  const one = (p: Node): [string, string | undefined] => [p.childForFieldName('name')?.text ?? '', plainType(p.childForFieldName('type'), p)];
  if (list.type === 'parameter_declaration') return [one(list)];
  return list.namedChildren.flatMap((p) => (p?.type === 'parameter_declaration' ? [one(p)] : []));
}
