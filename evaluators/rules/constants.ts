// Named integer constants of a plugin (#define, enum entries, const/global ints), shared by the
// zombie-class and team rules: a name says what the number is meant to be, so a wrong value is a fact.
import type { Node } from 'web-tree-sitter';
import { nodesOfType } from '../core/ast.js';
import { memo, type EvalInput } from '../core/types.js';
import { intValue } from './util.js';

/** A named integer the plugin defines. */
export interface NamedConstant {
  name: string;
  value: number;
  node: Node;
}

/** `#define X 5`, `enum { A = 1, B, ... }`, `const int X = 5;`. Entries with non-literal values are skipped. */
export function namedConstants(input: EvalInput): NamedConstant[] {
  return memo(input, 'rules:constants', () => {
    const out: NamedConstant[] = [];
    for (const d of nodesOfType(input, 'preproc_define')) {
      const name = d.childForFieldName('name')?.text;
      const raw = d.childForFieldName('value')?.text.replace(/\/\/.*$|\/\*.*?\*\//g, '').trim().replace(/^\((.*)\)$/, '$1');
      if (name && raw && /^\d+$/.test(raw)) out.push({ name, value: Number(raw), node: d });
    }
    for (const e of nodesOfType(input, 'enum_entries')) {
      let next = 0;
      for (const entry of e.namedChildren) {
        if (!entry || entry.type !== 'enum_entry') continue;
        const name = entry.childForFieldName('name')?.text;
        const valueNode = entry.childrenForFieldName('value').find((v) => v?.isNamed) ?? null;
        const value = valueNode ? intValue(valueNode) : next;
        if (value === null) break; // computed values: later implicit numbers are unknown
        if (name) out.push({ name, value, node: entry });
        next = value + 1;
      }
    }
    for (const v of nodesOfType(input, 'variable_declaration')) {
      const decl = v.parent;
      if (!decl || !/^(static\s+)?const\b/.test(decl.text)) continue;
      const name = v.childForFieldName('name')?.text;
      const value = intValue(v.childForFieldName('initialValue'));
      if (name && value !== null) out.push({ name, value, node: v });
    }
    return out;
  });
}
