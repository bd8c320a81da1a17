// The comparison's output registry and its writer, plus the GitHub step summary; the renderers stay pure.
import { appendFileSync } from 'node:fs';
import { renderHtml } from '../../report/html/page.js';
import { renderJunit } from '../../report/junit.js';
import type { OutputFormat } from '../../report/types.js';
import { fileFormats, parseOutputFormats, writeOutputs } from '../../report/write.js';
import type { RunResult } from '../../types/run.js';
import type { Comparison } from '../../analysis/types.js';
import { renderCompareCsv, renderCompareJson } from './csv.js';
import { renderCompareMarkdown } from './markdown.js';

/** What a comparison format renders from: the comparison and the run it was computed over. */
export interface ComparisonOutput {
  comparison: Comparison;
  run: RunResult;
}

/** Options every comparison format accepts. */
export interface ComparisonWriteOptions {
  templateDir?: string;
}

/**
 * Comparison formats by `--format` name. JUnit covers the last model (the candidate). HTML is the report page of
 * the compared run (same verdicts, with the comparison's seed and history).
 */
export const compareOutputs = {
  md: { file: 'comparison.md', render: ({ comparison }, o) => renderCompareMarkdown(comparison, { templateDir: o.templateDir }) },
  csv: { file: 'comparison.csv', render: ({ comparison }) => renderCompareCsv(comparison) },
  json: { file: 'comparison.json', render: ({ comparison }) => renderCompareJson(comparison) },
  junit: { file: 'junit.xml', render: ({ comparison, run }) => renderJunit(run, { models: comparison.models.slice(-1).map((m) => m.label) }) },
  html: { file: 'comparison.html', render: ({ comparison: c, run }, o) => renderHtml(run, { templateDir: o.templateDir, history: c.history, seed: c.settings.seed }) },
} satisfies Record<string, OutputFormat<ComparisonOutput, ComparisonWriteOptions>>;

/** A comparison output format. */
export type CompareFormat = keyof typeof compareOutputs;

/** Validates `--format` for compare; every format when none is given. */
export function parseCompareFormats(list: string[] | undefined): CompareFormat[] {
  return list ? parseOutputFormats(compareOutputs, list, 'comparison') : fileFormats(compareOutputs);
}

/** Writes the chosen formats into `outDir`; returns the paths. */
export function writeComparison(c: Comparison, run: RunResult, outDir: string, formats: CompareFormat[], templateDir?: string): string[] {
  return writeOutputs(compareOutputs, formats, { comparison: c, run }, { templateDir }, outDir);
}

/** Appends Markdown to the file named by GITHUB_STEP_SUMMARY (set by GitHub Actions); no-op elsewhere. */
export function appendStepSummary(markdown: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const file = env.GITHUB_STEP_SUMMARY;
  if (!file) return false;
  appendFileSync(file, `${markdown.trimEnd()}\n\n`);
  return true;
}
