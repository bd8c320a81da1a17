// Benchmark: start-up of the built CLI as a user meets it, each figure the median of 7 fresh processes:
// `--help`, `--version`, `score` of one real plugin (all default checks, static compile), and bare `node -e 0` for
// the floor Node itself sets on this machine. Targets (issue 14): --help and --version ≤ 150 ms, score ≤ 400 ms.
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { tmpdir } from 'node:os';
import { packagePath } from '../src/core/paths.js';
import { median } from './median.js';

const RUNS = 7;

/** Wall time of a fresh `node args...` process, in ms (median of RUNS, after one warm-up for the file cache). */
function time(args: string[]): number {
  const once = () => {
    const started = performance.now();
    // Run from an empty folder: no config file there, as in a new project.
    const r = spawnSync(process.execPath, args, { cwd: tmpdir(), stdio: 'ignore' });
    if (r.status !== 0 && r.status !== 1) throw new Error(`node ${args.join(' ')} exited with ${r.status}`);
    return performance.now() - started;
  };
  once();
  return median(Array.from({ length: RUNS }, once));
}

export async function run(): Promise<void> {
  const cli = packagePath('dist', 'cli', 'bin.js');
  const plugin = packagePath('test', 'fixtures', 'plugins', 'l4d2_tank_health.sp');
  const rows: [string, number, string][] = [
    ['node -e 0 (the floor)', time(['-e', '0']), ''],
    ['l4d2-eval --help', time([cli, '--help']), '≤ 150 ms'],
    ['l4d2-eval --version', time([cli, '--version']), '≤ 150 ms'],
    ['l4d2-eval score plugin.sp', time([cli, 'score', plugin]), '≤ 400 ms'],
  ];
  for (const [what, ms, target] of rows) process.stdout.write(`${what}: ${Math.round(ms)} ms (median of ${RUNS})${target ? `, target ${target}` : ''}\n`);
}
