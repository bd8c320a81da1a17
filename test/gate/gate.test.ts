import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareRun } from '../../src/analysis/compare.js';
import { evaluateGate } from '../../src/gate/evaluate.js';
import { gateJson, renderGateText } from '../../src/gate/render.js';
import { isEmpty, mergeThresholdFlags, parseThreshold, thresholdsFromConfig } from '../../src/gate/thresholds.js';
import { cli } from '../helpers/cli.js';
import { tempTree } from '../helpers/tmp.js';
import { makeRun, uniform, type SampleSpec } from '../compare/make-run.js';

// Baseline scores 8 everywhere; the candidate 9 on c1..c16, and two cases regress (one to a failure).
function pairRun() {
  const base: Record<string, SampleSpec> = { ...uniform(16, () => ({ score: 8, category: 'cat/a' })), r1: { score: 9, category: 'cat/b' }, r2: { score: 9, category: 'cat/b' } };
  const cand: Record<string, SampleSpec> = {
    ...uniform(16, (i) => ({ score: 9, category: 'cat/a', unknown: i === 0 ? ['L4D2_Invented'] : [] })),
    r1: { score: 5, category: 'cat/b', failed: ['rule'], code: 'new code\n' },
    r2: { score: 8, category: 'cat/b', syntaxOk: false },
  };
  return makeRun({ base, cand });
}

describe('evaluateGate', () => {
  const c = compareRun(pairRun());

  it('reports every threshold with value, measured figure and pass/fail', () => {
    const r = evaluateGate(c, thresholdsFromConfig({ min_avg_score: 8.5, min_pass_rate: 0.9, min_syntax_rate: 0.9, min_api_accuracy: 0.9, max_unknown_apis: 1, max_regressions: 2, max_p_worse: 0.05, categories: { 'cat/b': { min_avg_score: 7 } } }));
    expect(r.checks.map((x) => [x.id, x.pass])).toEqual([
      ['min_avg_score', true], ['min_pass_rate', true], ['min_syntax_rate', true], ['min_api_accuracy', true],
      ['max_unknown_apis', true], ['max_regressions', true], ['max_p_worse', true], ['category:cat/b:min_avg_score', false],
    ]);
    expect(r.checks[7]!.actual).toBe(6.5);
    expect(r.pass).toBe(false);
    expect(r.regressions.map((e) => e.caseId)).toEqual(['r1', 'r2']);
    const text = renderGateText(r);
    expect(text).toMatch(/FAIL {2}cat\/b average score +≥ 7\.00 +measured 6\.50/);
    expect(text).toContain('  - r1 (cat/b): 9.0 → 5.0 (▼ -4.0), pass → fail');
    expect(text).toContain('      rule: pass → fail: rule failed');
    expect(text).toContain('      +new code');
    expect(text).toMatch(/Result: FAIL \(1 of 8 thresholds failed: category:cat\/b:min_avg_score\)\n$/);
    expect(gateJson(r).checks).toHaveLength(8);
  });

  it('fails "not significantly worse" when the candidate is worse with a small p', () => {
    const worse = compareRun(makeRun({ base: uniform(20, () => ({ score: 9 })), cand: uniform(20, (i) => ({ score: i < 15 ? 4 : 9 })) }));
    const r = evaluateGate(worse, thresholdsFromConfig({ max_p_worse: 0.05 }));
    expect(r.checks[0]!.pass).toBe(false);
    expect(r.checks[0]!.actual).toBeLessThan(0.001);
  });

  it('counts an unmeasurable figure as a failure and an unknown category as missing', () => {
    const r = evaluateGate(c, thresholdsFromConfig({ categories: { 'cat/none': { min_avg_score: 1 } } }));
    expect(r.checks[0]).toMatchObject({ pass: false, actual: null, note: 'category not in the results' });
  });
});

describe('thresholds', () => {
  it('flags override the config and accept percentages', () => {
    const t = mergeThresholdFlags(thresholdsFromConfig({ min_avg_score: 7, min_pass_rate: 0.5 }), { 'min-pass-rate': '80%', 'max-regressions': '0' });
    expect(t).toMatchObject({ minAvgScore: 7, minPassRate: 0.8, maxRegressions: 0 });
    expect(isEmpty(thresholdsFromConfig(undefined))).toBe(true);
    expect(isEmpty(t)).toBe(false);
  });
  it('rejects values out of range', () => {
    expect(() => parseThreshold('min-score', '11')).toThrow(/between 0 and 10/);
    expect(() => parseThreshold('min-pass-rate', '1.5')).toThrow(/between 0 and 1/);
    expect(() => parseThreshold('max-regressions', '1.5')).toThrow(/whole number/);
    expect(() => parseThreshold('max-p-worse', '0')).toThrow(/p-value/);
    expect(() => parseThreshold('min-score', 'abc')).toThrow(/a number/);
  });
  it('cannot say "not significantly worse" without evidence: every candidate item errored', () => {
    const c = compareRun(makeRun({ base: uniform(10, () => ({ score: 9 })), cand: uniform(10, () => ({ score: null, status: 'error' })) }));
    const check = evaluateGate(c, thresholdsFromConfig({ max_p_worse: 0.05 })).checks.find((k) => k.id === 'max_p_worse')!;
    expect(check).toMatchObject({ pass: false, actual: null, note: 'no evidence: no case was judged for both models' });
  });
  it('reads a percentage only as a rate: --min-score 95% is refused, not read as 0.95/10', () => {
    expect(() => parseThreshold('min-score', '95%')).toThrow(/--min-score must be a score between 0 and 10 \(not a percentage, e\.g\. 8\.5\), got "95%"/);
    expect(() => parseThreshold('max-regressions', '5%')).toThrow(/not a percentage/);
    expect(parseThreshold('min-compile-rate', '95%')).toBe(0.95);
    expect(parseThreshold('min-compile-rate', '0.95')).toBe(0.95);
  });
});

