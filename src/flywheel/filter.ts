// The quality filter of `augment`: every answer becomes an OpenAI chat fine-tune line (system, user, the answer as
// the model gave it) and is judged line by line exactly as `l4d2-eval check` judges a file (same evaluators, same
// compile check, same duplicate rules), after the code of the `--against` files has been marked as already taken,
// so neither a duplicate within the output nor one of the existing training data is accepted.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { extractCode } from '../../evaluators/core/extract.js';
import { loadGrammar } from '../../evaluators/core/grammar.js';
import { UserError } from '../core/errors.js';
import { checkSpecsFor, DEFAULT_CHECK_OPTIONS } from '../dataset/options.js';
import { isReason, parseExample } from '../dataset/formats.js';
import { readLines } from '../dataset/lines.js';
import { signature } from '../dataset/minhash.js';
import { codeHash, codeTokens } from '../dataset/normalize.js';
import { CheckOutputs, OUTPUT_FILES } from '../dataset/outputs.js';
import { renderCheckReport } from '../dataset/report.js';
import { isBlank, scanDataset } from '../dataset/scan.js';
import { CheckStats } from '../dataset/stats.js';
import type { CheckOptions, CheckSummary, Verdict } from '../dataset/types.js';
import { judgeLine, newContext, type VerdictContext } from '../dataset/verdict.js';

/** The file of every answer as a chat line, before filtering (kept for inspection). */
export const CANDIDATES_FILE = 'candidates.jsonl';

/** One generated answer (or the reason there is none). */
export interface Candidate {
  id: string;
  system: string;
  prompt: string;
  answer: string | null;
  /** Why there is no answer (provider or batch error). */
  error?: string;
}

/** The chat fine-tune line of an answer: what `finetune` uploads. */
export function chatLine(system: string, prompt: string, answer: string): string {
  return JSON.stringify({ messages: [{ role: 'system', content: system }, { role: 'user', content: prompt }, { role: 'assistant', content: answer }] });
}

/** Marks the code of every example in `files` as taken; returns how many examples were read. */
async function seedAgainst(ctx: VerdictContext, files: readonly string[], maxLineBytes: number): Promise<number> {
  let n = 0;
  for (const file of files) {
    const display = path.relative(process.cwd(), file) || file;
    try {
      for await (const { line, raw } of readLines(file, maxLineBytes)) {
        if (raw === null || isBlank(raw)) continue;
        const ex = parseExample(raw.toString('utf8').replace(/^\uFEFF/, ''));
        if (isReason(ex)) continue;
        const tokens = codeTokens(extractCode(ex.answer).main);
        if (tokens.length === 0) continue;
        const label = `${display}:${line}`;
        const hash = codeHash(tokens);
        if (!ctx.acceptedCode.has(hash)) ctx.acceptedCode.set(hash, label);
        ctx.nearDup.add(signature(tokens), label);
        n++;
      }
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === undefined) throw err;
      throw new UserError('E_INPUT', `cannot read --against file ${display}: ${code === 'ENOENT' ? 'file not found' : (err as Error).message}`, 'give existing training JSONL files to --against');
    }
  }
  return n;
}

/** Options of the filter: the `check` options (min score, near-duplicate threshold...) plus the files to dedupe against. */
export interface FilterOptions {
  outDir: string;
  check?: Partial<CheckOptions>;
  against?: readonly string[];
}

/** What the filter wrote and decided. */
export interface FilterSummary extends CheckSummary {
  /** Examples read from the `--against` files. */
  againstExamples: number;
  /** Answers that never came (provider or batch errors), counted among the rejected. */
  unanswered: number;
}

/**
 * Writes `candidates.jsonl`, then `accepted.jsonl`, `rejected.jsonl` (with `_reasons`), `report.md`, `report.csv`
 * and `summary.json` into `outDir`. Accepted lines are byte-identical to their candidate lines.
 */
export async function filterCandidates(candidates: readonly Candidate[], o: FilterOptions): Promise<FilterSummary> {
  const started = Date.now();
  const options: CheckOptions = { ...DEFAULT_CHECK_OPTIONS, ...o.check };
  const file = path.join(o.outDir, CANDIDATES_FILE);
  const answered = candidates.filter((c): c is Candidate & { answer: string } => c.answer !== null);
  writeFileSync(file, answered.map((c) => chatLine(c.system, c.prompt, c.answer) + '\n').join(''));
  await loadGrammar();
  const facts = await scanDataset([file], options.maxLineBytes);
  const ctx = newContext(options, checkSpecsFor(options.rules), facts);
  const againstExamples = await seedAgainst(ctx, o.against ?? [], options.maxLineBytes);
  const stats = new CheckStats();
  const outputs = new CheckOutputs(o.outDir, true);
  try {
    for await (const { line, raw } of readLines(file, options.maxLineBytes)) {
      if (raw === null || isBlank(raw)) continue;
      const v = await judgeLine(raw.toString('utf8'), file, line, ctx);
      stats.add(v);
      await outputs.add(v, raw);
    }
    for (const c of candidates) {
      if (c.answer !== null) continue;
      const v: Verdict = { file: CANDIDATES_FILE, line: 0, accepted: false, score: null, reasons: [{ code: 'empty-answer', message: `no answer for ${c.id}: ${c.error ?? 'the model gave none'}` }], warnings: [], unknownApis: [], prompt: null, jsonObject: true };
      stats.add(v);
      const messages = [{ role: 'system', content: c.system }, { role: 'user', content: c.prompt }];
      await outputs.add(v, Buffer.from(JSON.stringify({ messages })));
    }
  } finally {
    await outputs.close();
  }
  const summary: FilterSummary = {
    files: [file],
    lines: candidates.length,
    ...stats.figures(facts.majoritySystem),
    rejected: stats.checked - stats.accepted,
    blankLines: 0,
    sampled: null,
    options,
    outputs: { ...outputs.files(), markdown: path.join(o.outDir, OUTPUT_FILES.markdown), summary: path.join(o.outDir, OUTPUT_FILES.summary), candidates: file },
    elapsedMs: Date.now() - started,
    againstExamples,
    unanswered: candidates.length - answered.length,
  };
  writeFileSync(summary.outputs.markdown!, renderCheckReport(summary));
  writeFileSync(summary.outputs.summary!, JSON.stringify(summary, null, 2) + '\n');
  return summary;
}
