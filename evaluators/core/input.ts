// Builds the shared evaluator input: extract once, parse once, hand the same tree to every check.
import { extractCode } from './extract.js';
import { parseSource } from './grammar.js';
import type { EvalInput } from './types.js';
import type { CompilerSettings } from './types.js';

/** Answers above this size are not parsed: no real plugin is that large, and parsing would stall a run. */
export const MAX_CODE_BYTES = 1_000_000;

/** Prepares an answer for evaluation. The grammar must be loaded (loadGrammar()). Call `release()` when done. */
export function prepareInput(answer: string, options: { compiler?: CompilerSettings; file?: string } = {}): EvalInput {
  const code = extractCode(answer);
  if (answer.includes('\u0000')) {
    code.warnings.push('answer contains binary data (NUL bytes): not treated as code');
    code.main = '';
    code.found = 'none';
  } else if (code.main.length > MAX_CODE_BYTES) {
    code.warnings.push(`code is ${code.main.length} bytes, over the ${MAX_CODE_BYTES}-byte limit: not parsed`);
    code.main = '';
    code.found = 'none';
  }
  const tree = code.main === '' ? null : parseSource(code.main);
  return { answer, code, tree, memo: new Map(), ...(options.compiler ? { compiler: options.compiler } : {}), ...(options.file ? { file: options.file } : {}) };
}

/** Frees the wasm memory held by the input's tree. */
export function releaseInput(input: EvalInput): void {
  input.tree?.delete();
  input.tree = null;
}
