// Opens the generated HTML report in a real Chromium (Debian's, via playwright-core) from file://.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromiumPath } from '../helpers/browser.js';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixed, pct } from '../../src/report/format.js';
import { changes } from '../../src/analysis/view.js';
import type { RunResult } from '../../src/types/run.js';
import { cli, ROOT, tempProject } from '../helpers/cli.js';
import { makeRunResult } from '../fixtures/run-result.js';

const HOSTILE_SCRIPT = '</script><script>alert(1)</script>';
const HOSTILE_IMG = '<img src=x onerror=alert(1)>';

const temps: string[] = [];
let browser: Browser;
let shipped: { run: RunResult; file: string };
let hostile: { run: RunResult; file: string };
let big: { file: string };

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'l4d2-html-browser-'));
  temps.push(dir);
  return dir;
}

/** Renders results through the built CLI (`report --format html`), as a user would. */
async function renderWithCli(run: RunResult, cwd: string): Promise<string> {
  const dir = tempDir();
  writeFileSync(path.join(dir, 'results.json'), JSON.stringify(run));
  const r = await cli(['report', path.join(dir, 'results.json'), '--format', 'html', '--out', dir, '--quiet'], cwd);
  expect(r.code, r.stderr).toBe(0);
  return path.join(dir, 'report.html');
}

/** A 200-case × 3-model run built from real recorded answers (cases repeated, v3 = v2). */
function enlarge(run: RunResult, cases: number): RunResult {
  const out: RunResult = { ...run, cases: [], items: [], models: [...run.models, { ...run.models[1]!, label: 'v3', modelId: 'ft:example:v3' }] };
  for (let i = 0; i < cases; i++) {
    const src = run.cases[i % run.cases.length]!;
    const id = `${src.id}-${i}`;
    out.cases.push({ ...src, id });
    for (const it of run.items.filter((x) => x.caseId === src.id)) {
      out.items.push({ ...it, caseId: id });
      if (it.model === 'v2') out.items.push({ ...it, caseId: id, model: 'v3' });
    }
  }
  return out;
}

async function open(file: string): Promise<{ page: Page; requests: string[]; dialogs: string[]; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const requests: string[] = [];
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(pathToFileURL(file).href);
  // The case data is decoded asynchronously; tests that open a case need it.
  await page.waitForFunction(() => document.documentElement.dataset.caseDataMs !== undefined);
  return { page, requests, dialogs, errors };
}

