// The `html` reporter: one self-contained page (CSS, JS, data and SVG inline, no network).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { RunResult } from '../../types/run.js';
import { handlebarsRuntime } from '../handlebars.js';
import { lastExisting, registerPartials, templateDirs, templateOf, type TemplateSpec } from '../templates.js';
import type { ReportOptions, Reporter } from '../types.js';
import { caseRows } from '../../analysis/view.js';
import { categoryChart, distributionChart } from './charts.js';
import { htmlContext } from './context.js';
import { judgeView } from '../../analysis/judges.js';
import { pageData } from './data.js';
import { tokenizeSourcePawn } from './highlight.js';
import { packData } from './pack.js';
import { buildTrend, runPoints, trendSvg, trendTable } from './trend.js';

/** Main template of the HTML report, looked up in the user's folder first. */
export const HTML_TEMPLATE = 'report.html.hbs';

const HTML_SPEC: TemplateSpec = { main: HTML_TEMPLATE, partialPrefix: 'html-' };

/**
 * The inline script: the tokenizer's own source (so page and tests share one implementation)
 * followed by report.js. Its hash goes into the CSP, so no other inline script can run.
 */
export function pageScript(dirs: string[] = templateDirs(HTML_SPEC)): string {
  const app = readFileSync(lastExisting(dirs, 'assets', 'report.js'), 'utf8');
  const script = `'use strict';\nconst tokenizeSourcePawn = ${tokenizeSourcePawn.toString()};\n${app}`;
  // The script is inlined verbatim: a closing tag inside it would end the element early.
  if (/<\/script|<!--/i.test(script)) throw new Error('report.js must not contain "</script" or "<!--"');
  return script;
}

/** CSP for the page: nothing from the network; only our own script (by hash) may run. */
export function contentSecurityPolicy(script: string): string {
  const hash = createHash('sha256').update(script, 'utf8').digest('base64');
  return `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${hash}'; img-src data:; base-uri 'none'; form-action 'none'`;
}

/** The trend chart and its table when history was given and holds a line of this run's models. */
function trendContext(run: RunResult, options: ReportOptions) {
  if (!options.history || options.history.length === 0) return undefined;
  const known = new Set(options.history.map((p) => `${p.runId}\0${p.model}`));
  // The reported run is the trend's latest point unless the history already holds it.
  // Averages of different suites are not comparable, so only runs of this run's suite are drawn.
  const points = [...options.history, ...runPoints(run).filter((p) => !known.has(`${p.runId}\0${p.model}`))].filter((p) => p.suite === run.suite.name);
  const trend = buildTrend(points, run.models.map((m) => m.label));
  if (trend.runs.length < 2 || trend.series.length === 0) return undefined;
  return { svg: trendSvg(trend), models: trend.series.map((s, index) => ({ index, label: s.model })), rows: trendTable(trend), runs: trend.runs.length };
}

/** Renders the HTML comparison report. */
export function renderHtml(run: RunResult, options: ReportOptions = {}): string {
  const dirs = templateDirs(HTML_SPEC, options.templateDir);
  // HTML escaping stays on here (unlike the Markdown templates), so this page compiles its own template.
  const hb = handlebarsRuntime.create();
  registerPartials(hb, dirs, HTML_SPEC.partialPrefix, 'html');
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  const rows = caseRows(run);
  const script = pageScript(dirs);
  const template = templateOf(hb, lastExisting(dirs, HTML_TEMPLATE), 'html');
  return template({
    ...htmlContext(run, rows, options.seed),
    judging: judgeView(run),
    // Case, category and one column per model: the width of an opened case's row.
    columns: run.models.length + 2,
    csp: contentSecurityPolicy(script),
    css: readFileSync(lastExisting(dirs, 'assets', 'report.css'), 'utf8'),
    script,
    dataPacked: packData(pageData(run, rows.map((r) => r.caseId))),
    charts: { categories: categoryChart(run), distribution: distributionChart(run, rows), trend: trendContext(run, options) },
  });
}

/** Self-contained HTML comparison with charts, filters and side-by-side code. */
export const html = {
  name: 'html',
  extension: 'html',
  file: 'report.html',
  description: 'Self-contained HTML comparison (charts, filterable cases, side-by-side code and diffs)',
  render: renderHtml,
} satisfies Reporter;
