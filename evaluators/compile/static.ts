// The static compile check: what spcomp would say about an answer, as near as a parser and an API index get.
// Syntax (tree-sitter), includes (error 417), then every name and call resolved against the answer's symbol view
// (the same one the api check uses: its own code, companion and local files, what it includes).
import { performance } from 'node:perf_hooks';
import { rootNode } from '../core/ast.js';
import { symbolView } from '../symbols/view.js';
import type { EvalInput } from '../core/types.js';
import { ANSWER_FILE, type CompileResult, type Diagnostic } from './types.js';
import { resolveSymbols } from './static/resolve.js';
import { diag, syntaxDiagnostics } from './static/syntax.js';
import { oldSyntax } from '../core/old-syntax.js';
import { inRanges } from '../core/conditional.js';
import { duplicateDefinitions, includeDuplicates } from './static/duplicates.js';
import { answerDeclarations } from '../api-index/declarations.js';

function result(diagnostics: Diagnostic[], started: number): CompileResult {
  diagnostics.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  const errors = diagnostics.filter((d) => d.severity !== 'warning').length;
  return { ok: errors === 0, mode: 'static', errors, warnings: diagnostics.length - errors, diagnostics, durationMs: performance.now() - started };
}

/** error 147 for old declarations, untyped functions and old tags after `#pragma newdecls required` (until a
 * `#pragma newdecls optional`), one per line as spcomp reports them; #if branches are left alone. */
function newDeclsErrors(input: EvalInput): Diagnostic[] {
  const rows = input.code.main.split('\n');
  const on: [number, number][] = [];
  let start: number | null = null;
  rows.forEach((row, i) => {
    const m = /^\s*#\s*pragma\s+newdecls\s+(required|optional)\b/.exec(row);
    if (m?.[1] === 'required' && start === null) start = i + 1;
    else if (m?.[1] === 'optional' && start !== null) {
      on.push([start, i + 1]);
      start = null;
    }
  });
  if (start !== null) on.push([start, Number.MAX_SAFE_INTEGER]);
  if (on.length === 0) return [];
  const conditional = symbolView(input).conditional;
  const lines = new Set<number>();
  for (const o of oldSyntax(input)) {
    if (o.kind === 'old-cast' || o.kind === 'old-myinfo') continue;
    const line = o.node.startPosition.row + 1;
    if (inRanges(on, line) && !inRanges(conditional, line)) lines.add(line);
  }
  return [...lines].map((line) => diag(ANSWER_FILE, line, 147, 'new-style declarations are required'));
}

/** Checks one answer statically. Never throws for bad code: problems are diagnostics. */
export function staticCompile(input: EvalInput): CompileResult {
  const started = performance.now();
  if (!input.tree) return { ok: false, mode: 'static', errors: 0, warnings: 0, diagnostics: [], problem: 'the answer has no code to compile' };
  const view = symbolView(input);
  const syntax = syntaxDiagnostics(input, ANSWER_FILE);
  // A missing include is fatal in spcomp: nothing after it is checked.
  if (view.missing.length > 0) return result([...syntax, ...view.missing], started);
  const symbols = resolveSymbols(rootNode(input)!, { file: ANSWER_FILE, ...view });
  const newdecls = newDeclsErrors(input);
  const duplicates = [...includeDuplicates(view), ...duplicateDefinitions(answerDeclarations(input)?.symbols ?? [], view, ANSWER_FILE)];
  return result([...syntax, ...newdecls, ...duplicates, ...symbols], started);
}
