import { describe, expect, it } from 'vitest';
import { agreementOf, cohenKappa, kappaInterval, readLabel } from '../../src/judge/agreement.js';
import { parseVerdict, verdictStatus } from '../../src/judge/verdict.js';
import { rubricHash, verdictSchema } from '../../src/judge/prompt.js';

const pairs = (spec: string) => spec.split(' ').map((p) => ({ human: p[0] === 'P' ? ('pass' as const) : ('fail' as const), judge: p[1] === 'P' ? ('pass' as const) : ('fail' as const) }));

describe('agreement statistics', () => {
  it("Cohen's kappa matches hand-computed values", () => {
    // 10 of 12 agree; human 5 pass, judge 7 pass: chance 70/144, kappa (10/12 - 70/144) / (1 - 70/144) = 50/74.
    const p = pairs('PP PP PP PP PP FF FF FF FF FF FP FP');
    expect(cohenKappa(p)).toBeCloseTo(50 / 74, 10);
    expect(cohenKappa(pairs('PP FF PP FF'))).toBe(1);
    expect(cohenKappa(pairs('PF FP PF FP'))).toBe(-1);
    // One class on both sides: agreement by chance is certain, kappa is undefined.
    expect(cohenKappa(pairs('PP PP PP'))).toBeNull();
  });

  it('the bootstrap interval is seeded and holds the estimate', () => {
    const p = pairs('PP PP PP PP PP FF FF FF FF FF FP FP');
    const a = kappaInterval(p);
    expect(a).toEqual(kappaInterval(p));
    expect(a!.low).toBeLessThan(50 / 74);
    expect(a!.high).toBeGreaterThanOrEqual(50 / 74);
    expect(a!.high).toBeLessThanOrEqual(1);
  });

  it('builds the confusion matrix, per-criterion disagreement and the wrong answers; judge errors are left out', () => {
    const a = agreementOf([
      { answer: 'a.md', human: 'pass', judge: 'pass', criteria: [{ id: 'team', human: 'pass', judge: 'pass' }] },
      { answer: 'b.md', human: 'fail', judge: 'pass', reason: 'all met', criteria: [{ id: 'team', human: 'fail', judge: 'pass' }, { id: 'event', human: 'pass', judge: 'pass' }] },
      { answer: 'c.md', human: 'fail', judge: 'fail' },
      { answer: 'd.md', human: 'pass', judge: null },
    ]);
    expect(a).toMatchObject({ labelled: 4, graded: 3, errors: 1, confusion: { pass: { pass: 1, fail: 0 }, fail: { pass: 1, fail: 1 } } });
    expect(a.agreement).toBeCloseTo(2 / 3, 10);
    expect(a.criteria[0]).toEqual({ id: 'team', labelled: 2, disagreements: 1, rate: 0.5 });
    expect(a.wrong).toEqual([{ answer: 'b.md', human: 'fail', judge: 'pass', reason: 'all met' }]);
  });

  it('reads labels as pass/fail or a 0–10 score against the pass score', () => {
    expect(readLabel('pass', 7)).toBe('pass');
    expect(readLabel('fail', 7)).toBe('fail');
    expect(readLabel(8, 7)).toBe('pass');
    expect(readLabel('6.5', 7)).toBe('fail');
    expect(readLabel('maybe', 7)).toBeUndefined();
    expect(readLabel(11, 7)).toBeUndefined();
  });
});

describe('verdicts', () => {
  const criteria = [
    { id: 'right-event', weight: 2, required: true, description: 'tank_spawn' },
    { id: 'tank-health', weight: 1, required: false, description: 'health' },
  ];

  it('a valid answer gives per-criterion verdicts and the weighted score', () => {
    const { verdict } = parseVerdict(JSON.stringify({ criteria: [{ id: 'tank-health', verdict: 'fail', reason: 'constant' }, { id: 'right-event', verdict: 'pass', reason: 'tank_spawn' }], score: 6 }), criteria);
    expect(verdict!.criteria.map((c) => [c.id, c.verdict])).toEqual([['right-event', 'pass'], ['tank-health', 'fail']]);
    expect(verdict!.score).toBeCloseTo(6.67, 2);
    expect(verdictStatus(verdict!, 6)).toBe('pass');
    expect(verdictStatus(verdict!, 7)).toBe('fail');
  });

  it('a failed required criterion fails whatever the score', () => {
    const { verdict } = parseVerdict(JSON.stringify({ criteria: [{ id: 'right-event', verdict: 'fail', reason: 'witch' }, { id: 'tank-health', verdict: 'pass', reason: '' }], score: 9 }), criteria);
    expect(verdictStatus(verdict!, 0)).toBe('fail');
  });

  it('invalid JSON, a skipped criterion or a bad verdict are problems, never verdicts', () => {
    expect(parseVerdict('{"criteria": [', criteria).problem).toMatch(/did not answer in JSON/);
    expect(parseVerdict(JSON.stringify({ criteria: [{ id: 'right-event', verdict: 'pass', reason: '' }], score: 5 }), criteria).problem).toMatch(/skipped criterion tank-health/);
    expect(parseVerdict(JSON.stringify({ criteria: [{ id: 'right-event', verdict: 'yes', reason: '' }], score: 5 }), criteria).problem).toMatch(/verdict must be/);
  });

  it('the schema lists the criteria; the rubric hash changes with any criterion', () => {
    const s = JSON.stringify(verdictSchema(criteria));
    expect(s).toContain('"enum":["right-event","tank-health"]');
    expect(rubricHash(criteria)).not.toBe(rubricHash([{ ...criteria[0]!, description: 'witch_spawn' }, criteria[1]!]));
  });
});
