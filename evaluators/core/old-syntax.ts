// Pre-1.7 SourcePawn in an answer: old declarations (new/decl), untyped functions, old tags, old casts, the old
// myinfo. One reading shared by the `new-syntax` rule and the static compile check (spcomp's error 147 under
// `#pragma newdecls required`).
import type { Node } from 'web-tree-sitter';
import { isDanglingType, nodesOfType, splitDeclarationType } from './ast.js';
import { memo, type EvalInput } from './types.js';

/** One old-syntax construct. `declaration`, `untyped-function` and `old-tag` are what newdecls rejects. */
export interface OldSyntax {
  kind: 'declaration' | 'untyped-function' | 'old-tag' | 'untyped-param' | 'old-cast' | 'old-myinfo';
  node: Node;
  message: string;
}

// `_:` retagging stays legal and common in new-syntax code; the named tags are the old-syntax marker.
const OLD_CAST = /^(Float|String|Handle|bool|Action):/;

/** Every old-syntax construct of the answer, in document order (memoised). */
export function oldSyntax(input: EvalInput): OldSyntax[] {
  return memo(input, 'old-syntax', () => {
    const out: OldSyntax[] = [];
    for (const n of nodesOfType(input, 'old_variable_declaration_statement', 'old_global_variable_declaration', 'old_for_loop_variable_declaration_statement')) {
      // A new-style declaration split after its type (`ConVar\n\tg_hCvar;`) is read as two old ones: it is not old.
      if (isDanglingType(n) || splitDeclarationType(n)) continue;
      const keyword = n.text.trimStart().split(/\s/)[0] ?? 'new';
      out.push({ kind: 'declaration', node: n, message: `old declaration "${keyword}"; declare with a type (int x, char buf[64], float f)` });
    }
    for (const fn of nodesOfType(input, 'function_definition')) {
      const name = fn.childForFieldName('name');
      const ret = fn.childForFieldName('returnType');
      if (name && !ret && !splitDeclarationType(fn)) out.push({ kind: 'untyped-function', node: fn, message: `${name.text}() has no return type; write e.g. public void ${name.text}()` });
    }
    for (const t of nodesOfType(input, 'old_type')) {
      // Old declarations were reported above; tags on parameters and return types are reported here.
      const p = t.parent;
      if (p && (p.type === 'parameter_declaration' || p.type === 'function_definition')) out.push({ kind: 'old-tag', node: t, message: `old tag "${t.text}"; use a type before the name` });
    }
    for (const p of nodesOfType(input, 'parameter_declaration')) {
      // `const client_info[][2]`: a parameter with no type at all is old syntax too.
      const name = p.childForFieldName('name');
      if (name && !p.childForFieldName('type')) out.push({ kind: 'untyped-param', node: p, message: `parameter "${name.text}" has no type; write e.g. int ${name.text}` });
    }
    for (const c of nodesOfType(input, 'old_type_cast')) {
      if (OLD_CAST.test(c.text)) out.push({ kind: 'old-cast', node: c, message: `old tag cast "${c.text.split(':')[0]}:"; use view_as<T>()` });
    }
    for (const d of nodesOfType(input, 'struct_declaration')) {
      if (/^public\s+Plugin\s*:/.test(d.text)) out.push({ kind: 'old-myinfo', node: d, message: 'old "public Plugin:myinfo"; write public Plugin myinfo' });
    }
    return out.sort((a, b) => a.node.startIndex - b.node.startIndex);
  });
}
