// Shared by the static compile tests: compile a plugin source with the static checker.
import { loadGrammar } from '../../evaluators/grammar.js';
import { prepareInput, releaseInput } from '../../evaluators/input.js';
import { staticCompile, type StaticCompileOptions } from '../../evaluators/compile/static.js';
import type { CompileResult } from '../../evaluators/compile/types.js';

export async function compileSource(source: string, options: StaticCompileOptions = {}, companions = ''): Promise<CompileResult> {
  await loadGrammar();
  const input = prepareInput('```sourcepawn\n' + source + '\n```' + companions);
  try {
    return staticCompile(input, { includeFolders: [], ...options });
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
