// Handlebars helpers the comparison templates add to the report ones.
import type Handlebars from 'handlebars';
import { fixed, pct } from '../../report/format.js';
import type { Interval } from '../../analysis/stats/interval.js';
import { formatP } from '../../analysis/stats/verdict.js';

/** `[low, high]` with the estimate's digits; `n/a` for no interval. */
export function ciText(ci: Interval | null | undefined, digits = 2, percent = false): string {
  if (!ci) return 'n/a';
  const f = (n: number) => (percent ? pct(n, Math.max(0, digits - 2)) : fixed(n, digits));
  return `[${f(ci.low)}, ${f(ci.high)}]`;
}

/** A Markdown code fence longer than any backtick run inside `text`, so diffs of Markdown-ish code stay intact. */
export function codeBlock(text: string, lang = ''): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${lang}\n${text.replace(/\n$/, '')}\n${fence}`;
}

function num(v: unknown, fallback: number): number {
  return typeof v === 'number' ? v : fallback;
}

/** Registers `ci interval [digits]`, `ciPct interval`, `pvalue p`, `codeBlock text lang`, `gt a b`. */
export function registerCompareHelpers(hb: typeof Handlebars): void {
  hb.registerHelper('ci', (ci: Interval | null, d: unknown) => ciText(ci, num(d, 2)));
  hb.registerHelper('ciPct', (ci: Interval | null) => ciText(ci, 2, true));
  hb.registerHelper('pvalue', (p: number | null | undefined) => (typeof p === 'number' ? formatP(p).replace(/^= /, '') : 'n/a'));
  hb.registerHelper('codeBlock', (text: string, lang: unknown) => codeBlock(String(text ?? ''), typeof lang === 'string' ? lang : ''));
  hb.registerHelper('gt', (a: unknown, b: unknown) => typeof a === 'number' && typeof b === 'number' && a > b);
}
