import { describe, expect, it } from 'vitest';
import { pairedVerdict, type PairedCase } from '../../../src/analysis/stats/verdict.js';

const pair = (caseId: string, baseScore: number, candScore: number): PairedCase => ({ caseId, baseScore, candScore, basePass: baseScore >= 7, candPass: candScore >= 7 });

describe('paired verdict', () => {
  it('says better when the candidate fixes many cases', () => {
    const pairs = Array.from({ length: 20 }, (_, i) => pair(`c${i}`, i < 12 ? 5 : 9, 9));
    const v = pairedVerdict(pairs);
    expect(v.kind).toBe('better');
    expect(v.mcnemar).toMatchObject({ better: 12, worse: 0 });
    expect(v.mcnemar.pValue).toBeCloseTo(2 / 4096, 10);
    expect(v.text).toMatch(/^better over 20 cases/);
  });
  it('says worse in the opposite direction', () => {
    const pairs = Array.from({ length: 20 }, (_, i) => pair(`c${i}`, 9, i < 12 ? 5 : 9));
    expect(pairedVerdict(pairs).kind).toBe('worse');
  });
  it('says no significant difference on noise, with the cases needed', () => {
    const deltas = [1, -1, 0.5, -0.5, 1, -1, 0, 0];
    const pairs = deltas.map((d, i) => pair(`c${i}`, 8, 8 + d));
    const v = pairedVerdict(pairs);
    expect(v.kind).toBe('no-difference');
    // variance of deltas = 4.5/7; n = 2.8² · (4.5/7) / 0.3² = 56 exactly
    expect(v.casesNeeded).toBe(56);
    expect(v.text).toBe('no significant difference with 8 cases; about 56 cases would be needed to detect a 0.3 point change');
  });
  it('handles no paired cases', () => {
    expect(pairedVerdict([]).kind).toBe('no-data');
  });
});
