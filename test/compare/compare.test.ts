import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareRun } from '../../src/analysis/compare.js';
import { renderCompareCsv } from '../../src/compare/render/csv.js';
import { renderCompareMarkdown } from '../../src/compare/render/markdown.js';
import { appendStepSummary } from '../../src/compare/render/write.js';
import { selectRunModels } from '../../src/compare/select.js';
import { tempTree } from '../helpers/tmp.js';
import { makeRun, uniform } from './make-run.js';

const BASE_CODE = 'public void OnPluginStart()\n{\n    HookEvent("tank_spawn", E);\n}\n';
const CAND_CODE = 'public void OnPluginStart()\n{\n    HookEvent("tank_spawned", E);\n}\n';

function run() {
  return makeRun({
    v1: { ...uniform(10, () => ({ score: 9 })), tank: { score: 10, code: BASE_CODE }, flaky: [{ score: 9 }, { score: 9 }] },
    v2: { ...uniform(10, (i) => ({ score: i < 3 ? 10 : 9 })), tank: { score: 5, failed: ['calls:HookEvent', 'rule'], code: CAND_CODE }, flaky: [{ score: 9 }, { score: 4, failed: ['rule'] }] },
  });
}

describe('compareRun', () => {
  const c = compareRun(run(), { ks: [2] });

  it('adds CIs that contain the estimate to every model', () => {
    for (const m of c.models) {
      expect(m.scoreCi!.low).toBeLessThanOrEqual(m.scoreCi!.estimate);
      expect(m.scoreCi!.high).toBeGreaterThanOrEqual(m.scoreCi!.estimate);
      expect(m.passRateCi!.low).toBeLessThanOrEqual(m.passRateCi!.estimate);
      expect(m.compileMode).toBe('syntax');
    }
    expect(c.models[0]!.passRateCi!.estimate).toBe(1);
  });

  it('gives regressions with the flipped checks and a unified diff', () => {
    const pair = c.pairs[0]!;
    expect(pair.candidate).toBe('v2');
    expect(pair.regressions.map((r) => r.caseId)).toEqual(['tank', 'flaky']);
    const tank = pair.regressions[0]!;
    expect(tank.flipped.map((f) => [f.id, f.from, f.to])).toEqual([['rule', 'pass', 'fail'], ['calls:HookEvent', 'pass', 'fail']]);
    expect(tank.diff).toContain('--- v1/tank.sp');
    expect(tank.diff).toContain('+++ v2/tank.sp');
    expect(tank.diff).toContain('-    HookEvent("tank_spawn", E);');
    expect(tank.diff).toContain('+    HookEvent("tank_spawned", E);');
    expect(tank.diff).not.toMatch(/^=+$/m);
    expect(pair.improvements.map((i) => i.caseId)).toEqual(['c1', 'c2', 'c3']);
  });

  it('computes pass@k and flakiness with several samples', () => {
    const v2 = c.models[1]!;
    expect(v2.passAtK.map((p) => p.k)).toEqual([1, 2]);
    expect(v2.passAtK[1]).toEqual({ k: 2, value: 1, cases: 1 });
    expect(v2.multiSampleCases).toBe(1);
    expect(v2.flakyCases).toEqual(['flaky']);
    expect(c.models[0]!.flakyCases).toEqual([]);
  });

  it('is reproducible with a seed', () => {
    expect(compareRun(run(), { seed: 3 })).toEqual(compareRun(run(), { seed: 3 }));
  });
});

describe('comparison reports', () => {
  const c = compareRun(run());

  it('renders Markdown with CIs, the paired verdict and fenced diffs', () => {
    const md = renderCompareMarkdown(c);
    expect(md).toContain('# Model comparison: mini');
    expect(md).toMatch(/\| \*\*v2\*\* \| `id-v2` \| [\d.]+ \| \[[\d.]+, [\d.]+\] \|/);
    expect(md).toContain('### v2 vs v1: **');
    expect(md).toContain('Exact McNemar on pass/fail');
    expect(md).toContain('```diff\n--- v1/tank.sp');
    expect(md).toContain('- `calls:HookEvent` pass → fail');
    expect(md).toContain('## Samples: pass@k and flakiness');
    expect(md).not.toMatch(/\n{3,}/);
  });

  it('a summary-only render leaves out the per-case table and diffs', () => {
    const md = renderCompareMarkdown(c, { summaryOnly: true });
    expect(md).toContain('## Verdict');
    expect(md).toContain('`tank`');
    expect(md).not.toContain('## By case');
    expect(md).not.toContain('```diff');
  });

  it('uses a user template folder: main template and cmp- partials', () => {
    const dir = tempTree({ 'partials/cmp-summary.hbs': 'CUSTOM SUMMARY {{baseline}} {{#each models}}{{label}}={{ci scoreCi 1}};{{/each}}\n' });
    const md = renderCompareMarkdown(c, { templateDir: dir });
    expect(md).toMatch(/CUSTOM SUMMARY v1 v1=\[[\d.]+, [\d.]+\];v2=/);
    expect(md).toContain('## Verdict');
    writeFileSync(path.join(dir, 'compare.md.hbs'), 'only {{suite.name}}\n');
    expect(renderCompareMarkdown(c, { templateDir: dir })).toBe('only mini\n');
    expect(() => renderCompareMarkdown(c, { templateDir: path.join(dir, 'nope') })).toThrow(/template folder not found/);
  });

  it('writes one CSV row per model × case with deltas and flipped checks', () => {
    const lines = renderCompareCsv(c).trim().split('\n');
    expect(lines[0]).toBe('model,baseline,case_id,category,status,score,samples,passed,baseline_score,delta,change,flipped_checks');
    expect(lines).toHaveLength(1 + 2 * 12);
    expect(lines).toContain('v2,v1,tank,cat/a,fail,5,1,0,10,-5,regression,rule:pass->fail;calls:HookEvent:pass->fail');
  });

  it('appends to GITHUB_STEP_SUMMARY only when it is set', () => {
    const dir = tempTree({});
    const file = path.join(dir, 'summary.md');
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, 'before\n');
    expect(appendStepSummary('# hi', { GITHUB_STEP_SUMMARY: file })).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('before\n# hi\n\n');
    expect(appendStepSummary('# hi', {})).toBe(false);
  });
});

describe('selectRunModels', () => {
  it('reorders models so the first asked is the baseline, and names unknown labels', () => {
    const r = selectRunModels(run(), ['v2', 'v1']);
    expect(r.models.map((m) => m.label)).toEqual(['v2', 'v1']);
    expect(() => selectRunModels(run(), ['v3'])).toThrow(/model "v3" is not in the results/);
  });
});
