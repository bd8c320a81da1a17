// The score trend across runs: grouping history into lines, the SVG, the table fallback, the page,
// the packed page data and where history is read from (results.json files and the run store).
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { HistoryPoint } from '../../src/analysis/types.js';
import { loadHistory as collectHistory } from '../../src/analysis/history.js';
import { packData, unpackData } from '../../src/report/html/pack.js';
import { renderHtml } from '../../src/report/html/page.js';
import { buildTrend, trendSvg, trendTable } from '../../src/report/html/trend.js';
import { RunStore } from '../../src/run/store.js';
import type { RunResult } from '../../src/types/run.js';
import { makeRunResult } from '../fixtures/run-result.js';
import { tempTree } from '../helpers/tmp.js';

function point(runId: string, startedAt: string, model: string, avgScore: number | null, passRate: number | null = 0.5, suite = 'core'): HistoryPoint {
  return { runId, startedAt, suite, model, modelId: `id-${model}`, cases: 5, avgScore, passRate, file: `${runId}.json` };
}

const HISTORY = [
  point('r2', '2025-05-02T09:00:00.000Z', 'v1', 6),
  point('r1', '2025-05-01T09:00:00.000Z', 'v1', 5, 0.4),
  point('r2', '2025-05-02T09:00:00.000Z', 'v2', 8),
  point('r3', '2025-05-03T09:00:00.000Z', 'v1', 7),
  point('r3', '2025-05-03T09:00:00.000Z', 'other', 9),
];

