import { io } from '../../core/io.js';
import { labelPreflight } from '../preflight.js';
import path from 'node:path';
import { loadConfig, optionalConfig } from '../../config/load.js';
import { compareRun } from '../../analysis/compare.js';
import { renderCompareMarkdown } from '../../compare/render/markdown.js';
import { appendStepSummary, parseCompareFormats, writeComparison } from '../../compare/render/write.js';
import { gatherRun } from '../../compare/sources.js';
import { labelJudge } from '../judging.js';
import { cacheModeOf, labelAnswers, suiteCaching } from '../live-run.js';
import { UsageError } from '../../core/errors.js';
import { loadHistory } from '../../analysis/history.js';
import { intFlag, listFlag, type ParsedFlags } from '../args.js';

/** `--seed` as an integer (any sign), else undefined. */
export function seedFlag(value: string | boolean | undefined): number | undefined {
  if (typeof value !== 'string') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n)) throw new UsageError(`--seed must be an integer, got "${value}"`);
  return n;
}

function kList(value: string | boolean | undefined): number[] | undefined {
  const list = listFlag(value);
  return list?.map((k) => intFlag('pass-k', k)!);
}

/** `l4d2-eval compare`: runs or labels side by side, with statistics and regression evidence. */
export async function compareCommand(values: ParsedFlags, positionals: string[]): Promise<number> {
  const json = values.json === true;
  const config = optionalConfig(values.config as string | undefined, loadConfig);
  const formats = parseCompareFormats(listFlag(values.format));
  // Every configured model but the judge (it grades answers; it is compared only when named).
  const args = positionals.length > 0 ? positionals : Object.keys(config?.models ?? {}).filter((l) => l !== config?.judge?.model);
  const run = await gatherRun(args, {
    config,
    concurrency: intFlag('concurrency', values.concurrency),
    modelConcurrency: intFlag('model-concurrency', values['model-concurrency']),
    onWarning: (w) => (json ? undefined : io.stderr.write(`warning: ${w}\n`)),
    // Labels run the suite here: its `judge` checks are graded as by `run`.
    ...(config ? { judge: labelJudge(config, cacheModeOf(values)), answers: labelAnswers(config, cacheModeOf(values)), suiteCaching: suiteCaching(config, cacheModeOf(values)), preflight: labelPreflight(config, typeof values.out === 'string' ? path.resolve(values.out) : undefined) } : {}),
  });
  const comparison = compareRun(run, { seed: seedFlag(values.seed), ks: kList(values['pass-k']) });
  if (typeof values.history === 'string') {
    const labels = new Set(comparison.models.map((m) => m.label.replace(/@.*$/, '')));
    comparison.history = loadHistory({ dir: path.resolve(values.history), storeFile: config?.storeFile }).filter((p) => labels.has(p.model.replace(/@.*$/, '')));
  }
  const outDir = path.resolve(typeof values.out === 'string' ? values.out : config ? path.join(path.dirname(config.out), 'compare') : 'reports/compare');
  const templateDir = typeof values.templates === 'string' ? path.resolve(values.templates) : config?.templates;
  const written = writeComparison(comparison, run, outDir, formats, templateDir);
  appendStepSummary(renderCompareMarkdown(comparison, { templateDir, summaryOnly: true }));
  if (json) {
    io.stdout.write(`${JSON.stringify({ reportDir: outDir, files: written, comparison }, null, 2)}\n`);
    return 0;
  }
  for (const m of comparison.models) {
    const ci = m.scoreCi ? ` [${m.scoreCi.low.toFixed(2)}, ${m.scoreCi.high.toFixed(2)}]` : '';
    io.stdout.write(`${m.label.padEnd(12)} avg ${m.avgScore?.toFixed(2) ?? 'n/a'}${ci}  pass ${m.passRate === null ? 'n/a' : `${(m.passRate * 100).toFixed(1)}%`}${m.baseline ? '  (baseline)' : ''}\n`);
  }
  for (const p of comparison.pairs) io.stdout.write(`${p.candidate} vs ${p.baseline}: ${p.verdict.text}; ${p.regressions.length} regressed, ${p.improvements.length} improved\n`);
  if (values.quiet !== true) io.stdout.write(`\nWrote ${written.map((f) => path.relative(process.cwd(), f)).join(', ')}\n`);
  return 0;
}
