import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { CLI, cli, tempProject } from '../helpers/cli.js';

// The done-when of the gate: on the shipped recordings, v2 over v1 passes and v1 over v2 fails with named regressions.
describe('gate, compare and history on the shipped recordings (built CLI)', () => {
  let dir: string;
  let results: string;

  beforeAll(async () => {
    dir = tempProject();
    const r = await cli(['run', '--json', '--out', 'reports/latest'], dir);
    expect(r.code).toBe(0);
    results = path.join(dir, 'reports/latest/results.json');
  });

  it('gate --baseline v1 --candidate v2 passes with the configured thresholds (suite run by the gate)', async () => {
    const r = await cli(['gate', '--baseline', 'v1', '--candidate', 'v2', '--out', 'reports/gate'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Gate: v2 \(candidate\) vs v1 \(baseline\) on l4d2-core, 46 paired cases/);
    expect(r.stdout).not.toMatch(/^ {2}FAIL/m);
    expect(r.stdout).toContain('Verdict: better over 46 cases');
    expect(r.stdout).toMatch(/Result: PASS/);
    for (const f of ['comparison.md', 'comparison.json', 'junit.xml', 'gate.json', 'results.json']) expect(existsSync(path.join(dir, 'reports/gate', f))).toBe(true);
    expect(JSON.parse(readFileSync(path.join(dir, 'reports/gate/gate.json'), 'utf8')).pass).toBe(true);
  });

  it('gate --baseline v2 --candidate v1 fails with exit 1, reasons and the regressed cases', async () => {
    const r = await cli(['gate', '--baseline', 'v2', '--candidate', 'v1', results, '--json'], dir);
    expect(r.code).toBe(1);
    const data = JSON.parse(r.stdout);
    expect(data.pass).toBe(false);
    const failed = data.checks.filter((c: { pass: boolean }) => !c.pass).map((c: { id: string }) => c.id);
    expect(failed).toEqual(expect.arrayContaining(['min_avg_score', 'max_regressions', 'max_p_worse']));
    expect(data.verdict.kind).toBe('worse');
    const ids = data.regressions.map((e: { caseId: string }) => e.caseId);
    expect(ids.length).toBeGreaterThan(10);
    expect(ids).toContain('si-tank-damage-report');
    const first = data.regressions[0];
    expect(first.flipped.length).toBeGreaterThan(0);
    expect(first.diff).toMatch(/^--- v2\/.+\.sp\n\+\+\+ v1\//);

    const text = await cli(['gate', '--baseline', 'v2', '--candidate', 'v1', results], dir);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/FAIL {2}regressions vs v2 +≤ \d+ +measured \d+/);
    expect(text.stdout).toContain('  - si-tank-damage-report (special-infected/tank)');
    expect(text.stdout).toMatch(/Result: FAIL \(\d+ of \d+ thresholds failed/);
  });

  it('compare writes Markdown with CIs and the verdict, CSV, JSON and JUnit, and fills the step summary', async () => {
    const summary = path.join(dir, 'step-summary.md');
    const r = await cli(['compare', results, '--out', 'cmp', '--history', 'reports'], dir);
    expect(r.code).toBe(0);
    const md = readFileSync(path.join(dir, 'cmp/comparison.md'), 'utf8');
    expect(md).toMatch(/\| \*\*v2\*\* \| `[^`]+` \| 9\.\d\d \| \[9\.\d\d, \d+\.\d\d\] \|/);
    expect(md).toContain('### v2 vs v1: **better**');
    expect(md).toContain('## History');
    const junit = readFileSync(path.join(dir, 'cmp/junit.xml'), 'utf8');
    expect(junit).toMatch(/<testsuite name="v2" tests="46"/);
    expect(existsSync(path.join(dir, 'cmp/comparison.csv'))).toBe(true);
    const withSummary = await execa(process.execPath, [CLI, 'compare', results, '--out', 'cmp2', '--format', 'json'], { cwd: dir, reject: false, env: { NO_COLOR: '1', GITHUB_STEP_SUMMARY: summary } });
    expect(withSummary.exitCode).toBe(0);
    const step = readFileSync(summary, 'utf8');
    expect(step).toContain('## Verdict');
    expect(step).not.toContain('## By case');
  });

  it('history lists the runs under a folder, oldest first', async () => {
    const r = await cli(['history', '--dir', 'reports', '--model', 'v2', '--json'], dir);
    expect(r.code).toBe(0);
    const points = JSON.parse(r.stdout);
    // The run of `run` and the one the gate made itself.
    expect(points.length).toBe(2);
    expect(points[0].startedAt <= points[1].startedAt).toBe(true);
    expect(points.every((p: { model: string; suite: string }) => p.model === 'v2' && p.suite === 'l4d2-core')).toBe(true);
    const table = await cli(['history', '--dir', 'reports'], dir);
    expect(table.stdout).toMatch(/│ v1 +│/);
  });
});
