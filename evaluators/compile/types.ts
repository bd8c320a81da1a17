import type { Diagnostic } from '../core/diagnostic.js';

export type { Diagnostic } from '../core/diagnostic.js';
export { ANSWER_FILE } from '../core/diagnostic.js';

/** Outcome of compiling one answer, by spcomp or the static checker. */
export interface CompileResult {
  ok: boolean;
  mode: 'spcomp' | 'static';
  errors: number;
  warnings: number;
  diagnostics: Diagnostic[];
  exitCode?: number | null;
  raw?: string;
  compiler?: string;
  version?: string;
  durationMs?: number;
  /** Compiler problem (crash, timeout, missing binary): the check is `error`, not the model's failure. */
  problem?: string;
}