const temps: string[] = [];
afterEach(() => {
  for (const d of temps.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A run with a new id, date and scores, as a later results.json would hold it. */
function laterRun(runId: string, startedAt: string, scores: number[]): RunResult {
  const run = makeRunResult();
  return { ...run, runId, startedAt, models: run.models.map((m, i) => ({ ...m, avgScore: scores[i] ?? m.avgScore })) };
}

describe('buildTrend', () => {
  it('orders runs oldest first and keeps one line per requested model, with gaps as null', () => {
    const t = buildTrend(HISTORY, ['v1', 'v2']);
    expect(t.runs.map((r) => r.runId)).toEqual(['r1', 'r2', 'r3']);
    expect(t.runs.map((r) => r.label)).toEqual(['2025-05-01', '2025-05-02', '2025-05-03']);
    expect(t.series).toEqual([
      { model: 'v1', scores: [5, 6, 7], passRates: [0.4, 0.5, 0.5] },
      { model: 'v2', scores: [null, 8, null], passRates: [null, 0.5, null] },
    ]);
  });

  it('joins labels that merged runs suffixed with @runId, and labels same-day runs with their time', () => {
    const t = buildTrend([point('a', '2025-05-01T08:00:00.000Z', 'v1@a', 4), point('b', '2025-05-01T10:30:05.000Z', 'v1', 6)], ['v1']);
    expect(t.series).toHaveLength(1);
    expect(t.series[0]!.scores).toEqual([4, 6]);
    expect(t.runs.map((r) => r.label)).toEqual(['2025-05-01 08:00:00', '2025-05-01 10:30:05']);
  });

  it('drops lines that have no score in any run', () => {
    const t = buildTrend([point('a', '2025-05-01T00:00:00Z', 'v1', 5), point('a', '2025-05-01T00:00:00Z', 'v2', null)], ['v1', 'v2']);
    expect(t.series.map((s) => s.model)).toEqual(['v1']);
  });
});

describe('trendSvg and trendTable', () => {
  const t = buildTrend(HISTORY, ['v1', 'v2']);
  const svg = trendSvg(t);

  it('draws one point per scored run and model, higher scores higher up', () => {
    const points = [...svg.matchAll(/<circle class="pt (s\d)"[^>]* cy="([\d.]+)"[^>]*data-model="([^"]+)" data-run="([^"]+)"/g)].map((m) => ({ cls: m[1], cy: Number(m[2]), model: m[3], run: m[4] }));
    expect(points.map((p) => `${p.model}@${p.run}`)).toEqual(['v1@r1', 'v1@r2', 'v1@r3', 'v2@r2']);
    expect(points.map((p) => p.cls)).toEqual(['s0', 's0', 's0', 's1']);
    const [a, b, c] = points;
    expect(a!.cy).toBeGreaterThan(b!.cy);
    expect(b!.cy).toBeGreaterThan(c!.cy);
    // 8/10 sits at 80 % of the 164-pixel plot below the 12-pixel top margin.
    expect(points[3]!.cy).toBeCloseTo(12 + 164 * 0.2, 1);
  });

  it('connects consecutive points only: a model missing from a run breaks its line', () => {
    const lines = [...svg.matchAll(/<polyline class="trend-line (s\d)" points="([^"]+)"/g)];
    expect(lines).toHaveLength(1);
    expect(lines[0]![1]).toBe('s0');
    expect(lines[0]![2]!.split(' ')).toHaveLength(3);
    const gap = trendSvg(buildTrend([point('a', '2025-05-01T00:00:00Z', 'v1', 5), point('b', '2025-05-02T00:00:00Z', 'v2', 5), point('c', '2025-05-03T00:00:00Z', 'v1', 6)], ['v1', 'v2']));
    expect(gap).not.toContain('<polyline');
  });

  it('is an accessible image whose text is escaped', () => {
    expect(svg).toMatch(/^<svg class="chart trend" role="img" aria-label="Average score \(0–10\) per model across 3 runs, oldest first"/);
    const hostile = trendSvg(buildTrend([point('<b>r</b>', '2025-05-01T00:00:00Z', '<img src=x>', 5), point('r9', '2025-05-02T00:00:00Z', '<img src=x>', 6)]));
    expect(hostile).not.toContain('<img');
    expect(hostile).not.toContain('<b>');
    expect(hostile).toContain('data-model="&lt;img src=x&gt;"');
  });

  it('gives the same figures as a table: score and pass rate per run, a dash where a model was not run', () => {
    expect(trendTable(t)).toEqual([
      { label: '2025-05-01', runId: 'r1', cells: ['5.00 (40.0%)', '–'] },
      { label: '2025-05-02', runId: 'r2', cells: ['6.00 (50.0%)', '8.00 (50.0%)'] },
      { label: '2025-05-03', runId: 'r3', cells: ['7.00 (50.0%)', '–'] },
    ]);
  });
});

describe('html report with history', () => {
  const run = makeRunResult();

  it('draws no trend without history or with only the reported run', () => {
    expect(renderHtml(run)).not.toContain('id="trend"');
    expect(renderHtml(run, { history: [point(run.runId, run.startedAt, 'v1', 7)] })).not.toContain('id="trend"');
  });

  it('adds the reported run as the latest point and keeps only its suite and models', () => {
    const history = [point('old', '2025-05-01T00:00:00.000Z', 'v1', 6), point('old', '2025-05-01T00:00:00.000Z', 'v2', 6.5), point('x', '2025-05-02T00:00:00.000Z', 'v1', 1, 0.1, 'other-suite'), point('old', '2025-05-01T00:00:00.000Z', 'v9', 3)];
    const html = renderHtml(run, { history });
    expect(html).toContain('<figure id="trend"><figcaption>Score trend across 2 runs');
    const runs = [...html.matchAll(/<circle class="pt[^>]*data-model="([^"]+)" data-run="([^"]+)" data-score="([^"]+)"/g)].map((m) => `${m[1]} ${m[2]} ${m[3]}`);
    expect(runs).toEqual([`v1 old 6`, `v1 ${run.runId} 7`, `v2 old 6.5`, `v2 ${run.runId} ${run.models[1]!.avgScore}`]);
    expect(html).toMatch(/<details class="trend-table"><summary>Trend as a table<\/summary>/);
    expect(html.match(/<tr><th scope="row">/g)).toHaveLength(2);
  });
});

describe('packed page data', () => {
  it('round-trips and contains nothing that could end a script element', () => {
    const data = { prompt: '</script><script>alert(1)</script>', code: 'PrintToChatAll("\u2028é");' };
    const packed = packData(data);
    expect(packed).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(unpackData(packed)).toEqual(data);
    expect(packData(data)).toBe(packed);
  });
});

describe('collectHistory', () => {
  it('reads results.json under a folder and finished runs of the store, each run once', () => {
    const r1 = laterRun('r1', '2025-05-01T09:00:00.000Z', [5, 6]);
    const r2 = laterRun('r2', '2025-05-02T09:00:00.000Z', [6, 7]);
    const dir = tempTree({ 'reports/a/results.json': JSON.stringify(r1), 'reports/b/results.json': JSON.stringify(r2), 'reports/c/results.json': '{"not":"results"}' });
    temps.push(dir);
    const storeFile = path.join(dir, 'runs.db');
    const store = new RunStore(storeFile);
    const base = makeRunResult();
    const models = base.models.map((m) => ({ label: m.label, provider: 'replay', id: m.modelId }) as unknown as Parameters<RunStore['beginRun']>[0]['models'][number]);
    // r2 is both a file and a stored run; r4 only stored; r5 never finished.
    for (const [runId, startedAt] of [['r2', '2025-05-02T09:00:00.000Z'], ['r4', '2025-05-04T09:00:00.000Z'], ['r5', '2025-05-05T09:00:00.000Z']] as const) {
      store.beginRun({ runId, startedAt, suite: base.suite, cases: base.cases, models });
      for (const item of base.items) store.putItem(runId, item);
      if (runId !== 'r5') store.setStatus(runId, 'finished');
    }
    store.close();
    const warnings: string[] = [];
    const points = collectHistory({ dir: path.join(dir, 'reports'), storeFile, onWarning: (w) => warnings.push(w) });
    expect(points.map((p) => `${p.runId} ${p.model}`)).toEqual(['r1 v1', 'r1 v2', 'r2 v1', 'r2 v2', 'r4 v1', 'r4 v2']);
    // r2 comes from its file (scores 6, 7), not recomputed from the store's items.
    expect(points.find((p) => p.runId === 'r2' && p.model === 'v2')?.avgScore).toBe(7);
    expect(points.find((p) => p.runId === 'r4')?.file).toBe(storeFile);
    expect(warnings).toHaveLength(1);
    expect(collectHistory({ dir: path.join(dir, 'reports'), storeFile: path.join(dir, 'missing.db') })).toHaveLength(4);
  });
});

