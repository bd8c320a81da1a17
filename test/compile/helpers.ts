// Shared by the static compile tests: compile a plugin source with the static checker.
import { loadGrammar } from '../../evaluators/core/grammar.js';
import { prepareInput, releaseInput } from '../../evaluators/core/input.js';
import { staticCompile } from '../../evaluators/compile/static.js';
import type { CompileResult } from '../../evaluators/compile/types.js';
import type { CompilerSettings } from '../../evaluators/core/types.js';

/** Compiles `source` (with companion blocks appended to the answer) under those settings, as a file at `file` when given. */
export async function compileSource(source: string, settings: CompilerSettings = {}, companions = '', file?: string): Promise<CompileResult> {
  await loadGrammar();
  const input = prepareInput('```sourcepawn\n' + source + '\n```' + companions, { compiler: settings, ...(file ? { file } : {}) });
  try {
    return staticCompile(input);
  } finally {
    releaseInput(input);
  }
}

/** `line: message` of every diagnostic, for readable assertions. */
export function lines(result: CompileResult): string[] {
  return result.diagnostics.map((d) => `${d.line}: ${d.severity} ${String(d.code).padStart(3, '0')}: ${d.message}`);
}

/** Inserts `text` as a new line after the `{` that opens OnPluginStart; returns the source and the new line number. */
export function insertInPluginStart(source: string, text: string): { source: string; line: number } {
  const rows = source.split('\n');
  const start = rows.findIndex((r) => /OnPluginStart\s*\(\s*\)/.test(r));
  const brace = rows.findIndex((r, i) => i >= start && r.includes('{'));
  rows.splice(brace + 1, 0, text);
  return { source: rows.join('\n'), line: brace + 2 };
}
