// Inline SVG charts: no chart library, no network; colours come from CSS classes so the
// page's light/dark palettes apply. All labels pass through escapeHtml.
import { escapeHtml } from './escape.js';

/** A grouped bar chart: one group per label on the x axis, one bar per series inside it. */
export interface BarChart {
  /** Accessible name of the chart. */
  title: string;
  groups: string[];
  series: string[];
  /** values[group][series]; null draws no bar ("n/a"). */
  values: (number | null)[][];
  /** Top of the y axis. */
  max: number;
  /** Text for a value in tooltips and tick labels. */
  format: (v: number) => string;
}

const PLOT = 164;
const TOP = 12;
const BAR = 14;
const GAP = 18;
const TICKS = 5;

function r(n: number): string {
  return String(Math.round(n * 10) / 10);
}

/** Renders the chart as an `<svg>` element string sized by its content. */
export function groupedBarChart(c: BarChart): string {
  const groupW = Math.max(c.series.length, 1) * BAR + GAP;
  // Labels wider than their group are drawn slanted, which needs room below the axis.
  const slant = c.groups.some((g) => Math.min(g.length, 18) * 6.2 > groupW);
  const BOTTOM = slant ? 110 : 44;
  const H = TOP + PLOT + BOTTOM;
  // Slanted labels reach left of their group; leave them room.
  const LEFT = slant ? 96 : 40;
  const width = LEFT + Math.max(c.groups.length, 1) * groupW + 8;
  const plotH = PLOT;
  const y = (v: number): number => TOP + plotH - (c.max > 0 ? (Math.min(v, c.max) / c.max) * plotH : 0);
  const parts: string[] = [];
  for (let t = 0; t <= TICKS; t++) {
    const v = (c.max * t) / TICKS;
    parts.push(`<line class="grid" x1="${LEFT}" x2="${width - 4}" y1="${r(y(v))}" y2="${r(y(v))}"/>`);
    parts.push(`<text class="tick" x="${LEFT - 6}" y="${r(y(v) + 4)}" text-anchor="end">${escapeHtml(c.format(v))}</text>`);
  }
  c.groups.forEach((group, g) => {
    const x0 = LEFT + g * groupW + GAP / 2;
    c.series.forEach((name, s) => {
      const v = c.values[g]?.[s] ?? null;
      const x = x0 + s * BAR;
      const label = `${name} · ${group}: ${v === null ? 'n/a' : c.format(v)}`;
      if (v === null) {
        parts.push(`<text class="na" x="${r(x + BAR / 2)}" y="${r(y(0) - 3)}" text-anchor="middle"><title>${escapeHtml(label)}</title>–</text>`);
      } else {
        const top = y(v);
        parts.push(
          `<rect class="s${s % 6}" x="${r(x + 1)}" y="${r(top)}" width="${BAR - 2}" height="${r(y(0) - top)}"><title>${escapeHtml(label)}</title></rect>`,
        );
      }
    });
    const cx = x0 + (c.series.length * BAR) / 2;
    // Long category names are cut so they never overlap the next group.
    const short = group.length > 18 ? `${group.slice(0, 17)}…` : group;
    const ly = TOP + plotH + 14;
    const place = slant ? `x="${r(cx)}" y="${ly}" text-anchor="end" transform="rotate(-40 ${r(cx)} ${ly})"` : `x="${r(cx)}" y="${ly}" text-anchor="middle"`;
    parts.push(`<text class="group" ${place}><title>${escapeHtml(group)}</title>${escapeHtml(short)}</text>`);
  });
  const legend = c.series
    .map((name, s) => `<rect class="s${s % 6}" x="${LEFT + s * 90}" y="${H - 14}" width="10" height="10"/><text class="legend" x="${LEFT + s * 90 + 14}" y="${H - 5}">${escapeHtml(name.length > 10 ? `${name.slice(0, 9)}…` : name)}</text>`)
    .join('');
  const w = Math.max(width, LEFT + c.series.length * 90);
  return (
    `<svg class="chart" role="img" aria-label="${escapeHtml(c.title)}" viewBox="0 0 ${w} ${H}" width="${w}" height="${H}" xmlns="http://www.w3.org/2000/svg">` +
    `<title>${escapeHtml(c.title)}</title>${parts.join('')}${legend}</svg>`
  );
}
