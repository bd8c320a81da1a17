// Benchmark: installing the packed package into an empty project, as a user would (`npm i ./l4d2-eval-x.y.z.tgz`),
// but offline: a lockfile pins the repository's own dependency versions and npm's cache (filled by `npm ci`) serves
// them. Reports the installed node_modules size and the install time with better-sqlite3's install script approved
// (it downloads a prebuilt binary where it can reach GitHub, else compiles from source) and with scripts skipped (the
// time of everything else). Targets (issue 14): no C compiler for the grammar, ≤ 60 s, node_modules ≤ 120 MB.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { packagePath } from '../src/core/paths.js';
import { writeOfflineLock } from './offline-lock.js';

function du(dir: string): number {
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) total += du(p);
    else if (e.isFile()) total += statSync(p).size;
  }
  return total;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Installs the tarball into a fresh empty project; returns seconds and node_modules bytes. */
function install(tarball: string, scripts: boolean): { seconds: number; bytes: number } {
  const dir = mkdtempSync(path.join(tmpdir(), 'l4d2-bench-install-'));
  writeOfflineLock(packagePath(), dir, tarball, { allowScripts: { 'better-sqlite3': true } });
  const args = ['ci', '--offline', '--no-audit', '--no-fund', '--loglevel=error', ...(scripts ? [] : ['--ignore-scripts'])];
  const started = performance.now();
  const r = spawnSync('npm', args, { cwd: dir, encoding: 'utf8' });
  const seconds = (performance.now() - started) / 1000;
  if (r.status !== 0) throw new Error(`npm install failed: ${r.stderr}`);
  return { seconds, bytes: du(path.join(dir, 'node_modules')) };
}

export async function run(): Promise<void> {
  const out = mkdtempSync(path.join(tmpdir(), 'l4d2-bench-pack-'));
  const name = execFileSync('npm', ['pack', '--silent', '--ignore-scripts', '--pack-destination', out], { cwd: packagePath(), encoding: 'utf8' }).trim().split('\n').pop()!;
  const tarball = path.join(out, name);
  const line = (s: string) => process.stdout.write(`${s}\n`);
  line(`packed ${name}: ${(statSync(tarball).size / 1e6).toFixed(1)} MB`);
  const skipped = [0, 1, 2].map(() => install(tarball, false));
  line(`install, scripts skipped: ${median(skipped.map((r) => r.seconds)).toFixed(1)} s (median of 3), node_modules ${(skipped[0]!.bytes / 1e6).toFixed(0)} MB, target ≤ 120 MB`);
  const full = install(tarball, true);
  line(`install with better-sqlite3's script approved: ${full.seconds.toFixed(1)} s (one run), node_modules ${(full.bytes / 1e6).toFixed(0)} MB, target ≤ 60 s`);
}
