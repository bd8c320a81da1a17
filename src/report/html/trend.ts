// The score trend across runs (history) as an inline SVG line chart plus a table fallback.
// One line per model label, one x position per run (oldest first), y = average score 0–10.
import type { HistoryPoint } from '../../analysis/types.js';
import type { RunResult } from '../../types/run.js';
import { escapeHtml } from './escape.js';

/** One run on the x axis of the trend. */
export interface TrendRun {
  runId: string;
  startedAt: string;
  /** Axis label: the run's date (YYYY-MM-DD), with the time (to the second) when two runs share a day. */
  label: string;
}

/** One model line: scores per run (same order as `runs`), null where the model was not in the run. */
export interface TrendSeries {
  model: string;
  scores: (number | null)[];
  passRates: (number | null)[];
}

/** Trend data shared by the SVG and the table. */
export interface Trend {
  runs: TrendRun[];
  series: TrendSeries[];
}

/** A label without the `@<runId>` suffix that merged runs add to repeated labels. */
export const baseLabel = (label: string): string => label.replace(/@.*$/, '');

/** The run's own figures as history points, so the trend ends at the run being reported. */
export function runPoints(run: RunResult): HistoryPoint[] {
  return run.models.map((m) => ({ runId: run.runId, startedAt: run.startedAt, suite: run.suite.name, model: m.label, modelId: m.modelId, cases: m.cases, avgScore: m.avgScore, passRate: m.passRate, file: '' }));
}

/**
 * Groups points into runs × model lines. Only lines of `models` (base labels) are kept when given;
 * a run with the same line twice keeps the first point.
 */
export function buildTrend(points: readonly HistoryPoint[], models?: readonly string[]): Trend {
  const wanted = models ? new Set(models.map(baseLabel)) : undefined;
  const kept = points.filter((p) => !wanted || wanted.has(baseLabel(p.model)));
  const runs = new Map<string, { runId: string; startedAt: string }>();
  for (const p of kept) if (!runs.has(p.runId)) runs.set(p.runId, { runId: p.runId, startedAt: p.startedAt });
  const ordered = [...runs.values()].sort((a, b) => a.startedAt.localeCompare(b.startedAt) || a.runId.localeCompare(b.runId));
  const day = (s: string): string => s.slice(0, 10);
  const dayCount = new Map<string, number>();
  for (const r of ordered) dayCount.set(day(r.startedAt), (dayCount.get(day(r.startedAt)) ?? 0) + 1);
  const index = new Map(ordered.map((r, i) => [r.runId, i]));
  const lines = new Map<string, TrendSeries>();
  const order = models ? [...new Set(models.map(baseLabel))] : [...new Set(kept.map((p) => baseLabel(p.model)))];
  for (const name of order) lines.set(name, { model: name, scores: ordered.map(() => null), passRates: ordered.map(() => null) });
  const filled = new Set<string>();
  for (const p of kept) {
    const line = lines.get(baseLabel(p.model));
    const i = index.get(p.runId);
    if (!line || i === undefined || filled.has(`${line.model}\0${i}`)) continue;
    filled.add(`${line.model}\0${i}`);
    line.scores[i] = p.avgScore;
    line.passRates[i] = p.passRate;
  }
  return {
    runs: ordered.map((r) => ({ ...r, label: (dayCount.get(day(r.startedAt)) ?? 0) > 1 ? r.startedAt.slice(0, 19).replace('T', ' ') : day(r.startedAt) })),
    series: [...lines.values()].filter((s) => s.scores.some((v) => v !== null)),
  };
}

const TOP = 12;
const PLOT = 164;
const STEP = 72;

const r1 = (n: number): string => String(Math.round(n * 10) / 10);

