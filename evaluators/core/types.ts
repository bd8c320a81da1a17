import type { z } from 'zod';
import type { Tree } from 'web-tree-sitter';
import type { CheckOutcome } from './check.js';

/** A source file found in a model answer. */
export interface SourceFile {
  /** File name when the answer names one (e.g. `l4d2_tank.inc`), else a generated one. */
  name: string;
  code: string;
  /** Fence language as written (`sourcepawn`, `sp`, `c`, `cpp`, ``), or `bare`. */
  lang: string;
}

/** The code taken out of a model answer. */
export interface ExtractedCode {
  /** The plugin's source ('' when the answer has no code). */
  main: string;
  /** 1-based line of the answer where `main` starts, to map code lines back to the answer. */
  startLine: number;
  /** Other code blocks (companion .inc files, snippets). */
  companions: SourceFile[];
  /** How the main code was found. */
  found: 'fenced' | 'bare' | 'none';
  /** Problems noticed while extracting, e.g. an unterminated fence (answer probably truncated). */
  warnings: string[];
}

/** Everything an evaluator may look at. Parsed once per answer and shared by all checks. */
export interface EvalInput {
  answer: string;
  code: ExtractedCode;
  /** tree-sitter parse of `code.main`, or null when there is no code. */
  tree: Tree | null;
  /** Per-answer memo for derived analyses (calls, api resolution) so checks do not redo work. */
  memo: Map<string, unknown>;
  /** Where spcomp and its includes are (the config's `compiler:` section); absent: SPCOMP/PATH/static. */
  compiler?: CompilerSettings;
  /** Absolute path of the file the code was read from, when it is a file on disk: `#include "x"` is searched
   * beside it, as spcomp does. Absent for model answers. */
  file?: string;
}

/** One check kind: a plain object, pure, with a zod schema for its options. */
export interface Evaluator<S extends z.ZodType = z.ZodType> {
  kind: string;
  description: string;
  /** Options of this kind only; common fields (kind, id, weight, required) are handled by the suite loader. */
  options: S;
  /** A readable default id for a check, e.g. `calls:HookEvent`. */
  defaultId(options: z.output<S>): string;
  evaluate(input: EvalInput, options: z.output<S>): CheckOutcome | Promise<CheckOutcome>;
}

/** Memoises a derived value on the input so several checks share one computation. */
export function memo<T>(input: EvalInput, key: string, compute: () => T): T {
  if (input.memo.has(key)) return input.memo.get(key) as T;
  const value = compute();
  input.memo.set(key, value);
  return value;
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
  /** Address-space limit of each spcomp process in MB (default 512; 0 turns it off). Linux only. */
  max_memory_mb?: number;
}
