// Writes the comparison files and the GitHub step summary; the renderers themselves stay pure.
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { didYouMean, UsageError } from '../../core/errors.js';
import { renderHtml } from '../../report/html/page.js';
import { renderJunit } from '../../report/junit.js';
import type { RunResult } from '../../types/run.js';
import type { Comparison } from '../../analysis/types.js';
import { renderCompareCsv, renderCompareJson } from './csv.js';
import { renderCompareMarkdown } from './markdown.js';

/** Comparison output formats and their file names. */
export const COMPARE_FILES = { md: 'comparison.md', csv: 'comparison.csv', json: 'comparison.json', junit: 'junit.xml', html: 'comparison.html' } as const;

/** A comparison output format. */
export type CompareFormat = keyof typeof COMPARE_FILES;

/** Validates `--format` for compare. */
export function parseCompareFormats(list: string[] | undefined): CompareFormat[] {
  const known = Object.keys(COMPARE_FILES);
  const wanted = list ?? known;
  for (const f of wanted) if (!known.includes(f)) throw new UsageError(`unknown comparison format "${f}"${didYouMean(f, known)}`, `formats: ${known.join(', ')}`);
  return wanted as CompareFormat[];
}

/**
 * Writes the chosen formats into `outDir`; JUnit covers the last model (the candidate). HTML is the
 * report page of the compared run (same verdicts, with the comparison's seed and history). Returns the paths.
 */
export function writeComparison(c: Comparison, run: RunResult, outDir: string, formats: CompareFormat[], templateDir?: string): string[] {
  mkdirSync(outDir, { recursive: true });
  const candidate = c.models.at(-1)?.label;
  const render: Record<CompareFormat, () => string> = {
    md: () => renderCompareMarkdown(c, { templateDir }),
    csv: () => renderCompareCsv(c),
    json: () => renderCompareJson(c),
    junit: () => renderJunit(run, { models: candidate ? [candidate] : [] }),
    html: () => renderHtml(run, { templateDir, history: c.history, seed: c.settings.seed }),
  };
  return formats.map((f) => {
    const file = path.join(outDir, COMPARE_FILES[f]);
    writeFileSync(file, render[f]());
    return file;
  });
}

/** Appends Markdown to the file named by GITHUB_STEP_SUMMARY (set by GitHub Actions); no-op elsewhere. */
export function appendStepSummary(markdown: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const file = env.GITHUB_STEP_SUMMARY;
  if (!file) return false;
  appendFileSync(file, `${markdown.trimEnd()}\n\n`);
  return true;
}
