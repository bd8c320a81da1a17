// npm's `prepare` (run by `npm ci` in a checkout): builds dist/ when the build tools, dev dependencies, are installed.
// With `npm ci --omit=dev` they are not: a dist/ built before is kept, else the message says how to get one. The
// published package ships dist/ built and never runs this.
'use strict';
const { existsSync } = require('node:fs');
const { spawnSync } = require('node:child_process');

let tools = true;
try {
  require.resolve('typescript', { paths: [process.cwd()] });
  require.resolve('esbuild', { paths: [process.cwd()] });
} catch {
  tools = false;
}
if (tools) {
  const r = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' });
  process.exit(r.status ?? 1);
}
if (existsSync('dist/cli/bin.js')) {
  process.stderr.write('l4d2-eval: the dev dependencies are not installed (npm ci --omit=dev): keeping the dist/ built before\n');
  process.exit(0);
}
process.stderr.write(
  'error: l4d2-eval cannot build dist/: its dev dependencies (typescript, esbuild) are not installed (npm ci --omit=dev)\n' +
    'hint: run `npm ci` in a checkout to build it; the published package ships dist/ built, so `npm i l4d2-eval` builds nothing\n',
);
process.exit(1);
