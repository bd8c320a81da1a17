import path from 'node:path';
import { loadConfig } from '../../config/load.js';
import { selectModels } from '../../config/models.js';
import { reporters } from '../../report/index.js';
import { executeRun } from '../../run/run.js';
import { loadSuites } from '../../suite/multi.js';
import { intFlag, listFlag, type ParsedFlags } from '../args.js';
import { parseFormats, progressPrinter, useColor, writeReports } from '../output.js';

/** `l4d2-eval run`: suite × models → scored results and reports. */
export async function runCommand(values: ParsedFlags, positionals: string[]): Promise<number> {
  const config = loadConfig(values.config as string | undefined);
  const files = positionals.length > 0 ? positionals : [path.relative(process.cwd(), config.suite) || config.suite];
  const { suite, warnings } = await loadSuites(files);
  const json = values.json === true;
  if (!json) for (const w of warnings) process.stderr.write(`warning: ${w}\n`);
  const models = selectModels(config, listFlag(values.models), suite.models ? { labels: suite.models, file: suite.files[0]! } : undefined);
  const formats = parseFormats(listFlag(values.format) ?? config.formats);
  const outDir = path.resolve(typeof values.out === 'string' ? values.out : config.out);
  const total = suite.cases.reduce((s, c) => s + c.samples, 0) * models.length;
  const progress = progressPrinter(total, !json && values.quiet !== true);
  let done = 0;
  const run = await executeRun({
    suite,
    models,
    concurrency: intFlag('concurrency', values.concurrency),
    onItem: (item) => progress(++done, `${item.model} ${item.caseId}#${item.sample} ${item.status}${item.score !== null ? ` ${item.score.toFixed(1)}` : ''}`),
  });
  const templateDir = typeof values.templates === 'string' ? path.resolve(values.templates) : config.templates;
  const written = writeReports(run, outDir, formats, templateDir);
  if (json) {
    const summary = {
      runId: run.runId,
      suite: run.suite.name,
      reportDir: outDir,
      models: run.models.map((m) => ({
        label: m.label,
        modelId: m.modelId,
        cases: m.cases,
        avgScore: m.avgScore,
        passRate: m.passRate,
        syntaxRate: m.syntaxRate,
        apiAccuracy: m.apiAccuracy,
        unknownApis: m.unknownApis.reduce((s, u) => s + u.count, 0),
        costUsd: m.costUsd,
      })),
    };
    process.stdout.write(JSON.stringify(summary, null, 2) + '\n');
    return 0;
  }
  process.stdout.write(reporters.table.render(run, { color: useColor() }) + '\n');
  process.stdout.write(`\nRun ${run.runId}: ${written.map((f) => path.relative(process.cwd(), f)).join(', ')}\n`);
  return 0;
}
