// The package is the product: what `npm pack` ships, installed into an empty project, must judge a plugin exactly as
// the repository does (the API index and templates come with it; nothing is read from the current folder).
// Installed offline from npm's cache (which `npm ci` fills), as a user's npm would, with nothing approved: no
// dependency needs an install script (SQLite is libsql, whose binary comes prebuilt in a per-platform package).
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, ROOT } from '../helpers/cli.js';
import { writeOfflineLock } from '../../bench/offline-lock.js';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const plugins = ['l4d2_tank_health.sp', 'l4d2_survivor_api.sp', 'l4d2_old_syntax_witch.sp'].map((f) => path.join(ROOT, 'test/fixtures/plugins', f));
let project: string;
let work: string;

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'l4d2-eval-pack-'));
  // dist/ is built by the global setup; packing must not run `prepare` again.
  const packed = await execa(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', work], { cwd: ROOT });
  const tarball = path.join(work, (JSON.parse(packed.stdout) as { filename: string }[])[0]!.filename);
  project = path.join(work, 'empty-project');
  mkdirSync(project);
  writeOfflineLock(ROOT, project, tarball);
  await execa(npm, ['ci', '--offline', '--no-audit', '--no-fund'], { cwd: project });
}, 300_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the packed package in an empty project', () => {
  it('ships the API index with its provenance', () => {
    const generated = path.join(project, 'node_modules/l4d2-eval/evaluators/generated');
    expect(readdirSync(generated).filter((f) => f.endsWith('.json')).length).toBeGreaterThan(0);
  });

  it('scores real plugins exactly as the repository does', async () => {
    // The executable as npm links it (package.json `bin`), not a file of our choosing.
    const installed = path.join(project, 'node_modules/.bin/l4d2-eval');
    const there = await execa(installed, ['score', '--json', ...plugins], { cwd: project, reject: false, env: { NO_COLOR: '1' } });
    const here = await cli(['score', '--json', ...plugins], ROOT);
    expect(there.stderr).toBe('');
    const parse = (out: string) => out.trim().split('\n').map((l) => JSON.parse(l) as { score: number; unknownApis: string[]; compile: { ok: boolean; mode: string } });
    const a = parse(String(there.stdout));
    expect(a).toEqual(parse(here.stdout));
    expect(a.map((r) => r.compile.mode)).toEqual(['static', 'static', 'static']);
    expect(a[0]!.unknownApis).toEqual([]);
    expect(a[0]!.score).toBeGreaterThan(9);
  });

  it('init, run, gate and doctor work in the empty project, offline', async () => {
    const bin = path.join(project, 'node_modules/.bin/l4d2-eval');
    const l4d2 = async (...args: string[]) => {
      const r = await execa(bin, args, { cwd: project, reject: false, env: { NO_COLOR: '1', CI: '1', OPENAI_API_KEY: '' } });
      return { code: r.exitCode, stdout: String(r.stdout), stderr: String(r.stderr) };
    };
    const init = await l4d2('init', '--yes');
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('wrote    .github/workflows/l4d2-eval.yml');
    // l4d2-eval is in package.json and no install script needs approving: nothing is left to do by hand.
    expect(init.stdout).not.toContain('To do:');
    expect(readFileSync(path.join(project, '.gitignore'), 'utf8')).toContain('.l4d2-eval/');
    // The starter suite's editor modeline points into the installed package, where the schema ships.
    const modeline = /^# yaml-language-server: \$schema=(\S+)$/m.exec(readFileSync(path.join(project, 'suites/starter.yaml'), 'utf8'))?.[1];
    expect(modeline).toBeDefined();
    expect(JSON.parse(readFileSync(path.join(project, 'suites', modeline!), 'utf8'))).toHaveProperty('$schema');

    const run = await l4d2('run', '--json');
    expect(run.code).toBe(0);
    const models = (JSON.parse(run.stdout) as { models: { label: string; errors: number }[] }).models;
    expect(models.map((m) => [m.label, m.errors])).toEqual([['baseline', 0], ['candidate', 0]]);

    const gate = await l4d2('gate', '--baseline', 'baseline', '--candidate', 'candidate');
    expect(gate.code).toBe(0);
    expect(gate.stdout).toContain('Result: PASS');

    const doctor = await l4d2('doctor');
    expect(doctor.code).toBe(0);
    // Everything it reads comes from the installed package, not from the repository.
    expect(doctor.stdout).toContain(`l4d2-eval         0.1.0 at ${path.join(project, 'node_modules/l4d2-eval')}`);
    expect(doctor.stdout).toMatch(/API index +\d+ symbols, sourcemod 1\.12.*\(shipped, .*empty-project\/node_modules\/l4d2-eval\/evaluators\/generated\)/);
    expect(doctor.stdout).toMatch(/^warn {2}model production .*OPENAI_API_KEY is NOT set$/m);

  });
});
