// Checks fine-tune JSONL files: a first pass for dataset-wide facts, a second pass judging each line
// and writing it to the accepted or rejected file. Memory holds hashes and signatures, never lines.
import { accessSync, constants, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadGrammar } from '../../evaluators/core/grammar.js';
import { UserError } from '../core/errors.js';
import type { CheckSpec } from '../types/suite.js';
import { readLines } from './lines.js';
import { CheckOutputs, OUTPUT_FILES } from './outputs.js';
import { renderCheckReport } from './report.js';
import { isBlank, scanDataset } from './scan.js';
import { CheckStats } from './stats.js';
import { SuiteWriter } from './to-suite.js';
import type { CheckOptions, CheckSummary } from './types.js';
import { judgeLine, newContext, oversizedVerdict } from './verdict.js';

/** Where a check writes, besides its options. */
export interface CheckTarget {
  outDir: string;
  /** Add `_reasons` to rejected lines (true) or keep them unchanged with a side file (false). */
  inlineReasons: boolean;
  /** Write accepted prompts as a suite to this file. */
  toSuite?: string;
  /** Called every so often with the number of lines judged. */
  onProgress?: (done: number, total: number) => void;
}

function assertReadable(files: readonly string[]): void {
  for (const f of files) {
    try {
      accessSync(f, constants.R_OK);
      if (!statSync(f).isFile()) throw new UserError('E_INPUT', `${f} is not a file`, 'give JSONL files');
    } catch (err) {
      if (err instanceof UserError) throw err;
      const code = (err as NodeJS.ErrnoException).code;
      throw new UserError('E_INPUT', `cannot read ${f}: ${code === 'ENOENT' ? 'file not found' : (err as Error).message}`, 'check the path');
    }
  }
}

function assertNoOverwrite(files: readonly string[], target: CheckTarget): void {
  const inputs = new Set(files.map((f) => path.resolve(f)));
  const outputs = [...Object.values(OUTPUT_FILES).map((f) => path.join(target.outDir, f)), ...(target.toSuite ? [target.toSuite] : [])];
  const clash = outputs.find((o) => inputs.has(path.resolve(o)));
  if (clash) throw new UserError('E_USAGE', `output ${clash} would overwrite an input file`, 'choose another --out folder');
}

/** Checks the files and writes accepted/rejected lines and reports under `target.outDir`. */
export async function checkFiles(files: readonly string[], options: CheckOptions, checks: CheckSpec[], target: CheckTarget): Promise<CheckSummary> {
  const started = Date.now();
  assertReadable(files);
  assertNoOverwrite(files, target);
  await loadGrammar();
  const sample = options.sample ? { size: options.sample, seed: options.seed } : undefined;
  const facts = await scanDataset(files, options.maxLineBytes, sample);
  const ctx = newContext(options, checks, facts);
  const stats = new CheckStats();
  const outputs = new CheckOutputs(target.outDir, target.inlineReasons);
  const name = `data-${path.basename(files[0] ?? 'data').replace(/\.[^.]*$/, '')}`;
  const suite = target.toSuite ? new SuiteWriter(target.toSuite, name, facts.majoritySystem?.text ?? null) : null;
  const total = facts.sample?.size ?? facts.lines;
  try {
    for (const [fi, file] of files.entries()) {
      for await (const { line, raw, bytes } of readLines(file, options.maxLineBytes)) {
        if (raw !== null && isBlank(raw)) continue;
        if (facts.sample && !facts.sample.has(`${fi}:${line}`)) continue;
        // Strip a BOM so the first line of a file saved by a Windows editor still parses.
        const text = raw ? raw.toString('utf8').replace(/^\uFEFF/, '') : '';
        const v = raw ? await judgeLine(text, file, line, ctx) : oversizedVerdict(file, line, bytes, options.maxLineBytes);
        stats.add(v);
        await outputs.add(v, raw);
        if (suite && v.accepted && v.prompt !== null) await suite.add(v.prompt);
        if (stats.checked % 200 === 0) target.onProgress?.(stats.checked, total);
      }
    }
  } finally {
    await outputs.close();
  }
  const wroteSuite = suite ? await suite.close() : false;
  const summary: CheckSummary = {
    files: [...files],
    lines: facts.lines,
    ...stats.figures(facts.majoritySystem),
    rejected: stats.rejected,
    blankLines: facts.blankLines,
    sampled: sample ?? null,
    options,
    outputs: {
      ...outputs.files(),
      markdown: path.join(target.outDir, OUTPUT_FILES.markdown),
      summary: path.join(target.outDir, OUTPUT_FILES.summary),
      ...(wroteSuite && target.toSuite ? { suite: target.toSuite } : {}),
    },
    elapsedMs: Date.now() - started,
  };
  writeFileSync(summary.outputs.markdown!, renderCheckReport(summary));
  writeFileSync(summary.outputs.summary!, JSON.stringify(summary, null, 2) + '\n');
  return summary;
}
