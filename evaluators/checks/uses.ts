// `uses`: identifiers that occur in the code, outside strings and comments (read from the tree, not the text).
import { nodesOfType } from '../core/ast.js';
import { memo, type EvalInput } from '../core/types.js';
import { nameListCheck } from './name-list.js';

// Macro bodies and #if conditions are raw text in the grammar, so their words are read with a regex.
const RAW_PREPROC_PARENTS = new Set(['preproc_define', 'preproc_macro', 'preproc_if', 'preproc_elseif']);
const STRINGS_AND_COMMENTS = /"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|\/\/[^\n]*|\/\*[\s\S]*?\*\//g;
const WORD = /[A-Za-z_]\w*/g;

/** Every identifier and type name in the code (memoised). */
export function usedIdentifiers(input: EvalInput): Set<string> {
  return memo(input, 'usedIdentifiers', () => {
    const out = new Set<string>();
    for (const n of nodesOfType(input, 'identifier', 'builtin_type', 'old_builtin_type', 'any_type')) out.add(n.text);
    for (const n of nodesOfType(input, 'preproc_arg')) {
      if (!n.parent || !RAW_PREPROC_PARENTS.has(n.parent.type)) continue;
      for (const w of n.text.replace(STRINGS_AND_COMMENTS, ' ').match(WORD) ?? []) out.add(w);
    }
    return out;
  });
}

export const uses = nameListCheck({
  kind: 'uses',
  description: 'The named identifiers occur in the code (outside strings and comments), e.g. MaxClients.',
  noun: 'identifiers',
  found: usedIdentifiers,
});
