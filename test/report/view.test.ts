import { describe, expect, it } from 'vitest';
import { caseRows, categoryRows, changes, classifyChange, summaryRows, unknownApis, type CaseCell } from '../../src/analysis/view.js';
import { makeRunResult } from '../fixtures/run-result.js';

describe('summaryRows', () => {
  it('marks the first model as baseline and computes deltas for the others', () => {
    const [v1, v2] = summaryRows(makeRunResult());
    expect(v1).toMatchObject({ label: 'v1', baseline: true, scoreDelta: null, errors: 1, tokens: 3760, unknownApiNames: 2, unknownApiCalls: 2 });
    expect(v2?.baseline).toBe(false);
    expect(v2?.scoreDelta).toBeCloseTo(0.1, 9);
    expect(v2?.passRateDelta).toBeCloseTo(4 / 6 - 0.6, 9);
    expect(v2?.unknownApiCalls).toBe(2);
  });

  it('gives no delta when either side has no score', () => {
    const run = makeRunResult();
    run.models[0]!.avgScore = null;
    expect(summaryRows(run)[1]?.scoreDelta).toBeNull();
  });
});

describe('caseRows', () => {
  const rows = caseRows(makeRunResult());
  const row = (id: string) => rows.find((r) => r.caseId === id)!;

  it('keeps suite case order', () => {
    expect(rows.map((r) => r.caseId)).toEqual(['tank-announce', 'witch-killed-reward', 'incap-heal', 'spawn-jockey', 'vote|kick-menu']);
  });

  it('averages samples and reports a mixed outcome as partial', () => {
    const [v1, v2] = row('spawn-jockey').cells;
    expect(v1).toMatchObject({ status: 'partial', avgScore: 6.5, samples: 2, judged: 2, passed: 1 });
    expect(v2?.avgScore).toBe(6.6);
    expect(v2?.delta).toBe(0.1);
  });

  it('shows errors as error, with no score and no delta', () => {
    const [v1, v2] = row('vote|kick-menu').cells;
    expect(v1).toMatchObject({ status: 'error', avgScore: null, judged: 0 });
    expect(v2).toMatchObject({ status: 'pass', avgScore: 8.1, delta: null });
  });

  it('excludes an errored sample from the average but counts it', () => {
    const run = makeRunResult();
    const s2 = run.items.find((i) => i.model === 'v1' && i.caseId === 'spawn-jockey' && i.sample === 2)!;
    Object.assign(s2, { status: 'error', score: null });
    const cell = caseRows(run).find((r) => r.caseId === 'spawn-jockey')!.cells[0]!;
    expect(cell).toMatchObject({ status: 'pass', avgScore: 7, samples: 2, judged: 1 });
  });

  it('marks a case a model never ran as missing', () => {
    const run = makeRunResult();
    run.items = run.items.filter((i) => !(i.model === 'v2' && i.caseId === 'tank-announce'));
    expect(caseRows(run)[0]?.cells[1]).toMatchObject({ status: 'missing', avgScore: null, delta: null });
  });
});

describe('changes', () => {
  it('lists the regression and the improvement of v2 against v1', () => {
    const [v2] = changes(makeRunResult());
    expect(v2?.model).toBe('v2');
    expect(v2?.baseline).toBe('v1');
    expect(v2?.regressions.map((c) => c.caseId)).toEqual(['witch-killed-reward']);
    expect(v2?.regressions[0]).toMatchObject({ fromScore: 9, toScore: 5, delta: -4, fromStatus: 'pass', toStatus: 'fail' });
    expect(v2?.improvements.map((c) => c.caseId)).toEqual(['incap-heal']);
  });

  it('is empty with a single model', () => {
    const run = makeRunResult();
    run.models = run.models.slice(0, 1);
    expect(changes(run)).toEqual([]);
  });
});

describe('classifyChange', () => {
  const cell = (status: CaseCell['status'], avgScore: number | null, delta: number | null): CaseCell =>
    ({ model: 'm', status, avgScore, samples: 1, judged: 1, passed: status === 'pass' ? 1 : 0, delta });

  it('uses the 0.5 threshold inclusively, despite float noise', () => {
    expect(classifyChange(cell('pass', 7.3, null), cell('pass', 6.8, 6.8 - 7.3))).toBe('regression');
    expect(classifyChange(cell('fail', 6.8, null), cell('fail', 7.3, 7.3 - 6.8))).toBe('improvement');
    expect(classifyChange(cell('pass', 8, null), cell('pass', 7.6, -0.4))).toBeNull();
  });

  it('counts pass → fail as a regression even for a small score drop', () => {
    expect(classifyChange(cell('pass', 7.1, null), cell('fail', 6.9, -0.2))).toBe('regression');
    expect(classifyChange(cell('fail', 6.9, null), cell('pass', 7.1, 0.2))).toBe('improvement');
  });

  it('ignores errors', () => {
    expect(classifyChange(cell('error', null, null), cell('pass', 9, null))).toBeNull();
  });
});

describe('categoryRows and unknownApis', () => {
  it('builds a category × model grid in suite order', () => {
    const rows = categoryRows(makeRunResult());
    expect(rows.map((r) => r.category)).toEqual(['events', 'gameplay', 'admin']);
    expect(rows[0]?.cells.map((c) => c.avgScore)).toEqual([8.5, 6.65]);
    expect(rows[2]?.cells[0]).toMatchObject({ items: 1, avgScore: null });
  });

  it('sorts unknown APIs by count then name', () => {
    const run = makeRunResult();
    run.models[0]!.unknownApis.push({ name: 'A_Fake', count: 3, cases: ['x'] });
    expect(unknownApis(run)[0]?.apis.map((a) => a.name)).toEqual(['A_Fake', 'L4D2_IsPlayerIncapacitated', 'L4D2_SpawnInfected']);
  });
});