/** The trend as an `<svg>` string: grid 0–10, a polyline per model (broken where a run lacks it), a dot per point. */
export function trendSvg(t: Trend): string {
  const slant = t.runs.some((r) => r.label.length * 6.2 > STEP);
  const bottom = slant ? 110 : 40;
  // Slanted run labels reach left of their point; leave them room.
  const LEFT = slant ? 96 : 40;
  const width = LEFT + Math.max(t.runs.length, 2) * STEP;
  const legendW = LEFT + t.series.length * 90;
  const w = Math.max(width, legendW);
  const h = TOP + PLOT + bottom;
  const x = (i: number): number => LEFT + STEP / 2 + i * STEP;
  const y = (v: number): number => TOP + PLOT - (Math.max(0, Math.min(v, 10)) / 10) * PLOT;
  const parts: string[] = [];
  for (let v = 0; v <= 10; v += 2) {
    parts.push(`<line class="grid" x1="${LEFT}" x2="${width - 4}" y1="${r1(y(v))}" y2="${r1(y(v))}"/>`);
    parts.push(`<text class="tick" x="${LEFT - 6}" y="${r1(y(v) + 4)}" text-anchor="end">${v}</text>`);
  }
  t.runs.forEach((run, i) => {
    const ly = TOP + PLOT + 14;
    const place = slant ? `x="${r1(x(i))}" y="${ly}" text-anchor="end" transform="rotate(-40 ${r1(x(i))} ${ly})"` : `x="${r1(x(i))}" y="${ly}" text-anchor="middle"`;
    parts.push(`<text class="run" ${place}><title>${escapeHtml(`${run.runId} · ${run.startedAt}`)}</title>${escapeHtml(run.label)}</text>`);
  });
  t.series.forEach((s, si) => {
    const cls = `s${si % 6}`;
    // Consecutive scored runs form one segment; a run without the model breaks the line.
    let segment: string[] = [];
    const flush = (): void => {
      if (segment.length > 1) parts.push(`<polyline class="trend-line ${cls}" points="${segment.join(' ')}"/>`);
      segment = [];
    };
    s.scores.forEach((v, i) => {
      if (v === null) return flush();
      segment.push(`${r1(x(i))},${r1(y(v))}`);
    });
    flush();
    s.scores.forEach((v, i) => {
      if (v === null) return;
      const run = t.runs[i];
      const tip = `${s.model} · ${run?.label ?? ''} (${run?.runId ?? ''}): ${v.toFixed(2)}`;
      parts.push(`<circle class="pt ${cls}" cx="${r1(x(i))}" cy="${r1(y(v))}" r="4" data-model="${escapeHtml(s.model)}" data-run="${escapeHtml(run?.runId ?? '')}" data-score="${v}"><title>${escapeHtml(tip)}</title></circle>`);
    });
  });
  const legend = t.series
    .map((s, si) => `<rect class="s${si % 6}" x="${LEFT + si * 90}" y="${h - 14}" width="10" height="10"/><text class="legend" x="${LEFT + si * 90 + 14}" y="${h - 5}">${escapeHtml(s.model.length > 10 ? `${s.model.slice(0, 9)}…` : s.model)}</text>`)
    .join('');
  const title = `Average score (0–10) per model across ${t.runs.length} runs, oldest first`;
  return (
    `<svg class="chart trend" role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" xmlns="http://www.w3.org/2000/svg">` +
    `<title>${escapeHtml(title)}</title>${parts.join('')}${legend}</svg>`
  );
}

/** One row of the trend's table fallback: a run and each line's figures as text. */
export interface TrendTableRow {
  label: string;
  runId: string;
  cells: string[];
}

/** The same figures as the chart, for screen readers, print and copy-paste. */
export function trendTable(t: Trend): TrendTableRow[] {
  return t.runs.map((run, i) => ({
    label: run.label,
    runId: run.runId,
    cells: t.series.map((s) => {
      const v = s.scores[i];
      const p = s.passRates[i];
      if (v === null || v === undefined) return '–';
      return p === null || p === undefined ? v.toFixed(2) : `${v.toFixed(2)} (${(p * 100).toFixed(1)}%)`;
    }),
  }));
}
