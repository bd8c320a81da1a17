// Failures are loud and clean: documented exit codes, one line naming what failed and the fix, no stack trace,
// and the run id printed when answers are stored but reports could not be written.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CLI, cli, ROOT, tempProject } from '../helpers/cli.js';
import { tempTree } from '../helpers/tmp.js';

const STACK = /\n\s+at .+:\d+/;
const plugin = path.join(ROOT, 'test/fixtures/plugins/l4d2_tank_health.sp');

describe('failures at the boundaries', () => {
  it('score of a folder says it is a folder (exit 2)', async () => {
    const r = await cli(['score', '.'], tempTree({}));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error: .: is a folder: give .sp plugin files or answer .md files');
    expect(r.stderr).not.toMatch(STACK);
  });

  it('a closed pipe ends quietly (`score --json | head -1`)', async () => {
    const child = spawn(process.execPath, [CLI, 'score', '--json', plugin, plugin, plugin, plugin], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // Read the first line, then close our end as `head -1` does.
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toContain('EPIPE');
    expect(stderr).not.toMatch(STACK);
    expect([0, 1]).toContain(code);
  });

  it('keeps the run when reports cannot be written, and prints how to render them (exit 2)', async () => {
    const d = tempProject();
    writeFileSync(path.join(d, 'blocker'), 'a file where a folder should be');
    const r = await cli(['run', '--models', 'v2', '--out', 'blocker/reports', '--quiet'], d);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/error: run (\S+) finished and is stored, but its reports could not be written to .*blocker\/reports/);
    expect(r.stderr).toMatch(/hint: fix the folder, then: l4d2-eval report --run \S+ --out DIR/);
    expect(r.stderr).not.toMatch(STACK);
    const runId = /run (\S+) finished/.exec(r.stderr)![1]!;
    const again = await cli(['report', '--run', runId, '--out', 'out', '--format', 'md'], d);
    expect(again.code).toBe(0);
  });

  it('rejects a negative --allow-errors with the flag named', async () => {
    const r = await cli(['run', '--allow-errors=-1'], tempProject());
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--allow-errors must be a whole number/);
  });
});
