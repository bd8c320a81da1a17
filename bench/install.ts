// Benchmark: installing the packed package into an empty project, as a user would, with install scripts allowed (npm's
// default; nothing is approved, and none should be needed: SQLite is libsql, whose binary comes prebuilt in a
// per-platform package). Two ways:
//  - from the cache: a lockfile pins the repository's own dependency versions and npm's cache (filled by `npm ci`)
//    serves them (`npm ci --prefer-offline`: the registry only for what the cache lacks), median of 3: npm's own time;
//  - first install: `npm i ./l4d2-eval-x.y.z.tgz` from the npm registry with an empty npm cache, one run: what a new
//    user waits (depends on the network).
// Reports node_modules' size and any installed package that has an install script. Targets (issue 14): no C compiler,
// ≤ 60 s, node_modules ≤ 120 MB.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { packagePath } from '../src/core/paths.js';
import { writeOfflineLock } from './offline-lock.js';
import { median } from './median.js';

function du(dir: string): number {
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) total += du(p);
    else if (e.isFile()) total += statSync(p).size;
  }
  return total;
}

interface Installed {
  seconds: number;
  bytes: number;
  /** Installed packages that declare an install script (npm 11 asks the user to approve each). */
  scripts: string[];
  /** The largest packages, for the record. */
  largest: string[];
}

function npm(args: string[], cwd: string): number {
  const started = performance.now();
  const r = spawnSync('npm', args, { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`npm ${args.join(' ')} failed:\n${r.stderr}`);
  return (performance.now() - started) / 1000;
}

function measured(dir: string, seconds: number): Installed {
  const modules = path.join(dir, 'node_modules');
  const lock = JSON.parse(readFileSync(path.join(modules, '.package-lock.json'), 'utf8')) as { packages: Record<string, { hasInstallScript?: boolean }> };
  const scripts = Object.entries(lock.packages).filter(([, p]) => p.hasInstallScript).map(([k]) => k.replace(/^.*node_modules\//, ''));
  const sizes: [string, number][] = [];
  for (const e of readdirSync(modules, { withFileTypes: true })) {
    if (!e.isDirectory() || e.name.startsWith('.')) continue;
    const names = e.name.startsWith('@') ? readdirSync(path.join(modules, e.name)).map((n) => `${e.name}/${n}`) : [e.name];
    for (const n of names) sizes.push([n, du(path.join(modules, n))]);
  }
  const largest = sizes.sort((a, b) => b[1] - a[1]).slice(0, 5).map(([n, b]) => `${n} ${(b / 1e6).toFixed(1)} MB`);
  return { seconds, bytes: du(modules), scripts, largest };
}

/** `npm ci --prefer-offline` of the tarball with the repository's lockfile entries, in a fresh empty project. */
function fromCache(tarball: string): Installed {
  const dir = mkdtempSync(path.join(tmpdir(), 'l4d2-bench-install-'));
  try {
    writeOfflineLock(packagePath(), dir, tarball);
    return measured(dir, npm(['ci', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], dir));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `npm i <tarball>` in a fresh empty project with a fresh npm cache: everything comes from the registry. */
function firstInstall(tarball: string): Installed {
  const dir = mkdtempSync(path.join(tmpdir(), 'l4d2-bench-install-'));
  const cache = mkdtempSync(path.join(tmpdir(), 'l4d2-bench-npm-cache-'));
  try {
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'empty-project', version: '1.0.0', private: true }));
    return measured(dir, npm(['i', tarball, '--cache', cache, '--no-audit', '--no-fund', '--loglevel=error'], dir));
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
  }
}

export async function run(): Promise<void> {
  const out = mkdtempSync(path.join(tmpdir(), 'l4d2-bench-pack-'));
  const name = execFileSync('npm', ['pack', '--silent', '--ignore-scripts', '--pack-destination', out], { cwd: packagePath(), encoding: 'utf8' }).trim().split('\n').pop()!;
  const tarball = path.join(out, name);
  const line = (s: string) => process.stdout.write(`${s}\n`);
  const mb = (b: number) => `${(b / 1e6).toFixed(0)} MB`;
  line(`packed ${name}: ${(statSync(tarball).size / 1e6).toFixed(1)} MB`);
  const runs = [0, 1, 2].map(() => fromCache(tarball));
  const o = runs[0]!;
  line(`install from npm's cache (npm ci --prefer-offline, scripts allowed): ${median(runs.map((r) => r.seconds)).toFixed(1)} s (median of 3), node_modules ${mb(o.bytes)}, target ≤ 120 MB`);
  line(`  packages with an install script: ${o.scripts.length ? o.scripts.join(', ') : 'none'}`);
  line(`  largest: ${o.largest.join(', ')}`);
  const first = firstInstall(tarball);
  line(`first install from the registry, empty npm cache (npm i ${name}): ${first.seconds.toFixed(1)} s (one run), node_modules ${mb(first.bytes)}, target ≤ 60 s`);
  line(`  packages with an install script: ${first.scripts.length ? first.scripts.join(', ') : 'none'}`);
  rmSync(out, { recursive: true, force: true });
}
