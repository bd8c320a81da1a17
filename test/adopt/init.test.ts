// `init` makes a project where `run` and `gate` work at once, offline; it never overwrites a file.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

const STARTER = [
  'fixtures/responses/README.md',
  ...['baseline', 'candidate'].flatMap((m) => ['si-tank-spawn-announce', 'si-witch-startle-announce', 'surv-heal-announce', 'surv-pills-bonus'].map((c) => `fixtures/responses/${m}/${c}.md`)),
  '.github/workflows/l4d2-eval.yml',
  'l4d2-eval.config.yaml',
  'suites/starter.yaml',
];

describe('init', () => {
  it('writes the starter files into a new folder; run, gate and validate work there offline', async () => {
    const parent = mkdtempSync(path.join(tmpdir(), 'l4d2-eval-init-'));
    const r = await cli(['init', 'my-evals', '--yes'], parent);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Initialised my-evals:\n');
    for (const f of STARTER) expect(r.stdout).toContain(`  wrote    ${f}\n`);
    expect(r.stdout).toContain('  .gitignore: added .l4d2-eval/, reports/');
    expect(r.stdout).toContain('no package.json here: run `npm init -y && npm i -D l4d2-eval`');
    const dir = path.join(parent, 'my-evals');
    for (const f of STARTER) expect(existsSync(path.join(dir, f))).toBe(true);
    expect(readFileSync(path.join(dir, '.gitignore'), 'utf8')).toBe('# l4d2-eval: run store, response cache, reports\n.l4d2-eval/\nreports/\n');
    const config = readFileSync(path.join(dir, 'l4d2-eval.config.yaml'), 'utf8');
    expect(config).toMatch(/provider: openai\n {4}id: \S+\n {4}apiKey: \$\{OPENAI_API_KEY\}/);
    expect(config).toMatch(/provider: replay/);
    expect(config).toContain('sample answers');
    expect(readFileSync(path.join(dir, 'suites/starter.yaml'), 'utf8')).toMatch(/^# yaml-language-server: \$schema=\.\.\/node_modules\/l4d2-eval\/suites\/suite\.schema\.json\n/);

    expect((await cli(['validate'], dir)).code).toBe(0);
    const run = await cli(['run', '--json'], dir);
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout) as { models: { label: string; errors: number; avgScore: number }[] };
    expect(summary.models.map((m) => [m.label, m.errors])).toEqual([['baseline', 0], ['candidate', 0]]);
    expect(summary.models[1]!.avgScore).toBeGreaterThan(summary.models[0]!.avgScore);
    // The reports say the starter models replay sample answers, not a model's output.
    const md = readFileSync(path.join(dir, 'reports/latest/report.md'), 'utf8');
    expect(md).toContain('_**baseline** replays sample answers: hand-written files, not the output of `sample-baseline` (see fixtures/README.md)._');
    expect(md).toContain('_**candidate** replays sample answers');
    expect(readFileSync(path.join(dir, 'reports/latest/report.html'), 'utf8')).toContain('<p class="muted sample-answers">Sample answers: hand-written replay files');
    const doc = JSON.parse(readFileSync(path.join(dir, 'reports/latest/results.json'), 'utf8')) as { models: { answers?: string }[] };
    expect(doc.models.map((m) => m.answers)).toEqual(['sample', 'sample']);
    const gate = await cli(['gate', '--baseline', 'baseline', '--candidate', 'candidate'], dir);
    expect(gate.code).toBe(0);
    expect(gate.stdout).toContain('Result: PASS');
    // The other way round the gate fails: the thresholds are real.
    expect((await cli(['gate', '--baseline', 'candidate', '--candidate', 'baseline'], dir)).code).toBe(1);
  });

  it('never overwrites: a second init skips every file and names it; .gitignore gets only missing entries', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'l4d2-eval-init-'));
    writeFileSync(path.join(dir, '.gitignore'), 'node_modules\nreports/');
    writeFileSync(path.join(dir, 'l4d2-eval.config.yaml'), '# mine\n');
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'x', devDependencies: { 'l4d2-eval': '^0.1.0' } }));
    const r = await cli(['init', '-y'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('  skipped  l4d2-eval.config.yaml (exists, left unchanged)\n');
    expect(r.stdout).toContain('  wrote    suites/starter.yaml\n');
    expect(readFileSync(path.join(dir, 'l4d2-eval.config.yaml'), 'utf8')).toBe('# mine\n');
    expect(readFileSync(path.join(dir, '.gitignore'), 'utf8')).toBe('node_modules\nreports/\n\n# l4d2-eval: run store, response cache, reports\n.l4d2-eval/\n');
    // l4d2-eval is in package.json and nothing it installs runs a script: nothing is left to do by hand.
    expect(r.stdout).not.toContain('To do:');

    const again = await cli(['init', '--yes', '--json'], dir);
    const result = JSON.parse(again.stdout) as { written: string[]; skipped: string[]; gitignore: string[] };
    expect(result.written).toEqual([]);
    expect(result.skipped).toEqual(STARTER);
    expect(result.gitignore).toEqual([]);
  });
});
