// Benchmark: `l4d2-eval run` of 200 cases as a user meets it — a fresh CLI process against the loopback
// OpenAI-compatible server (in its own process), answers that are real plugins judged by every default check,
// and the default report formats. Each figure is the median of several fresh processes. Targets (issue 14, 2 cores):
// warm cache ≤ 0.5 s, no cache with no latency ≤ 1.0 s, 200 ms latency at --concurrency 16 ≤ 2.9 s (ideal 2.5 s).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parse, stringify } from 'yaml';
import { packagePath } from '../src/core/paths.js';
import { startServerProcess } from './server-process.js';
import { median } from './median.js';

const CASES = 200;
const RUNS = 5;

interface RawCase {
  id: string;
  prompt: string;
  [key: string]: unknown;
}

/** A project folder: a 200-case suite cloned from the core suite (distinct ids and prompts) and a config. */
function project(baseURL: string): { dir: string; answers: [string, string][] } {
  const dir = mkdtempSync(path.join(tmpdir(), 'l4d2-bench-cli-'));
  const coreDir = packagePath('suites', 'core');
  const core = parse(readFileSync(packagePath('suites', 'core.yaml'), 'utf8')) as Record<string, unknown>;
  const raw = readdirSync(coreDir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .flatMap((f) => (parse(readFileSync(path.join(coreDir, f), 'utf8')) as { cases: RawCase[] }).cases);
  const cases = Array.from({ length: CASES }, (_, i) => {
    const c = raw[i % raw.length]!;
    return { ...c, id: `${c.id}-${i}`, prompt: `${c.prompt.trimEnd()}\n(variant ${i})\n` };
  });
  const { include: _include, ...head } = core;
  writeFileSync(path.join(dir, 'suite.yaml'), stringify({ ...head, cases }));
  writeFileSync(
    path.join(dir, 'l4d2-eval.config.yaml'),
    stringify({
      suite: 'suite.yaml',
      models: { bench: { provider: 'openai', id: 'ft:gpt-4o-mini-bench', baseURL, apiKey: ['bench', 'placeholder', 'key'].join('-'), pricing: { input: 0.3, output: 1.2 } } },
    }),
  );
  // Each prompt is answered with the recorded v2 answer of its core case: real plugins, judged in full.
  const answers = cases.map((c, i): [string, string] => {
    const id = raw[i % raw.length]!.id;
    return [c.prompt, readFileSync(packagePath('fixtures', 'responses', 'v2', `${id}.md`), 'utf8')];
  });
  return { dir, answers };
}

/** Wall time in seconds of one fresh `l4d2-eval run` process in `dir`. */
function runOnce(dir: string, args: string[]): number {
  const cli = packagePath('dist', 'cli', 'bin.js');
  const started = performance.now();
  const r = spawnSync(process.execPath, [cli, 'run', '--quiet', '--allow-errors', '0', ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, CI: '1' } });
  const seconds = (performance.now() - started) / 1000;
  if (r.status !== 0 && r.status !== 1) throw new Error(`run exited with ${r.status}: ${r.stderr}`);
  return seconds;
}

export async function run(): Promise<void> {
  const server = await startServerProcess({});
  const { dir, answers } = project(server.baseURL);
  await server.set({ answers });
  const line = (s: string) => process.stdout.write(`${s}\n`);
  const figure = (what: string, xs: number[], target: string) => line(`${what}: ${median(xs).toFixed(2)} s (median of ${xs.length}; min ${Math.min(...xs).toFixed(2)}, max ${Math.max(...xs).toFixed(2)}), target ${target}`);

  runOnce(dir, []); // fills the cache (and the file cache of the OS)
  figure(`warm cache, ${CASES} cases, 0 requests`, Array.from({ length: RUNS }, () => runOnce(dir, [])), '≤ 0.5 s');
  const noCache = ['--no-cache', '--concurrency', '16'];
  figure(`no cache (every answer asked and judged), no latency, ${CASES} cases`, Array.from({ length: RUNS }, () => runOnce(dir, noCache)), '≤ 1.0 s');
  // The same with the parsed suite thrown away too: a suite's first run, or any run after it was edited.
  const parsed = path.join(dir, '.l4d2-eval', 'suites');
  figure(`nothing cached (the suite parsed as well), no latency, ${CASES} cases`, Array.from({ length: RUNS }, () => (rmSync(parsed, { recursive: true, force: true }), runOnce(dir, noCache))), 'no target');
  await server.set({ latencyMs: 200 });
  const ideal = (CASES * 0.2) / 16;
  figure(`200 ms latency, --concurrency 16, ${CASES} cases (ideal ${ideal.toFixed(2)} s)`, Array.from({ length: 3 }, () => runOnce(dir, ['--no-cache', '--concurrency', '16', '--model-concurrency', '16'])), '≤ 2.9 s');
  await server.set({ latencyMs: 0 });
  await server.close();
}
