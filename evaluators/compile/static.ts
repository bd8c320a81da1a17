// The static compile check: what spcomp would say about an answer, as near as a parser and an API index get.
// Syntax (tree-sitter), includes (error 417), then every name and call resolved against the answer's symbol view
// (the same one the api check uses: its own code, companion and local files, what it includes).
import { performance } from 'node:perf_hooks';
import { rootNode } from '../ast.js';
import { symbolView } from '../symbols/view.js';
import type { EvalInput } from '../types.js';
import { ANSWER_FILE, type CompileResult, type Diagnostic } from './types.js';
import { resolveSymbols } from './static/resolve.js';
import { syntaxDiagnostics } from './static/syntax.js';
import { duplicateDefinitions, includeDuplicates } from './static/duplicates.js';
import { answerDeclarations } from '../api-index/declarations.js';

function result(diagnostics: Diagnostic[], started: number): CompileResult {
  diagnostics.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  const errors = diagnostics.filter((d) => d.severity !== 'warning').length;
  return { ok: errors === 0, mode: 'static', errors, warnings: diagnostics.length - errors, diagnostics, durationMs: performance.now() - started };
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
  const duplicates = [...includeDuplicates(view), ...duplicateDefinitions(answerDeclarations(input)?.symbols ?? [], view, ANSWER_FILE)];
  return result([...syntax, ...duplicates, ...symbols], started);
}
