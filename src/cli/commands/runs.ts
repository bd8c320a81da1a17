import { io } from '../../core/io.js';
import Table from 'cli-table3';
import { loadConfig } from '../../config/load.js';
import { RunStore, type RunRow } from '../../run/store.js';
import { configArg, type ParsedFlags } from '../args.js';

function scores(r: RunRow): string {
  return r.models.map((m) => `${m.label} ${m.avgScore === null ? '-' : m.avgScore.toFixed(2)}${m.errors ? ` (${m.errors} err)` : ''}`).join(', ');
}

/** `l4d2-eval runs`: the runs in the store, newest first. */
export async function runsCommand(values: ParsedFlags): Promise<number> {
  const config = loadConfig(values.config as string | undefined);
  const store = new RunStore(config.storeFile);
  const rows = store.list();
  store.close();
  if (values.json === true) {
    io.stdout.write(JSON.stringify(rows, null, 2) + '\n');
    return 0;
  }
  if (rows.length === 0) {
    io.stdout.write('No runs stored yet: start one with `l4d2-eval run`.\n');
    return 0;
  }
  const table = new Table({ head: ['run id', 'started', 'suite', 'status', 'items', 'avg score by model'], style: { head: [], border: [] } });
  for (const r of rows) table.push([r.runId, r.startedAt.replace('T', ' ').slice(0, 19), r.suite, r.status, String(r.models.reduce((s, m) => s + m.items, 0)), scores(r)]);
  io.stdout.write(table.toString() + '\n');
  const open = rows.find((r) => r.status === 'running' || r.status === 'interrupted');
  if (open) io.stdout.write(`\nResume an unfinished run with: l4d2-eval run --resume ${open.runId}${configArg(values)}\n`);
  const pending = rows.find((r) => r.status === 'batch_pending');
  if (pending) io.stdout.write(`Collect a Batch API run with: l4d2-eval batch collect ${pending.runId}\n`);
  return 0;
}
