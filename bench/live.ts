// Live-path benchmark against the loopback server: harness overhead, latency efficiency,
// cached re-run. Prints figures; targets are from issue 3 (2-core machine). Memory: bench/live-memory.ts.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ModelConfig } from '../src/config/schema.js';
import { ResponseCache } from '../src/run/cache.js';
import { runSession } from '../src/run/session.js';
import { RunStore } from '../src/run/store.js';
import { loadSuites } from '../src/suite/multi.js';
import type { CaseSpec, Suite } from '../src/types/suite.js';
import { startServerProcess } from './server-process.js';

const root = path.resolve(import.meta.dirname, '..', import.meta.dirname.includes(`${path.sep}dist${path.sep}`) ? '..' : '.');

/** `count` cases cloned from `base`, with distinct prompts (so distinct cache keys). */
export function cloneCases(base: CaseSpec[], count: number, noChecks: boolean): CaseSpec[] {
  return Array.from({ length: count }, (_, i) => {
    const c = base[i % base.length]!;
    return { ...c, id: `${c.id}-${i}`, prompt: `${c.prompt}\n#${i}`, samples: 1, checks: noChecks ? [] : c.checks };
  });
}

export async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const r = await fn();
  return [r, (performance.now() - t) / 1000];
}

/** Runs every case of the benchmark and prints one line per figure. */
export async function run(): Promise<void> {
  const core = (await loadSuites([path.join(root, 'suites/core.yaml')])).suite;
  const answers = new Map<string, string>();
  // The server runs in a child process: in this one it would take CPU time from the harness being measured.
  const server = await startServerProcess({ defaultAnswer: 'ok' });
  const dir = mkdtempSync(path.join(tmpdir(), 'l4d2-bench-'));
  const store = new RunStore(path.join(dir, 'runs.db'));
  const cache = new ResponseCache(path.join(dir, 'cache.db'));
  const model = (concurrency: number): ModelConfig => ({ label: 'bench', provider: 'openai', id: 'ft:gpt-4o-mini-bench', baseURL: server.baseURL, concurrency });
  const suiteOf = (cases: CaseSpec[]): Suite => ({ ...core, cases });
  const line = (s: string) => process.stdout.write(`${s}\n`);

  // The first items of a fresh process pay for JIT compilation and socket set-up: reported apart. The overhead is
  // then the median of five rounds of 1,000 new items (every round asks the server: new prompts, so no cache hits).
  const round = (tag: string) => suiteOf(cloneCases(core.cases, 1000, true).map((c) => ({ ...c, prompt: `${c.prompt} ${tag}` })));
  const [, t0] = await timed(() => runSession({ suite: round('cold'), models: [model(32)], store, cache }));
  line(`cold start: first 1000 items of a fresh process in ${t0.toFixed(2)} s = ${(1000 / t0).toFixed(0)} items/s`);
  const rates: number[] = [];
  for (let r = 0; r < 5; r++) {
    const [, t] = await timed(() => runSession({ suite: round(`round ${r}`), models: [model(32)], store, cache }));
    rates.push(1000 / t);
  }
  rates.sort((a, b) => a - b);
  line(`overhead (provider+scheduler+cache+store, trivial answer): median of 5 rounds of 1000 items = ${rates[2]!.toFixed(0)} items/s (min ${rates[0]!.toFixed(0)}, max ${rates[4]!.toFixed(0)}; target >= 1000)`);
  const trivial = round('round 0');
  const [, t2] = await timed(() => runSession({ suite: trivial, models: [model(32)], store, cache }));
  line(`fully cached re-run: 1000 items in ${t2.toFixed(2)} s (target < 2 s)`);

  for (const c of core.cases) {
    const f = path.join(root, 'fixtures/responses/v2', `${c.id}.md`);
    answers.set(c.id, readFileSync(f, 'utf8'));
  }
  const judged = suiteOf(cloneCases(core.cases, 1000, false));
  await server.set({ answers: judged.cases.map((c) => [c.prompt, answers.get(c.id.replace(/-\d+$/, '')) ?? 'ok']) });
  const [, t3] = await timed(() => runSession({ suite: judged, models: [model(32)], store, cache, cacheMode: 'off' }));
  line(`with full judging (tree-sitter parse, checks, API analysis): 1000 items in ${t3.toFixed(2)} s = ${(1000 / t3).toFixed(0)} items/s`);
  await server.set({ answers: null });

  await server.set({ latencyMs: 200 });
  const lat = suiteOf(cloneCases(core.cases, 640, true).map((c) => ({ ...c, prompt: `${c.prompt} latency` })));
  const [, t4] = await timed(() => runSession({ suite: lat, models: [model(32)], store, cache }));
  const ideal = (640 * 0.2) / 32;
  line(`200 ms latency, concurrency 32: 640 items in ${t4.toFixed(2)} s, ideal ${ideal.toFixed(2)} s = ${((100 * ideal) / t4).toFixed(0)}% of ideal (target >= 90%)`);
  await server.set({ latencyMs: 0 });

  store.close();
  cache.close();
  await server.close();
}
