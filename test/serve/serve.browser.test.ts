// The workbench in a real Chromium (Debian's, via playwright-core): generate against a replay model and a loopback
// OpenAI model (streamed), see highlighted code, score and checks, download the .sp; hostile model text stays text;
// browse runs, filter a run's cases, open a report, compare two runs. Screenshots go to test-artifacts/ (and, with
// UPDATE_SCREENSHOTS=1, to reports/screenshots/ for the README).
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { startServer, type RunningServer } from '../../src/serve/server.js';
import { loadSuites } from '../../src/suite/multi.js';
import { chromiumPath } from '../helpers/browser.js';
import { ROOT } from '../helpers/cli.js';
import { startOpenAIServer, type OpenAIServer } from '../helpers/openai-server.js';
import { KEY_VAR, SECRET_KEY, serveProject, storeRun } from './project.js';

const HOSTILE = '</script><script>alert(1)</script><img src=x onerror=alert(2)>';
const ANSWER = `Here it is ${HOSTILE}\n\n\`\`\`sourcepawn\n#include <sourcemod>\n\n// ${HOSTILE}\npublic void OnPluginStart()\n{\n    PrintToServer("hello from the playground");\n    RegConsoleCmd("sm_hello", Cmd_Hello);\n}\n\npublic Action Cmd_Hello(int client, int args)\n{\n    ReplyToCommand(client, "hello");\n    return Plugin_Handled;\n}\n\`\`\`\n`;

let model: OpenAIServer;
let project: string;
let server: RunningServer;
let browser: Browser;
const runIds: string[] = [];

async function open(urlPath: string): Promise<{ page: Page; dialogs: string[]; errors: string[]; foreign: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1100, height: 800 }, acceptDownloads: true });
  const dialogs: string[] = [];
  const errors: string[] = [];
  const foreign: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('request', (r) => {
    if (!r.url().startsWith(`http://127.0.0.1:${server.port}/`)) foreign.push(r.url());
  });
  await page.goto(`http://127.0.0.1:${server.port}${urlPath}`);
  return { page, dialogs, errors, foreign };
}

async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(path.join(ROOT, 'test-artifacts'), { recursive: true });
  await page.screenshot({ path: path.join(ROOT, 'test-artifacts', name) });
  if (process.env.UPDATE_SCREENSHOTS === '1') {
    mkdirSync(path.join(ROOT, 'reports', 'screenshots'), { recursive: true });
    await page.screenshot({ path: path.join(ROOT, 'reports', 'screenshots', name) });
  }
}

beforeAll(async () => {
  if (!chromiumPath) return;
  model = await startOpenAIServer({ defaultAnswer: ANSWER, streamChunkChars: 12, streamDelayMs: 40 });
  project = serveProject(model.baseURL);
  runIds.push(await storeRun(project, 'v1'), await storeRun(project, 'v2'));
  const config = loadConfig(undefined, project);
  server = await startServer({ config, suite: (await loadSuites([config.suite])).suite, port: 0 });
  browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await model?.close();
  delete process.env[KEY_VAR];
  if (project) rmSync(project, { recursive: true, force: true });
});

