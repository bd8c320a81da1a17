import { io } from '../../core/io.js';
import path from 'node:path';
import Table from 'cli-table3';
import { loadHistory } from '../../analysis/history.js';
import { fixed, pct } from '../../report/format.js';
import type { ParsedFlags } from '../args.js';
import { loadConfig, optionalConfig } from '../../config/load.js';

/** `l4d2-eval history`: a model line's scores across runs, oldest first. */
export async function historyCommand(values: ParsedFlags, positionals: string[]): Promise<number> {
  const json = values.json === true;
  const points = loadHistory({
    dir: path.resolve(typeof values.dir === 'string' ? values.dir : 'reports'),
    files: positionals.map((f) => path.resolve(f)),
    model: typeof values.model === 'string' ? values.model : undefined,
    suite: typeof values.suite === 'string' ? values.suite : undefined,
    // The same runs compare and report --history show: results files and the run store's finished runs.
    storeFile: optionalConfig(values.config as string | undefined, loadConfig)?.storeFile,
    onWarning: (w) => (json ? undefined : io.stderr.write(`warning: ${w}\n`)),
  });
  if (json) {
    io.stdout.write(`${JSON.stringify(points, null, 2)}\n`);
    return 0;
  }
  if (points.length === 0) {
    io.stdout.write('No runs found. Run `l4d2-eval run` first, or pass --dir DIR or results.json files.\n');
    return 0;
  }
  const table = new Table({ head: ['Run', 'Date', 'Suite', 'Model', 'Cases', 'Avg score', 'Pass rate'], colAligns: ['left', 'left', 'left', 'left', 'right', 'right', 'right'], style: { head: [], border: [] } });
  for (const p of points) table.push([p.runId, p.startedAt.replace('T', ' ').slice(0, 16), p.suite, p.model, p.cases, fixed(p.avgScore, 2), pct(p.passRate)]);
  io.stdout.write(`${table.toString()}\n`);
  return 0;
}