beforeAll(async () => {
  if (!chromiumPath) return;
  mkdirSync(path.join(ROOT, 'test-artifacts'), { recursive: true });
  const project = tempProject();
  temps.push(project);
  const out = path.join(project, 'out');
  const r = await cli(['run', '--out', out, '--format', 'json,html', '--quiet'], project);
  expect(r.code, r.stderr).toBe(0);
  shipped = { run: JSON.parse(readFileSync(path.join(out, 'results.json'), 'utf8')) as RunResult, file: path.join(out, 'report.html') };

  const h = makeRunResult();
  const item = h.items.find((i) => i.model === 'v2' && i.caseId === 'tank-announce')!;
  item.answer = `Sure.\n${HOSTILE_SCRIPT}\n\`\`\`sourcepawn\n${item.code}// ${HOSTILE_IMG}\n\`\`\`\n`;
  item.code = `${item.code}// ${HOSTILE_IMG}\n`;
  item.checks[0]!.reason = HOSTILE_IMG;
  item.warnings = [HOSTILE_SCRIPT];
  h.cases[0]!.prompt = `Announce the Tank. ${HOSTILE_IMG}`;
  hostile = { run: h, file: await renderWithCli(h, project) };
  big = { file: await renderWithCli(enlarge(shipped.run, 200), project) };

  browser = await chromium.launch({
    executablePath: chromiumPath!,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  for (const d of temps.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe.skipIf(!chromiumPath)('html report in a browser', () => {
  it('shows the summary figures of the JSON results, without errors or network requests', async () => {
    const { page, requests, errors } = await open(shipped.file);
    for (const m of shipped.run.models) {
      const card = page.locator(`article.card[data-model="${m.label}"]`);
      await expect.poll(() => card.locator('[data-figure="Average score"] .value').textContent()).toBe(fixed(m.avgScore, 2));
      expect(await card.locator('[data-figure="Pass rate"] .value').textContent()).toBe(pct(m.passRate));
      expect(await card.locator('[data-figure="Syntax OK"] .value').textContent()).toBe(pct(m.syntaxRate));
      expect(await card.locator('[data-figure="Passed / failed / errors"] .value').textContent()).toBe(`${m.passed} / ${m.failed} / ${m.errors}`);
      expect(await card.locator('code').first().textContent()).toBe(m.modelId);
    }
    expect(await page.locator('tr.case').count()).toBe(shipped.run.cases.length);
    expect(await page.locator('svg.chart').count()).toBe(2);
    expect(await page.locator('svg.chart rect').count()).toBeGreaterThan(shipped.run.cases.length);
    expect(errors).toEqual([]);
    expect(requests).toEqual([pathToFileURL(shipped.file).href]);
    await page.close();
  });

  it('filters to exactly the regressed cases, and to a category plus text', async () => {
    const { page } = await open(shipped.file);
    const regressed = new Set(changes(shipped.run).flatMap((c) => c.regressions.map((r) => r.caseId)));
    expect(regressed.size).toBeGreaterThan(0);
    await page.selectOption('#f-change', 'regressed');
    const visible = await page.locator('tr.case:not([hidden])').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.id));
    expect(new Set(visible)).toEqual(regressed);
    expect(await page.textContent('#f-count')).toBe(`${regressed.size} of ${shipped.run.cases.length} cases`);

    await page.selectOption('#f-change', '');
    const first = shipped.run.cases[0]!;
    await page.selectOption('#f-category', first.category);
    await page.fill('#f-text', first.id);
    const ids = await page.locator('tr.case:not([hidden])').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.id));
    expect(ids).toEqual([first.id]);
    await page.close();
  });

  it('sorts by a model score column from the keyboard', async () => {
    const { page } = await open(shipped.file);
    await page.locator('button[data-sort="m1"]').focus();
    await page.keyboard.press('Enter');
    const scores = await page.locator('tr.case td:nth-of-type(3)').evaluateAll((cells) => cells.map((c) => (c as HTMLElement).dataset.score));
    const numbers = scores.filter((s) => s !== '').map(Number);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(await page.getAttribute('th:has(button[data-sort="m1"])', 'aria-sort')).toBe('ascending');
    await page.close();
  });

  it('opens a regressed case with both answers highlighted, the diff and the checks', async () => {
    const { page } = await open(shipped.file);
    const id = changes(shipped.run)[0]!.regressions[0]!.caseId;
    const button = page.locator(`tr.case[data-id="${id}"] button.open`);
    await button.focus();
    await page.keyboard.press('Enter');
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    const detail = page.locator('tr.detail:not([hidden])');
    expect(await detail.locator('pre.prompt').textContent()).toBe(shipped.run.cases.find((c) => c.id === id)!.prompt);
    for (const label of ['v1', 'v2']) {
      const item = shipped.run.items.find((i) => i.model === label && i.caseId === id)!;
      const column = detail.locator(`section.answer[data-model="${label}"]`);
      const lines = await column.locator('pre.code .line').allTextContents();
      expect(lines.join('\n')).toBe(item.code.replace(/\n$/, ''));
      expect(await column.locator('pre.code .t-kw').count()).toBeGreaterThan(0);
      expect(await column.locator('li.check').count()).toBe(item.checks.length);
    }
    const diff = detail.locator('details.diff-box[data-model="v2"]');
    expect(await diff.locator('summary').textContent()).toMatch(/^Diff v1 → v2 \(sample 1\): \+\d+ −\d+ lines$/);
    expect(await diff.locator('span.add').count() + (await diff.locator('span.del').count())).toBeGreaterThan(0);
    await page.locator('body').screenshot({ path: path.join(ROOT, 'test-artifacts', 'report.png') });
    expect(statSync(path.join(ROOT, 'test-artifacts', 'report.png')).size).toBeGreaterThan(10_000);
    await page.close();
  });

  it('marks syntax errors on their code lines', async () => {
    const { page } = await open(hostile.file);
    await page.locator('tr.case[data-id="incap-heal"] button.open').click();
    const v1 = page.locator('tr.detail:not([hidden]) section.answer[data-model="v1"]');
    expect(await v1.locator('.line.marked').getAttribute('data-n')).toBe('5');
    expect(await v1.locator('.note').textContent()).toBe('⚠ 5:9 expected ;');
    await page.close();
  });

  it('renders hostile model text as text: no dialog, no injected element, no request', async () => {
    const { page, requests, dialogs, errors } = await open(hostile.file);
    await page.locator('tr.case[data-id="tank-announce"] button.open').click();
    const v2 = page.locator('tr.detail:not([hidden]) section.answer[data-model="v2"]');
    expect(await v2.locator('.warning').textContent()).toBe(`⚠ ${HOSTILE_SCRIPT}`);
    expect(await v2.locator('pre.code').textContent()).toContain(HOSTILE_IMG);
    expect(await page.locator('tr.detail:not([hidden]) pre.prompt').textContent()).toContain(HOSTILE_IMG);
    await page.waitForTimeout(200);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(2);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    expect(requests).toEqual([pathToFileURL(hostile.file).href]);
    await page.close();
  });

  it('follows the dark colour scheme', async () => {
    const { page } = await open(shipped.file);
    const bg = (): Promise<string> => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.emulateMedia({ colorScheme: 'light' });
    const light = await bg();
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await bg()).not.toBe(light);
    await page.close();
  });

  it('keeps a 200-case × 3-model report under 5 MB and quick to open', async () => {
    expect(statSync(big.file).size).toBeLessThan(5 * 1024 * 1024);
    const { page, errors } = await open(big.file);
    expect(await page.locator('tr.case').count()).toBe(200);
    expect(await page.locator('article.card').count()).toBe(3);
    // The page's own start-up work (parse the data, wire filters) stays well under a second;
    // whole-page load is bounded loosely because the test machine is shared and often busy.
    const init = await page.getAttribute('html', 'data-init-ms');
    expect(init).toMatch(/^\d+$/);
    expect(Number(init)).toBeLessThan(1000);
    const loaded = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd);
    expect(loaded).toBeLessThan(8000);
    await page.locator('tr.case button.open').last().click();
    expect(await page.locator('tr.detail:not([hidden]) section.answer').count()).toBe(3);
    expect(errors).toEqual([]);
    await page.close();
  });
});
