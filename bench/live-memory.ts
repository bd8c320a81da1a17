// Peak memory of a 10,000-item live run (issue 3 target: < 300 MB), measured in a process of its own
// (bench/run.ts starts each benchmark fresh) so earlier benchmarks' memory does not count.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ResponseCache } from '../src/run/cache.js';
import { runSession } from '../src/run/session.js';
import { RunStore } from '../src/run/store.js';
import { loadSuites } from '../src/suite/multi.js';
import { cloneCases, timed } from './live.js';
import { startServerProcess } from './server-process.js';

const root = path.resolve(import.meta.dirname, '..', import.meta.dirname.includes(`${path.sep}dist${path.sep}`) ? '..' : '.');

export async function run(): Promise<void> {
  const core = (await loadSuites([path.join(root, 'suites/core.yaml')])).suite;
  const server = await startServerProcess({ defaultAnswer: 'ok' });
  const dir = mkdtempSync(path.join(tmpdir(), 'l4d2-bench-mem-'));
  const store = new RunStore(path.join(dir, 'runs.db'));
  const cache = new ResponseCache(path.join(dir, 'cache.db'));
  const suite = { ...core, cases: cloneCases(core.cases, 10_000, true) };
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const [result, t] = await timed(() => runSession({ suite, models: [{ label: 'bench', provider: 'openai', id: 'ft:gpt-4o-mini-bench', baseURL: server.baseURL, concurrency: 32 }], store, cache }));
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  const mb = (n: number) => (n / 2 ** 20).toFixed(0);
  process.stdout.write(`10,000 items: ${t.toFixed(1)} s, ${result.items.length} items kept, peak RSS ${mb(peak)} MB (${mb(before)} MB before the run; target < 300 MB)\n`);
  store.close();
  cache.close();
  await server.close();
}
