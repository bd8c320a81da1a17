import { io } from '../../core/io.js';
import path from 'node:path';
import { loadHistory } from '../../analysis/history.js';
import { UserError } from '../../core/errors.js';
import { reporters } from '../../report/index.js';
import { mergeResults, readResults } from '../../run/results-file.js';
import { loadConfig, optionalConfig } from '../../config/load.js';
// Batch runs are priced at batch rates; loadBatchRun reads any run and applies them where they belong.
import { loadBatchRun } from '../../batch/result.js';
import { RunStore } from '../../run/store.js';
import type { RunResult } from '../../types/run.js';
import { listFlag, type ParsedFlags } from '../args.js';
import { parseFormats, useColor, writeReports } from '../output.js';

/** Runs read back from the run store by id. */
function storedRuns(ids: string[], config: string | boolean | undefined): RunResult[] {
  if (ids.length === 0) return [];
  const store = new RunStore(loadConfig(config as string | undefined).storeFile);
  try {
    return ids.map((id) => {
      const run = loadBatchRun(store, id);
      if (!run) throw new UserError('E_RUN', `no run "${id}" in the run store`, `list runs with \`l4d2-eval runs${typeof config === 'string' ? ` --config ${config}` : ''}\``);
      return run;
    });
  } finally {
    store.close();
  }
}

/** `l4d2-eval report`: re-render from results.json files or stored runs. */
export async function reportCommand(values: ParsedFlags, positionals: string[]): Promise<number> {
  const runIds = listFlag(values.run) ?? [];
  if (positionals.length === 0 && runIds.length === 0) throw new UserError('E_USAGE', 'no results files given', 'e.g. l4d2-eval report reports/latest/results.json, or --run <id> (see `l4d2-eval runs`)');
  const run = mergeResults([...positionals.map(readResults), ...storedRuns(runIds, values.config)]);
  const config = optionalConfig(values.config as string | undefined, loadConfig);
  const formats = parseFormats(listFlag(values.format) ?? config?.formats ?? ['md', 'csv', 'json', 'html']);
  const outDir = path.resolve(typeof values.out === 'string' ? values.out : 'reports/latest');
  const templateDir = typeof values.templates === 'string' ? path.resolve(values.templates) : config?.templates;
  const history = typeof values.history === 'string' && formats.includes('html') ? loadHistory({ dir: path.resolve(values.history), storeFile: config?.storeFile, onWarning: (w) => (values.json === true ? undefined : io.stderr.write(`warning: ${w}\n`)) }) : undefined;
  const written = writeReports(run, outDir, formats, { templateDir, history });
  if (values.json === true) io.stdout.write(JSON.stringify({ runId: run.runId, reportDir: outDir, files: written }, null, 2) + '\n');
  else {
    io.stdout.write(reporters.table.render(run, { color: useColor() }) + '\n');
    if (values.quiet !== true) io.stdout.write(`\nWrote ${written.map((f) => path.relative(process.cwd(), f)).join(', ')}\n`);
  }
  return 0;
}
