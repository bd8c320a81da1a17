// Judges one answer: extract and parse once, run every check of the case on the shared tree, score.
import { analyzeApi, unknownApiHint } from '../../evaluators/symbols/api-analysis.js';
import { syntaxErrors } from '../../evaluators/core/syntax-errors.js';
import { evaluators } from '../../evaluators/index.js';
import { prepareInput, releaseInput } from '../../evaluators/core/input.js';
import { loadGrammar } from '../../evaluators/core/grammar.js';
import type { Evaluator, EvalInput } from '../../evaluators/core/types.js';
import type { CheckOutcome, CheckResult } from '../../evaluators/core/check.js';
import type { ItemCompile, ItemResult } from '../types/run.js';
import { compileInput } from '../../evaluators/compile/compile.js';
import type { CompileResult } from '../../evaluators/compile/types.js';
import type { CompilerSettings } from '../../evaluators/core/types.js';
import type { CheckSpec } from '../types/suite.js';
import { scoreChecks } from '../score/score.js';

/** What judging an answer adds to an item. */
export type Judgement = Pick<ItemResult, 'status' | 'score' | 'code' | 'checks' | 'syntax' | 'api' | 'warnings' | 'compile' | 'codeStartLine'>;

/** Options of judging beyond the checks. */
export interface JudgeOptions {
  /** The config's `compiler:` section (spcomp path, include folders, limits). */
  compiler?: CompilerSettings;
  /** Absolute path of the file the answer was read from (`score plugin.sp`): its folder is searched for `#include "x"`. */
  file?: string;
}

function itemCompile(r: CompileResult): ItemCompile {
  return {
    ok: r.ok,
    mode: r.mode,
    errors: r.errors,
    warnings: r.warnings,
    diagnostics: r.diagnostics,
    ...(r.version ? { version: r.version } : {}),
    ...(r.problem ? { problem: r.problem } : {}),
  };
}

async function runCheck(spec: CheckSpec, input: EvalInput): Promise<CheckResult> {
  let outcome: CheckOutcome;
  try {
    const evaluator = evaluators[spec.kind as keyof typeof evaluators] as Evaluator;
    outcome = await evaluator.evaluate(input, spec.options);
  } catch (err) {
    // A bug in one check must not take the run down; it is recorded as the check's error.
    outcome = { status: 'error', reason: `check crashed: ${(err as Error).message}` };
  }
  return { kind: spec.kind, id: spec.id, weight: spec.weight, required: spec.required, ...outcome, pass: outcome.status === 'pass' };
}

/** Judges an answer against a case's checks. Pure apart from the checks' own work; never throws. */
export async function judgeAnswer(answer: string, checks: readonly CheckSpec[], passScore: number, options: JudgeOptions = {}): Promise<Judgement> {
  await loadGrammar(); // once per process; later calls return the same promise
  const input = prepareInput(answer, options);
  // Started before the checks so spcomp runs while they do; the `compiles` check awaits this same promise.
  const compiling = compileInput(input);
  try {
    const results: CheckResult[] = [];
    for (const spec of checks) results.push(await runCheck(spec, input));
    const errors = input.tree ? syntaxErrors(input) : [{ line: 1, column: 1, message: 'no code found in the answer' }];
    const api = input.tree ? analyzeApi(input) : null;
    const compiled = compiling ? await compiling : null;
    return {
      ...scoreChecks(results, passScore),
      code: input.code.main,
      checks: results,
      syntax: { ok: input.tree !== null && errors.length === 0, errors },
      api: api ? { total: api.total, resolved: api.resolved, unknown: api.unknown.map((u) => u.name), hints: Object.fromEntries(api.unknown.map((u) => [u.name, u.hint ?? (u.name.includes('.') ? (unknownApiHint(u.name) ?? '') : '')])) } : null,
      warnings: input.code.warnings,
      codeStartLine: input.code.startLine,
      ...(compiled ? { compile: itemCompile(compiled) } : {}),
    };
  } finally {
    // The static check reads the tree: let it finish before the tree is freed.
    await compiling?.catch(() => undefined);
    releaseInput(input);
  }
}