describe('l4d2-eval gate exit codes (built CLI, result files in a temp dir)', () => {
  const dir = tempTree({});
  const file = path.join(dir, 'results.json');
  writeFileSync(file, JSON.stringify(pairRun()));
  const gate = (...flags: string[]) => cli(['gate', '--baseline', 'base', '--candidate', 'cand', file, ...flags], dir);

  // Each threshold once just held (exit 0) and once just missed (exit 1). Candidate: avg 8.72, pass 17/18,
  // syntax 17/18, API 71/72, 1 unknown API name, 2 regressions, better than baseline.
  const cases: [string, string, string][] = [
    ['--min-score', '8.7', '8.8'],
    ['--min-pass-rate', '0.9', '95%'],
    ['--min-syntax-rate', '0.9', '0.95'],
    ['--min-api-accuracy', '0.98', '0.99'],
    ['--max-unknown-apis', '1', '0'],
    ['--max-regressions', '2', '1'],
  ];
  for (const [flag, holds, misses] of cases) {
    it(`${flag}: 0 at ${holds}, 1 at ${misses}`, async () => {
      const ok = await gate(flag, holds);
      expect(ok.stderr).toBe('');
      expect(ok.code).toBe(0);
      expect(ok.stdout).toMatch(/Result: PASS/);
      const bad = await gate(flag, misses);
      expect(bad.code).toBe(1);
      expect(bad.stdout).toMatch(/^ {2}FAIL /m);
    });
  }

  it('--max-p-worse passes when the candidate is not worse; --json gives the same as data', async () => {
    const r = await gate('--max-p-worse', '0.05', '--max-regressions', '1', '--json');
    expect(r.code).toBe(1);
    const data = JSON.parse(r.stdout);
    expect(data.pass).toBe(false);
    expect(data.checks.map((c: { id: string; pass: boolean }) => [c.id, c.pass])).toEqual([['max_regressions', false], ['max_p_worse', true]]);
    expect(data.regressions.map((e: { caseId: string }) => e.caseId)).toEqual(['r1', 'r2']);
    expect(data.regressions[0].diff).toContain('+new code');
  });

  it('exits 2 on usage and data errors', async () => {
    expect((await gate()).code).toBe(2); // no thresholds at all
    const missing = await cli(['gate', '--baseline', 'base', '--candidate', 'nope', file, '--min-score', '1'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('model "nope" is not in the results');
    expect((await cli(['gate', '--candidate', 'cand', file, '--min-score', '1'], dir)).code).toBe(2);
    expect((await gate('--min-score', 'lots')).code).toBe(2);
    expect((await cli(['gate', '--baseline', 'base', '--candidate', 'cand', path.join(dir, 'none.json'), '--min-score', '1'], dir)).code).toBe(2);
  });
});

describe('compile-rate threshold', () => {
  it('gates on the compile rate with the mode that produced it, apart from the syntax rate', () => {
    const run = pairRun();
    run.models[1] = { ...run.models[1]!, compileRate: 0.8, compileMode: 'static' };
    const c = compareRun(run);
    const held = evaluateGate(c, thresholdsFromConfig({ min_compile_rate: 0.8, min_syntax_rate: 0.9 }));
    expect(held.checks.map((x) => [x.id, x.label, x.pass])).toEqual([
      ['min_syntax_rate', 'syntax-valid rate', true],
      ['min_compile_rate', 'compile rate (static)', true],
    ]);
    const missed = evaluateGate(c, thresholdsFromConfig({ min_compile_rate: 0.85 }));
    expect(missed.pass).toBe(false);
    expect(missed.checks[0]!.actual).toBe(0.8);
  });

  it('falls back to the syntax rate, labelled as such, for results that carry no compile figures', () => {
    const r = evaluateGate(compareRun(pairRun()), thresholdsFromConfig({ min_compile_rate: 0.9 }));
    expect(r.checks[0]!.label).toBe('compile rate (syntax)');
  });
});
