// When a judgement can be reused: the pure checks give the same verdicts for the same answer, checks and judging
// environment. The environment is the harness's own code and shipped index (src/core/stamp.ts: a rebuilt checkout
// never reuses verdicts of older code), the compiler mode and the configured API index. Answers
// judged by spcomp or against include folders are never reused: files there change without the key seeing it.
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import path from 'node:path';
import { resolveMode } from '../../evaluators/compile/compile.js';
import { includeFolders } from '../../evaluators/compile/locate.js';
import type { CompilerSettings } from '../../evaluators/core/types.js';
import { codeStamp } from '../core/stamp.js';
import type { CheckSpec } from '../types/suite.js';

/**
 * The scope judgements of a run share, or undefined when they must not be cached (spcomp, include folders, or an
 * API index file that cannot be read: judging reports that).
 */
export function judgingScope(compiler: CompilerSettings = {}, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (resolveMode('auto', compiler, env) === 'spcomp') return undefined;
  if (includeFolders(compiler, env).length > 0) return undefined;
  let index = '';
  if (compiler.index) {
    try {
      const st = statSync(compiler.index);
      index = `${path.resolve(compiler.index)}:${st.size}:${st.mtimeMs}`;
    } catch {
      return undefined;
    }
  }
  return `${codeStamp()} static ${index}`;
}

/** The key of one answer's judgement under a scope. */
export function judgementKey(scope: string, checks: readonly CheckSpec[], passScore: number, answer: string): string {
  return createHash('sha256').update(JSON.stringify([scope, checks, passScore])).update('\u0000').update(answer).digest('hex');
}
