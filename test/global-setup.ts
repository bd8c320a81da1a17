// The CLI tests run the built CLI (as users do); build it once so they never test stale output: the library with
// tsc (in-process tests load dist/src) and the executable bundle (subprocess tests run dist/cli/bin.js, as shipped).
// Type errors are printed but do not stop the run: tsc still emits, and `npm ci` (prepare) fails on them anyway.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

export default function setup(): void {
  const root = path.resolve(import.meta.dirname, '..');
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) process.stderr.write(`warning: build reported errors (CLI tests may fail):\n${r.stdout}${r.stderr}\n`);
  const b = spawnSync('npm', ['run', '--silent', 'build:cli'], { cwd: root, encoding: 'utf8' });
  if (b.status !== 0) throw new Error(`bundling the CLI failed (npm run build:cli):\n${b.stdout}${b.stderr}`);
}
