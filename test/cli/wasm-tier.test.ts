// The executable runs the grammar's wasm with V8's baseline compiler only for short commands, and keeps the
// optimising tier for commands that judge many answers (src/cli/bin.ts). Observed through V8's own compile trace.
import path from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { CLI, ROOT } from '../helpers/cli.js';
import { tempTree } from '../helpers/tmp.js';
import { datasetText } from '../dataset/dataset.js';

/** Wasm functions V8 compiled with TurboFan while the command ran (its stdout also carries the trace). */
async function turbofanCompiles(args: string[], cwd: string): Promise<{ code: number; turbofan: number }> {
  const r = await execa(process.execPath, ['--trace-wasm-compilation-times', CLI, ...args], { cwd, reject: false, env: { NO_COLOR: '1' } });
  return { code: r.exitCode ?? -1, turbofan: String(r.stdout).split('\n').filter((l) => /^Compiled function .* using TurboFan/.test(l)).length };
}

describe('wasm tiers of the executable', () => {
  it('score runs the grammar on the baseline compiler alone; check keeps the optimising tier', async () => {
    const plugin = path.join(ROOT, 'test/fixtures/plugins/l4d2_tank_health.sp');
    const score = await turbofanCompiles(['score', plugin], ROOT);
    expect(score.code).toBe(0);
    expect(score.turbofan).toBe(0);
    const dir = tempTree({ 'train.jsonl': datasetText() });
    const check = await turbofanCompiles(['check', 'train.jsonl', '--json'], dir);
    expect(check.code).toBe(0);
    expect(check.turbofan).toBeGreaterThan(0);
  });
});
