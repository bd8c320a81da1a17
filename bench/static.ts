// Benchmark: static compile throughput over 150-line plugins (target ≥ 300 answers/s on one core) and the
// time to index an include folder.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadGrammar } from '../evaluators/core/grammar.js';
import { prepareInput, releaseInput } from '../evaluators/core/input.js';
import { staticCompile } from '../evaluators/compile/static.js';
import { buildIndex } from '../evaluators/api-index/build.js';
import { packagePath } from '../src/core/paths.js';

/** The test plugins cut or padded to 150 lines each, as fenced answers. */
function answers(): string[] {
  const dir = packagePath('test', 'fixtures', 'plugins');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.sp'))
    .map((f) => {
      const rows = readFileSync(path.join(dir, f), 'utf8').split('\n');
      while (rows.length < 150) rows.push('// padding');
      return '```sourcepawn\n' + rows.join('\n') + '\n```';
    });
}

/** Runs the benchmark and prints the figures. */
export async function run(): Promise<{ answersPerSecond: number; indexMs: number }> {
  await loadGrammar();
  const set = answers();
  const total = 600;
  // Warm-up: table building and JIT are one-off costs, not per-answer ones.
  for (const a of set) releaseInput(prepareInput(a));
  staticCompile(prepareInput(set[0]!));
  // Three rounds, median reported: the machine is shared and one round can catch a busy moment.
  const rates: number[] = [];
  for (let r = 0; r < 3; r++) {
    const started = performance.now();
    for (let i = 0; i < total; i++) {
      const input = prepareInput(set[i % set.length]!);
      staticCompile(input);
      releaseInput(input);
    }
    rates.push(total / ((performance.now() - started) / 1000));
  }
  rates.sort((a, b) => a - b);
  const answersPerSecond = Math.round(rates[1]!);
  // A stand-in for a SourceMod include folder: 100 files of about 20 KB (real ones total 1–2 MB).
  const folder = mkdtempSync(path.join(tmpdir(), 'l4d2-eval-bench-'));
  const sample = readFileSync(packagePath('test', 'fixtures', 'includes', 'zapi.inc'), 'utf8');
  for (let i = 0; i < 100; i++) writeFileSync(path.join(folder, `inc${i}.inc`), sample.repeat(12));
  const t0 = performance.now();
  const index = await buildIndex([folder]);
  const indexMs = Math.round(performance.now() - t0);
  rmSync(folder, { recursive: true, force: true });
  process.stdout.write(`static compile: ${answersPerSecond} answers/s, median of 3 rounds (min ${Math.round(rates[0]!)}, max ${Math.round(rates[2]!)}; ${total} answers of 150 lines per round, parse + check, one core)\n`);
  process.stdout.write(`api index: ${Object.keys(index.includes).length} includes, ${index.symbols.length} symbols in ${indexMs} ms\n`);
  return { answersPerSecond, indexMs };
}
