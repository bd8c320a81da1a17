import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Node } from 'web-tree-sitter';
import { beforeAll, describe, expect, it } from 'vitest';
import { cachedField, nodesOfType, rootNode, walk } from '../../evaluators/core/ast.js';
import { loadGrammar, parseSource } from '../../evaluators/core/grammar.js';
import { prepareInput, releaseInput } from '../../evaluators/core/input.js';
import { collectDeclarations, localDeclarations } from '../../evaluators/symbols/api-analysis.js';

beforeAll(async () => {
  await loadGrammar();
});

const PLUGINS = path.join(import.meta.dirname, '..', 'fixtures', 'plugins');
const sources = readdirSync(PLUGINS)
  .filter((f) => f.endsWith('.sp'))
  .map((f) => readFileSync(path.join(PLUGINS, f), 'utf8'));
// A broken answer too: ERROR and MISSING nodes must be listed the same way.
sources.push('public void OnPluginStart( {\n  int x = \n  PrintToServer("x")\n}\nstock int F() { return ; ');

/** A node as type and span (ids are addresses: they differ between two parses of the same code). */
const key = (n: Node) => `${n.type}@${n.startIndex}-${n.endIndex}${n.isMissing ? '!' : ''}`;

/** The reference: a fresh tree and a naive recursive walk over `namedChildren`, in document order. */
function reference(code: string, types: string[]): string[] {
  const tree = parseSource(code);
  const out: string[] = [];
  const visit = (n: Node) => {
    if (types.includes(n.type)) out.push(key(n));
    for (const k of n.namedChildren) if (k) visit(k);
  };
  visit(tree.rootNode);
  tree.delete();
  return out;
}

const TYPE_LISTS = [
  ['call_expression'],
  ['identifier'],
  ['function_definition', 'alias_declaration'],
  ['variable_declaration', 'struct_declaration'],
  ['ERROR'],
  ['old_variable_declaration_statement', 'old_global_variable_declaration', 'old_for_loop_variable_declaration_statement'],
];

describe('nodesOfType (one shared walk per answer)', () => {
  it('lists the same nodes in the same order as a naive walk, for every type list', () => {
    expect(reference(sources.at(-1)!, ['ERROR']).length).toBeGreaterThan(0);
    for (const code of sources) {
      const input = prepareInput('```sourcepawn\n' + code + '\n```');
      for (const types of TYPE_LISTS) expect(nodesOfType(input, ...types).map(key), types.join(',')).toEqual(reference(code, types));
      releaseInput(input);
    }
  });

  it('returns the same node objects to every type list, from one root per input', () => {
    const input = prepareInput('```sourcepawn\n' + sources[0] + '\n```');
    const fns = nodesOfType(input, 'function_definition');
    const both = nodesOfType(input, 'function_definition', 'preproc_include');
    expect(fns.length).toBeGreaterThan(0);
    expect(both.filter((n) => fns.includes(n))).toHaveLength(fns.length);
    expect(rootNode(input)).toBe(rootNode(input));
    expect([...walk(rootNode(input)!)].filter((n) => n.type === 'function_definition')).toEqual(fns);
    releaseInput(input);
  });

  it('keeps declarations of the answer identical to a walk from a fresh root', () => {
    for (const code of sources) {
      const input = prepareInput('```sourcepawn\n' + code + '\n```');
      const tree = parseSource(code);
      const fresh = collectDeclarations(tree.rootNode);
      tree.delete();
      const shared = localDeclarations(input);
      expect([...shared.functions]).toEqual([...fresh.functions]);
      expect([...shared.types]).toEqual([...fresh.types]);
      expect([...shared.methods]).toEqual([...fresh.methods]);
      releaseInput(input);
    }
  });
});

describe('cachedField', () => {
  it('returns the field child with the id childForFieldName gives, as the listed child object', () => {
    const input = prepareInput('```sourcepawn\n' + sources[0] + '\n```');
    for (const fn of nodesOfType(input, 'function_definition')) {
      const body = cachedField(fn, 'body');
      expect(body?.id).toBe(fn.childForFieldName('body')?.id);
      expect(fn.namedChildren).toContain(body);
    }
    const call = nodesOfType(input, 'call_expression')[0]!;
    expect(cachedField(call, 'no_such_field')).toBeNull();
    releaseInput(input);
  });
});