describe.skipIf(!chromiumPath)('serve in a browser', () => {
  it('judges a recorded case: highlighted code with marked lines, score, checks, cost; downloads the .sp', async () => {
    const { page, errors, foreign } = await open('/');
    await page.selectOption('#model', 'v1');
    await page.selectOption('#case', 'si-tank-spawn-announce');
    expect(await page.inputValue('#prompt')).toContain('Tank');
    await page.click('#generate');
    await page.waitForSelector('#score');
    const expected = JSON.parse((await page.evaluate(async (id) => (await fetch('/api/run?run=' + id)).text(), runIds[0]!)) as string) as { cases: { caseId: string; cells: { score: number }[] }[] };
    const score = expected.cases.find((c) => c.caseId === 'si-tank-spawn-announce')!.cells[0]!.score;
    expect(await page.getAttribute('#score', 'data-score')).toBe(String(score));
    expect(await page.locator('#code .t-kw').count()).toBeGreaterThan(0);
    expect(await page.locator('#code .t-pre').first().textContent()).toMatch(/^#include/);
    expect(await page.locator('#checks tbody tr').count()).toBeGreaterThan(3);
    // v1's answer misses the pragmas: the rule findings are listed and marked on line 1.
    expect(await page.textContent('#findings')).toContain('line 1: pragma-semicolon: missing #pragma semicolon 1');
    expect(await page.locator('#code .line.marked[data-n="1"]').count()).toBe(1);
    expect(await page.textContent('#cost')).toContain('cost unpriced');
    const download = page.waitForEvent('download');
    await page.click('#download');
    const file = await (await download).path();
    expect((await download).suggestedFilename()).toBe('si-tank-spawn-announce.v1.sp');
    expect(readFileSync(file, 'utf8')).toContain('OnPluginStart');
    await screenshot(page, 'serve-playground.png');
    expect(errors).toEqual([]);
    expect(foreign).toEqual([]);
    await page.close();
  });

  it('streams a live answer as it arrives, then judges it; hostile model text stays text', async () => {
    const { page, dialogs, errors } = await open('/');
    await page.selectOption('#model', 'live');
    await page.fill('#prompt', 'Say hello on a console command');
    await page.click('#generate');
    // Text shows while the answer is still arriving, before any verdict.
    await page.waitForFunction(() => (document.getElementById('stream')?.textContent ?? '').length > 0 && !document.getElementById('score'));
    await page.waitForSelector('#score');
    expect(await page.textContent('#cost')).toMatch(/cost \$0\.0\d+ · \d+ in \/ \d+ out tokens/);
    expect(await page.textContent('#code')).toContain(HOSTILE);
    expect(await page.textContent('#result details pre.answer')).toContain(`Here it is ${HOSTILE}`);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(2);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    expect(await page.content()).not.toContain(SECRET_KEY);
    await page.close();
  });

  it('lists runs, filters a run by category and verdict, opens its report, compares two runs', async () => {
    const { page, errors, foreign } = await open('/runs');
    expect(await page.locator('#runs tbody tr').count()).toBe(2);
    await page.click(`tr[data-run="${runIds[0]}"] .show-run`);
    await page.waitForSelector('#cases tbody tr');
    const all = await page.locator('#cases tbody tr').count();
    await page.selectOption('#filter-verdict', 'fail');
    const failing = await page.locator('#cases tbody tr').count();
    expect(failing).toBeGreaterThan(0);
    expect(failing).toBeLessThan(all);
    expect(await page.locator('#cases tbody tr td.fail').count()).toBe(failing);
    const category = await page.locator('#filter-category option').nth(1).getAttribute('value');
    await page.selectOption('#filter-category', category!);
    for (const c of await page.locator('#cases tbody tr td:nth-child(2)').allTextContents()) expect(c).toBe(category);

    const [report] = await Promise.all([page.waitForEvent('popup'), page.click(`tr[data-run="${runIds[0]}"] .open-report`)]);
    await report.waitForFunction(() => document.documentElement.dataset.caseDataMs !== undefined);
    expect(await report.textContent('footer')).toContain(runIds[0]);
    await report.close();

    await page.selectOption('#compare-a', runIds[0]!);
    await page.selectOption('#compare-b', runIds[1]!);
    await page.click('#compare button[type=submit]');
    await page.waitForSelector('#verdict');
    expect(await page.textContent('#verdict')).toMatch(/^better over 46 cases/);
    expect(await page.locator('#compare-models tbody tr').allTextContents()).toEqual([expect.stringMatching(/^v1 \(baseline\)/), expect.stringMatching(/^v2/)]);
    await page.selectOption('#filter-verdict', 'regression');
    const regressed = await page.locator('#cases tbody tr').count();
    expect(await page.locator('#cases tbody tr td.regression').count()).toBe(regressed);
    await page.selectOption('#filter-verdict', '');
    await screenshot(page, 'serve-runs.png');
    const [side] = await Promise.all([page.waitForEvent('popup'), page.click('#compare-report')]);
    await side.waitForFunction(() => document.documentElement.dataset.caseDataMs !== undefined);
    expect(await side.locator('.card').count()).toBeGreaterThanOrEqual(2);
    await side.close();
    expect(errors).toEqual([]);
    expect(foreign).toEqual([]);
    await page.close();
  });
});
