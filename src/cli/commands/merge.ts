import { io } from '../../core/io.js';
import path from 'node:path';
import { mergeShards } from '../../adopt/merge.js';
import { UserError } from '../../core/errors.js';
import { reporters } from '../../report/index.js';
import { readResults } from '../../run/results-file.js';
import { listFlag, type ParsedFlags } from '../args.js';
import { parseFormats, useColor, writeReports } from '../output.js';

/** `l4d2-eval merge`: the shards of `run --shard i/n` joined into one run, with its reports (results.json always). */
export async function mergeCommand(values: ParsedFlags, positionals: string[]): Promise<number> {
  if (positionals.length === 0) throw new UserError('E_USAGE', 'no results files given', 'e.g. l4d2-eval merge shard-1/results.json shard-2/results.json shard-3/results.json --out reports/merged');
  const run = mergeShards(positionals.map((file) => ({ file, run: readResults(file) })));
  const formats = parseFormats([...new Set([...(listFlag(values.format) ?? ['md', 'csv', 'json', 'html']), 'json'])]);
  const outDir = path.resolve(typeof values.out === 'string' ? values.out : 'reports/latest');
  const templateDir = typeof values.templates === 'string' ? path.resolve(values.templates) : undefined;
  const written = writeReports(run, outDir, formats, { templateDir });
  if (values.json === true) {
    io.stdout.write(JSON.stringify({ runId: run.runId, shards: positionals.length, items: run.items.length, reportDir: outDir, files: written }, null, 2) + '\n');
    return 0;
  }
  if (values.quiet !== true) io.stdout.write(reporters.table.render(run, { color: useColor() }) + '\n\n');
  io.stdout.write(`Merged ${positionals.length} shards (${run.items.length} items) into run ${run.runId}: ${written.map((f) => path.relative(process.cwd(), f)).join(', ')}\n`);
  return 0;
}
