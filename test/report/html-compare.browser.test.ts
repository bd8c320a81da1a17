// The trend chart and the comparison page (`compare --format html`, `gate --out`) in a real Chromium,
// produced by the built CLI from the shipped offline data.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromiumPath } from '../helpers/browser.js';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Comparison } from '../../src/analysis/types.js';
import type { RunResult } from '../../src/types/run.js';
import { cli, ROOT, tempProject } from '../helpers/cli.js';

let browser: Browser;
let project: string;
let run: RunResult;
/** History runs written under reports/history: [runId, v1 score, v2 score], oldest first. */
const HISTORY: [string, number, number][] = [
  ['hist-1', 6.5, 7.25],
  ['hist-2', 7.5, 8.75],
];

async function open(file: string): Promise<{ page: Page; requests: string[]; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(pathToFileURL(file).href);
  await page.waitForFunction(() => document.documentElement.dataset.caseDataMs !== undefined);
  return { page, requests, errors };
}

beforeAll(async () => {
  if (!chromiumPath) return;
  mkdirSync(path.join(ROOT, 'test-artifacts'), { recursive: true });
  project = tempProject();
  const r = await cli(['run', '--out', 'reports/latest', '--format', 'json', '--quiet'], project);
  expect(r.code, r.stderr).toBe(0);
  run = JSON.parse(readFileSync(path.join(project, 'reports/latest/results.json'), 'utf8')) as RunResult;
  // Earlier runs: the same results re-dated with other headline scores, as older results.json files.
  HISTORY.forEach(([runId, a, b], i) => {
    const dir = path.join(project, 'reports/history', runId);
    mkdirSync(dir, { recursive: true });
    const old = { ...run, runId, startedAt: `2025-0${i + 1}-15T12:00:00.000Z`, models: run.models.map((m, k) => ({ ...m, avgScore: k === 0 ? a : b })) };
    writeFileSync(path.join(dir, 'results.json'), JSON.stringify(old));
  });
  browser = await chromium.launch({ executablePath: chromiumPath!, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  if (project) rmSync(project, { recursive: true, force: true });
});

describe.skipIf(!chromiumPath)('score trend in the html report', () => {
  it('report --history draws one point per run and model, the current run last, with a table fallback', async () => {
    const out = path.join(project, 'out-report');
    const r = await cli(['report', 'reports/latest/results.json', '--history', 'reports', '--format', 'html', '--out', out, '--quiet'], project);
    expect(r.code, r.stderr).toBe(0);
    const { page, requests, errors } = await open(path.join(out, 'report.html'));
    const trend = page.locator('#trend svg.trend');
    expect(await trend.getAttribute('role')).toBe('img');
    const points = await trend.locator('circle.pt').evaluateAll((cs) => cs.map((c) => ({ model: c.getAttribute('data-model'), run: c.getAttribute('data-run'), score: Number(c.getAttribute('data-score')), cy: Number(c.getAttribute('cy')) })));
    const runs = [...HISTORY.map((h) => h[0]), run.runId];
    expect(points.map((p) => `${p.model} ${p.run}`)).toEqual(['v1', 'v2'].flatMap((m) => runs.map((id) => `${m} ${id}`)));
    expect(points.find((p) => p.model === 'v2' && p.run === 'hist-2')?.score).toBe(8.75);
    expect(points.find((p) => p.model === 'v1' && p.run === run.runId)?.score).toBe(run.models[0]!.avgScore);
    // v1 rose 6.5 → 7.5, so its second point is drawn higher (smaller y).
    expect(points[1]!.cy).toBeLessThan(points[0]!.cy);
    expect(await trend.locator('polyline.trend-line').count()).toBe(2);
    await page.locator('#trend details summary').click();
    expect(await page.locator('#trend details tbody tr').count()).toBe(3);
    expect(await page.locator('#trend details tbody tr').first().locator('td').nth(1).textContent()).toMatch(/^6\.50 \(/);
    await page.locator('#trend').screenshot({ path: path.join(ROOT, 'test-artifacts', 'trend.png') });
    expect(existsSync(path.join(ROOT, 'test-artifacts', 'trend.png'))).toBe(true);
    expect(errors).toEqual([]);
    expect(requests).toHaveLength(1);
    await page.close();
  });
});

describe.skipIf(!chromiumPath)('compare --format html', () => {
  it('shows the verdict and regression count, and the regressions filter shows exactly the regressed cases', async () => {
    const out = path.join(project, 'out-compare');
    const r = await cli(['compare', 'reports/latest/results.json', '--history', 'reports/history', '--format', 'html,json', '--out', out, '--quiet'], project);
    expect(r.code, r.stderr).toBe(0);
    const comparison = JSON.parse(readFileSync(path.join(out, 'comparison.json'), 'utf8')) as Comparison;
    const pair = comparison.pairs[0]!;
    const regressed = pair.regressions.map((e) => e.caseId);
    expect(regressed.length).toBeGreaterThan(0);

    const { page, requests, errors } = await open(path.join(out, 'comparison.html'));
    const card = page.locator('article.card[data-model="v2"]');
    expect(await card.locator('p.verdict').textContent()).toBe(pair.verdict.text);
    expect(await card.locator('p.changes').getAttribute('data-regressed')).toBe(String(regressed.length));
    expect(await page.locator('#trend circle.pt').count()).toBe(2 * 3);

    await card.locator('button.show-regressions').click();
    expect(await page.inputValue('#f-change')).toBe('regressed');
    const visible = await page.locator('tr.case:not([hidden])').evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset.id));
    expect(new Set(visible)).toEqual(new Set(regressed));

    // The worst regression opens with both answers and the diff v1 → v2.
    await page.locator(`tr.case[data-id="${regressed[0]}"] button.open`).click();
    const detail = page.locator('tr.detail:not([hidden])');
    expect(await detail.locator('section.answer').count()).toBe(2);
    expect(await detail.locator('details.diff-box[data-model="v2"] summary').textContent()).toMatch(/^Diff v1 → v2/);
    expect(errors).toEqual([]);
    expect(requests).toHaveLength(1);
    await page.close();
  });

  it('gate --out writes the comparison page too', async () => {
    const out = path.join(project, 'out-gate');
    const r = await cli(['gate', 'reports/latest/results.json', '--baseline', 'v1', '--candidate', 'v2', '--out', out], project);
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(path.join(out, 'comparison.html'), 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html.match(/<article class="card"/g)).toHaveLength(2);
  });
});
