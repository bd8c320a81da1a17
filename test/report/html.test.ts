import { createHash } from 'node:crypto';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { reporters } from '../../src/report/index.js';
import { scoreDistribution } from '../../src/report/html/charts.js';
import { diffOps, pageData, type PageData } from '../../src/report/html/data.js';
import { unpackData } from '../../src/report/html/pack.js';
import { renderHtml } from '../../src/report/html/page.js';
import { groupedBarChart } from '../../src/report/html/svg.js';
import { makeRunResult } from '../fixtures/run-result.js';

const HOSTILE = '</script><script>alert(1)</script><img src=x onerror=alert(1)>';

/** The text of the one inline executable script. */
function inlineScript(html: string): string {
  const m = /<script>([\s\S]*?)<\/script>/.exec(html);
  expect(m).not.toBeNull();
  return m![1]!;
}

const temps: string[] = [];
afterEach(() => {
  for (const d of temps.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('html reporter', () => {
  const run = makeRunResult();
  const html = reporters.html.render(run, {});

  it('is registered as the html format', () => {
    expect(reporters.html.extension).toBe('html');
    expect(html.startsWith('<!doctype html>')).toBe(true);
  });

  it('is self-contained: no external resource is referenced', () => {
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/\b(src|href)\s*=\s*["']?(https?:|\/\/)/i);
    expect(html).not.toMatch(/@import|url\(/i);
  });

  it('allows only its own inline script through the CSP, by hash', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
    expect(csp).toContain("default-src 'none'");
    const hash = createHash('sha256').update(inlineScript(html), 'utf8').digest('base64');
    expect(csp).toContain(`script-src 'sha256-${hash}'`);
    expect(csp).not.toContain("script-src 'unsafe-inline'");
  });

  it('says what produced the compile figures, in the header and on each card', () => {
    const compiled = makeRunResult();
    compiled.models = compiled.models.map((m) => ({ ...m, compileRate: 0.75, compileMode: 'static' as const }));
    const page = reporters.html.render(compiled, {});
    expect(page).toContain('<dd id="compile-mode">static check (spcomp not found: parser + API index)</dd>');
    expect(page).toContain('75.0% (static)');
    compiled.models = compiled.models.map((m) => ({ ...m, compileMode: 'spcomp' as const, compilerVersion: '1.12' }));
    expect(reporters.html.render(compiled, {})).toContain('<dd id="compile-mode">spcomp 1.12</dd>');
  });

  it('shows header facts, one card per model and one row per case', () => {
    expect(html).toContain('<dd id="suite-name">core</dd>');
    expect(html).toContain('ft:gpt-4o-mini-2024-07-18:team:l4d2-v2:D4e5F6');
    expect(html).toContain('syntax check only');
    expect(html.match(/<article class="card"/g)).toHaveLength(2);
    expect(html.match(/<tr class="case"/g)).toHaveLength(5);
    // vote|kick-menu errored for v1 and passed for v2.
    expect(html).toMatch(/data-id="vote\|kick-menu"[^>]*data-flags="error"/);
    expect(html).toMatch(/data-id="witch-killed-reward"[^>]*data-flags="fail regressed"/);
    expect(html).toMatch(/data-id="incap-heal"[^>]*data-flags="fail improved"/);
  });

  it('puts confidence intervals and the paired verdict on the cards', () => {
    expect(html).toMatch(/<span class="ci">95% CI [\d.]+–[\d.]+<\/span>/);
    expect(html).toMatch(/<p class="verdict [a-z-]+">/);
  });

  it('escapes hostile model text everywhere it appears', () => {
    const r = makeRunResult();
    const item = r.items.find((i) => i.model === 'v2' && i.caseId === 'tank-announce')!;
    item.answer = `Sure:\n${HOSTILE}\n`;
    item.code = HOSTILE;
    item.checks[0]!.reason = HOSTILE;
    item.warnings = [HOSTILE];
    r.cases[0]!.prompt = HOSTILE;
    r.cases[0]!.tags = ['<b>x</b>'];
    const out = renderHtml(r);
    expect(out).not.toContain('<img');
    expect(out).not.toContain('<b>x</b>');
    // Exactly our two script elements, and their closing tags.
    expect(out.match(/<script/gi)).toHaveLength(2);
    expect(out.match(/<\/script/gi)).toHaveLength(2);
    const packed = /<script type="text\/plain" id="report-data" data-encoding="gzip\+base64">([A-Za-z0-9+/=]*)<\/script>/.exec(out)![1]!;
    expect((unpackData(packed) as PageData).cases[0]!.prompt).toBe(HOSTILE);
  });

  it('uses a user template folder over the shipped one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'l4d2-html-'));
    temps.push(dir);
    mkdirSync(join(dir, 'partials'));
    writeFileSync(join(dir, 'partials', 'html-charts.hbs'), '<p id="custom">no charts here</p>');
    const out = renderHtml(run, { templateDir: dir });
    expect(out).toContain('<p id="custom">no charts here</p>');
    expect(out).not.toContain('<svg');
    expect(() => renderHtml(run, { templateDir: join(dir, 'missing') })).toThrow(/Template folder not found/);
  });
});

describe('html page data', () => {
  it('stores the code once and keeps the answer text around it', () => {
    const run = makeRunResult();
    const data = pageData(run, ['tank-announce']);
    const v1 = data.cases[0]!.models[0]![0]!;
    expect(v1.before).toBe('Here is the plugin:\n\n```sourcepawn\n');
    expect(v1.after).toBe('```\n');
    expect(`${v1.before}${v1.code}${v1.after}`).toBe(run.items[0]!.answer);
    expect(v1.diff).toBeUndefined();
    // Both models wrote the same six lines for this case.
    expect(data.cases[0]!.models[1]![0]!.diff).toEqual([['=', 6]]);
  });

  it('marks syntax errors and failing check locations on their lines', () => {
    const run = makeRunResult();
    const item = run.items.find((i) => i.model === 'v1' && i.caseId === 'incap-heal')!;
    item.checks[1]!.locations = [{ line: 3, column: 1, message: 'unknown native' }];
    const data = pageData(run, ['incap-heal']);
    expect(data.cases[0]!.models[0]![0]!.marks).toEqual([[5, 9, 'expected ;'], [3, 1, 'api: unknown native']]);
  });

  it('describes line diffs as run lengths that rebuild both texts', () => {
    const base = 'a\nb\nc\n';
    const code = 'a\nB\nc\nd';
    const ops = diffOps(base, code);
    expect(ops).toEqual([['=', 1], ['-', 1], ['+', 1], ['=', 1], ['+', 1]]);
    const oldLines = base.split('\n').slice(0, -1);
    const newLines = code.split('\n');
    let o = 0;
    let n = 0;
    const rebuiltOld: string[] = [];
    const rebuiltNew: string[] = [];
    for (const [op, count] of ops) {
      for (let k = 0; k < count; k++) {
        if (op !== '+') rebuiltOld.push(oldLines[o++]!);
        if (op !== '-') rebuiltNew.push(newLines[n++]!);
      }
    }
    expect(rebuiltOld).toEqual(oldLines);
    expect(rebuiltNew).toEqual(newLines);
  });
});

describe('html charts', () => {
  it('bins case scores per model, leaving errored cases out', () => {
    const counts = scoreDistribution(makeRunResult());
    // v1: 8, 9, 5, 6.5 (two samples), error → bins 8, 9, 5, 6.
    expect(counts[0]).toEqual([0, 0, 0, 0, 0, 1, 1, 0, 1, 1]);
    // v2: 8.3, 5, 8, 6.6, 8.1.
    expect(counts[1]).toEqual([0, 0, 0, 0, 0, 1, 1, 0, 3, 0]);
  });

  it('draws one bar per non-null value with an escaped tooltip', () => {
    const svg = groupedBarChart({ title: 'T<1>', groups: ['a<b', 'c'], series: ['m1', 'm2'], values: [[5, null], [10, 2]], max: 10, format: String });
    expect(svg.match(/<rect class="s\d"[^>]*><title>/g)).toHaveLength(3);
    expect(svg).toContain('<title>m1 · a&lt;b: 5</title>');
    expect(svg).toContain('<title>m2 · a&lt;b: n/a</title>');
    expect(svg).toContain('aria-label="T&lt;1&gt;"');
  });
});
