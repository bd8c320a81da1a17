// Chooses the compiler for an answer (spcomp when found, else the static check) and compiles once per answer:
// the result is memoised on the input, so the `compiles` check and the run's metrics share it.
import type { EvalInput } from '../core/types.js';
import { compileWithSpcomp, refusedResult } from './spcomp.js';
import { locateSpcomp } from './locate.js';
import type { CompileResult } from './types.js';
import type { CompilerSettings } from '../core/types.js';

/** `auto`: spcomp when configured or on the PATH, else the static check. */
export type CompileMode = 'auto' | 'spcomp' | 'static';

/** The mode `auto` resolves to; a configured but missing spcomp stays `spcomp` (its absence is reported, not hidden). */
export function resolveMode(mode: CompileMode, settings: CompilerSettings = {}, env: NodeJS.ProcessEnv = process.env): 'spcomp' | 'static' {
  if (mode !== 'auto') return mode;
  const location = locateSpcomp(settings, env);
  return location.path || location.problem ? 'spcomp' : 'static';
}

async function runStatic(input: EvalInput): Promise<CompileResult> {
  const refused = refusedResult(input, 'static');
  if (refused) return refused;
  try {
    // Loaded on first use so a problem in the static checker is this check's error, not a crash of every run.
    const { staticCompile } = await import('./static.js');
    return await staticCompile(input);
  } catch (err) {
    return { ok: false, mode: 'static', errors: 0, warnings: 0, diagnostics: [], problem: `static compile check failed: ${(err as Error).message}` };
  }
}

/** Compiles the answer's code once per mode (memoised on the input); null when the answer has no code. */
export function compileInput(input: EvalInput, mode: CompileMode = 'auto'): Promise<CompileResult> | null {
  if (input.code.main.trim() === '') return null;
  const settings = input.compiler ?? {};
  const resolved = resolveMode(mode, settings);
  const key = `compile:${resolved}`;
  let result = input.memo.get(key) as Promise<CompileResult> | undefined;
  if (!result) {
    result = resolved === 'spcomp' ? compileWithSpcomp(input, settings) : runStatic(input);
    input.memo.set(key, result);
  }
  return result;
}
