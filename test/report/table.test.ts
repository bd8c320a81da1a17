import { describe, expect, it } from 'vitest';
import { reporters, type ReporterName } from '../../src/report/index.js';
import { makeRunResult } from '../fixtures/run-result.js';

const ANSI = /\x1b\[[0-9;]*m/;
const strip = (s: string): string => s.replace(/\x1b\[[0-9;]*m/g, '');

describe('table reporter', () => {
  it('has no ANSI codes with color false', () => {
    const out = reporters.table.render(makeRunResult(), { color: false });
    expect(out).not.toMatch(ANSI);
    expect(reporters.table.render(makeRunResult(), {})).not.toMatch(ANSI);
  });

  it('shows one row per model with its figures', () => {
    const lines = reporters.table.render(makeRunResult(), { color: false }).split('\n');
    const row = (label: string) => lines.find((l) => l.startsWith(`│ ${label} `))!.split('│').map((c) => c.trim()).filter(Boolean);
    expect(lines[0]).toBe('core · run 2025-06-01T10-00-00Z-abc123');
    expect(row('v1')).toEqual(['v1 (baseline)', '7.00', '60.0%', '80.0%', 'n/a', '92.0%', '2', '1', '$0.0125']);
    expect(row('v2')).toEqual(['v2', '7.10', '66.7%', '100.0%', 'n/a', '92.9%', '1', '0', '$0.0150']);
  });

  it('shows the compile rate with the mode that produced it', () => {
    const run = makeRunResult();
    run.models[1] = { ...run.models[1]!, compileRate: 0.75, compileMode: 'static' };
    const line = reporters.table.render(run, { color: false }).split('\n').find((l) => l.startsWith('│ v2 '))!;
    expect(line).toContain('75.0% static');
  });

  it('says which models replay sample answers, and only those', () => {
    const run = makeRunResult();
    expect(reporters.table.render(run, { color: false })).not.toContain('sample answers');
    run.models[0] = { ...run.models[0]!, answers: 'sample' };
    run.models[1] = { ...run.models[1]!, answers: 'recorded' };
    const out = reporters.table.render(run, { color: false });
    expect(out).toContain('v1: sample answers (hand-written replay files');
    expect(out).not.toMatch(/v2[^\n]*sample answers/);
  });

  it('colours with color true, without changing the text', () => {
    const coloured = reporters.table.render(makeRunResult(), { color: true });
    expect(coloured).toMatch(ANSI);
    expect(coloured).toContain('\x1b[31m1\x1b[39m'); // v1's error count in red
    expect(strip(coloured)).toBe(reporters.table.render(makeRunResult(), { color: false }));
  });
});

describe('registry', () => {
  it('exposes every reporter under its own name', () => {
    const names = Object.keys(reporters) as ReporterName[];
    expect(names).toEqual(expect.arrayContaining(['md', 'csv', 'json', 'table']));
    for (const n of names) expect(reporters[n].name).toBe(n);
    expect(reporters.md.extension).toBe('md');
  });
});
