import { describe, expect, it } from 'vitest';
import { createProgress, progressLine, progressMode } from '../../src/run/progress.js';

describe('progress', () => {
  it('picks a bar on a terminal, lines in CI or without TTY, nothing when quiet', () => {
    expect(progressMode(false, { isTTY: true }, {})).toBe('bar');
    expect(progressMode(false, { isTTY: true }, { CI: '1' })).toBe('lines');
    expect(progressMode(false, { isTTY: false }, {})).toBe('lines');
    expect(progressMode(true, { isTTY: true }, {})).toBe('off');
  });

  it('shows done/total, rate, ETA, cost and errors', () => {
    expect(progressLine({ done: 50, total: 100, errors: 1, costUsd: 0.01234, elapsedMs: 10_000 }, 10)).toBe('#####..... 50/100 5.0 items/s ETA 0:10 $0.0123 1 error');
    expect(progressLine({ done: 100, total: 100, errors: 0, costUsd: 0, elapsedMs: 1000 })).toBe('100/100 100.0 items/s $0.0000 0 errors');
  });

  it('writes plain lines at most once per interval, and a final line', () => {
    const out: string[] = [];
    const p = createProgress(3, 'lines', (s) => out.push(s), 60_000);
    p.update({});
    p.update({ error: { code: 'x' }, costUsd: 0.5 });
    p.update({});
    p.end();
    expect(out).toHaveLength(2);
    expect(out[1]).toMatch(/^progress: 3\/3 .* \$0\.5000 1 error\n$/);
    const silent: string[] = [];
    const q = createProgress(1, 'off', (s) => silent.push(s));
    q.update({});
    q.end();
    expect(silent).toEqual([]);
  });
});
