import { describe, expect, it } from 'vitest';
import { cost, fixed, int, mdCell, ms, pct, signed } from '../../src/report/format.js';
import { caseCellText } from '../../src/report/helpers.js';

describe('format', () => {
  it('formats numbers with fixed decimals and n/a for null', () => {
    expect(fixed(7.125, 2)).toBe('7.13');
    expect(fixed(null)).toBe('n/a');
    expect(pct(2 / 3)).toBe('66.7%');
    expect(pct(1, 0)).toBe('100%');
    expect(int(1234567)).toBe('1,234,567');
    expect(cost(0.0125)).toBe('$0.0125');
    expect(cost(12.5)).toBe('$12.50');
    expect(cost(null)).toBe('n/a');
    expect(ms(870)).toBe('870 ms');
    expect(ms(1120)).toBe('1.12 s');
  });

  it('signs deltas with arrows, and shows a rounded zero as unchanged', () => {
    expect(signed(1.5)).toBe('▲ +1.5');
    expect(signed(-2)).toBe('▼ -2.0');
    expect(signed(0.01)).toBe('= 0.0');
    expect(signed(-0.04)).toBe('= 0.0');
    expect(signed(0.067, 1, ' pp')).toBe('▲ +0.1 pp');
    expect(signed(null)).toBe('');
  });

  it('escapes Markdown table cells', () => {
    expect(mdCell('a|b')).toBe('a\\|b');
    expect(mdCell('line1\r\nline2\nline3')).toBe('line1<br>line2<br>line3');
    expect(mdCell('<script>')).toBe('&lt;script>');
    expect(mdCell('back\\slash|')).toBe('back\\\\slash\\|');
    expect(mdCell(null)).toBe('');
  });

  it('describes case cells', () => {
    const base = { model: 'v1', samples: 1, judged: 1, passed: 1, delta: null };
    expect(caseCellText({ ...base, status: 'pass', avgScore: 8 })).toBe('8.0 pass');
    expect(caseCellText({ ...base, status: 'error', avgScore: null, judged: 0, passed: 0 })).toBe('error');
    expect(caseCellText({ ...base, status: 'missing', avgScore: null, samples: 0 })).toBe('—');
    expect(caseCellText({ ...base, status: 'partial', avgScore: 6.5, samples: 3, judged: 2 })).toBe('6.5 1/2 pass (+1 error)');
  });
});
