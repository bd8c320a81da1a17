import path from 'node:path';
import { UserError } from '../../errors.js';
import { reporters } from '../../report/index.js';
import { mergeResults, readResults } from '../../run/results-file.js';
import { listFlag, type ParsedFlags } from '../args.js';
import { parseFormats, useColor, writeReports } from '../output.js';

/** `l4d2-eval report`: re-render from results.json files. */
export async function reportCommand(values: ParsedFlags, positionals: string[]): Promise<number> {
  if (positionals.length === 0) throw new UserError('E_USAGE', 'no results files given', 'e.g. l4d2-eval report reports/latest/results.json');
  const run = mergeResults(positionals.map(readResults));
  const formats = parseFormats(listFlag(values.format) ?? ['md', 'csv', 'json']);
  const outDir = path.resolve(typeof values.out === 'string' ? values.out : 'reports/latest');
  const written = writeReports(run, outDir, formats, typeof values.templates === 'string' ? path.resolve(values.templates) : undefined);
  if (values.json === true) process.stdout.write(JSON.stringify({ runId: run.runId, reportDir: outDir, files: written }, null, 2) + '\n');
  else {
    process.stdout.write(reporters.table.render(run, { color: useColor() }) + '\n');
    if (values.quiet !== true) process.stdout.write(`\nWrote ${written.map((f) => path.relative(process.cwd(), f)).join(', ')}\n`);
  }
  return 0;
}
