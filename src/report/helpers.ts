import type Handlebars from 'handlebars';
import { cost, fixed, int, mdCell, ms, pct, signed } from './format.js';
import type { CaseCell } from '../analysis/view.js';

type HB = typeof Handlebars;

// Handlebars passes its options hash as the last argument, so an omitted
// optional parameter arrives as that object: keep only real numbers.
function num(v: unknown, fallback: number): number {
  return typeof v === 'number' ? v : fallback;
}

/**
 * Registers the report helpers on an isolated Handlebars environment:
 * `fixed n [digits]`, `pct ratio [digits]`, `signed delta [digits]`, `int`, `cost`, `ms`,
 * `delta n [digits]` (signed, or `—`), `deltaPct ratio` (percentage points), `caseCell cell`,
 * `cell text` (Markdown table escaping), `eq a b`, `join list [sep]`.
 */
export function registerHelpers(hb: HB): void {
  hb.registerHelper('fixed', (n: number | null, d: unknown) => fixed(n, num(d, 1)));
  hb.registerHelper('pct', (n: number | null, d: unknown) => pct(n, num(d, 1)));
  hb.registerHelper('signed', (n: number | null, d: unknown) => signed(n, num(d, 1)));
  hb.registerHelper('delta', (n: number | null, d: unknown) => signed(n, num(d, 1)) || '—');
  hb.registerHelper('deltaPct', (n: number | null) => (n === null ? '—' : signed(n * 100, 1, ' pp')));
  hb.registerHelper('caseCell', (c: CaseCell) => caseCellText(c));
  hb.registerHelper('int', (n: number | null) => int(n));
  hb.registerHelper('cost', (n: number | null) => cost(n));
  hb.registerHelper('ms', (n: number | null) => ms(n));
  hb.registerHelper('cell', (v: unknown) => mdCell(v));
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hb.registerHelper('join', (list: unknown, sep: unknown) =>
    Array.isArray(list) ? list.map(String).join(typeof sep === 'string' ? sep : ', ') : '',
  );
}

/** Text of one case × model cell: `8.5 pass`, `6.0 1/2 pass`, `error`, `—` when it did not run. */
export function caseCellText(c: CaseCell): string {
  if (c.status === 'missing') return '—';
  if (c.status === 'error' || c.avgScore === null) return 'error';
  const status = c.status === 'partial' ? `${c.passed}/${c.judged} pass` : c.status;
  // Errored samples next to judged ones are still worth flagging.
  const errs = c.samples - c.judged;
  return `${fixed(c.avgScore, 1)} ${status}${errs > 0 ? ` (+${errs} error)` : ''}`;
}
