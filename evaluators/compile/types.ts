/** One compiler message. `file` is ANSWER_FILE for the answer's main code, a companion's name, or an include's path. */
export interface Diagnostic {
  severity: 'error' | 'warning' | 'fatal';
  code: number | null;
  file: string;
  /** 1-based line in that file (for the main code: in the extracted code); null when the compiler gave none. */
  line: number | null;
  /** 1-based column when known. */
  column?: number | null;
  message: string;
}

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

/** The `compiler:` section of the config (paths absolute once loaded). */
export interface CompilerSettings {
  /** Path to spcomp; else SPCOMP, else the PATH. */
  spcomp?: string;
  /** Include folders searched before SOURCEMOD_INCLUDE. */
  include?: string[];
  /** An API index file (the config's `api.index`): what the static check and the api check know beyond the include
   * folders, before the shipped index. */
  index?: string;
  /** Per-compile timeout (default 10 000 ms). */
  timeout_ms?: number;
  /** Cap on each output stream (default 1 MB). */
  max_output_bytes?: number;
}

/** The name diagnostics use for the answer's main code. */
export const ANSWER_FILE = 'plugin.sp';
