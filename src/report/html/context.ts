// The template context of report.html.hbs: header facts, summary cards, case table rows.
// Values are raw text; Handlebars escapes them (the only `{{{…}}}` are our own SVG/CSS/JS).
import type { ModelSummary } from '../../types/run.js';
import type { Interval } from '../../analysis/stats/interval.js';
import type { PairedVerdict } from '../../analysis/stats/verdict.js';
import type { RunResult } from '../../types/run.js';
import { cost, fixed, int, ms, pct, signed } from '../format.js';
import { caseCellText } from '../helpers.js';
import { uncertainty, type Uncertainty } from './stats.js';
import { CHANGE_THRESHOLD, caseRows, classifyChange, summaryRows, type CaseRow, type SummaryRow } from '../../analysis/view.js';

/** One headline figure on a model's summary card. */
export interface CardFigure {
  name: string;
  value: string;
  /** Change vs the baseline, e.g. `▲ +0.4`; '' for the baseline. */
  delta: string;
  trend: 'up' | 'down' | '';
  /** Confidence interval text, e.g. `95% CI 7.6–8.5`; '' when there is none. */
  ci: string;
  /** Raw value for tests and tools (data attribute). */
  raw: string;
}

/** One model's summary card. */
export interface Card {
  index: number;
  label: string;
  modelId: string;
  provider: string;
  baseline: boolean;
  figures: CardFigure[];
  /** Paired verdict against the baseline (absent for the baseline itself). */
  verdict?: { kind: PairedVerdict['kind']; text: string };
  /** Cases regressed / improved against the baseline (absent for the baseline itself). */
  changes?: { regressed: number; improved: number };
  /** A replay model answering from hand-written sample files. */
  sampleAnswers: boolean;
}

/** One row of the case table with everything filters and sorting read. */
export interface TableRow {
  index: number;
  caseId: string;
  category: string;
  tags: string;
  search: string;
  /** Space-separated flags: pass (all models passed), fail, error, regressed, improved. */
  flags: string;
  /** Space-separated check kinds that failed for some model. */
  failKinds: string;
  cells: { text: string; status: string; score: string; delta: string; change: string }[];
}

/** Everything report.html.hbs can use. */
export interface HtmlContext {
  title: string;
  suite: RunResult['suite'];
  runId: string;
  harnessVersion: string;
  startedAt: string;
  finishedAt: string;
  compileMode: string;
  baseline: string;
  changeThreshold: number;
  models: { index: number; label: string; modelId: string; provider: string }[];
  cards: Card[];
  rows: TableRow[];
  categories: string[];
  tags: string[];
  failKinds: string[];
}

function figure(name: string, value: string, raw: number | null, delta: number | null, deltaText: string, ci = ''): CardFigure {
  return { name, value, raw: raw === null ? '' : String(raw), delta: deltaText, trend: delta === null || Math.abs(delta) < 1e-9 ? '' : delta > 0 ? 'up' : 'down', ci };
}

function ciText(ci: Interval | null | undefined, show: (n: number) => string): string {
  return ci ? `${Math.round(ci.level * 100)}% CI ${show(ci.low)}–${show(ci.high)}` : '';
}

function card(s: SummaryRow, index: number, u: Uncertainty | undefined, m: ModelSummary | undefined): Card {
  const ppDelta = s.passRateDelta === null ? '' : signed(s.passRateDelta * 100, 1, ' pp');
  return {
    index,
    label: s.label,
    modelId: s.modelId,
    provider: s.provider,
    baseline: s.baseline,
    sampleAnswers: s.sampleAnswers,
    figures: [
      figure('Average score', fixed(s.avgScore, 2), s.avgScore, s.scoreDelta, signed(s.scoreDelta, 2), ciText(u?.scoreCi, (n) => fixed(n, 2))),
      figure('Pass rate', pct(s.passRate), s.passRate, s.passRateDelta, ppDelta, ciText(u?.passRateCi, (n) => pct(n))),
      figure('Syntax OK', pct(s.syntaxRate), s.syntaxRate, null, ''),
      // The mode is part of the figure: a static check is not spcomp.
      figure('Compiles', m?.compileMode ? `${pct(m.compileRate ?? null)} (${m.compileMode})` : 'n/a', m?.compileRate ?? null, null, ''),
      figure('API accuracy', pct(s.apiAccuracy), s.apiAccuracy, null, ''),
      figure('Passed / failed / errors', `${s.passed} / ${s.failed} / ${s.errors}`, s.passed, null, ''),
      figure('Unknown APIs', `${s.unknownApiNames} (${s.unknownApiCalls} calls)`, s.unknownApiNames, null, ''),
      figure('Tokens', int(s.tokens), s.tokens, null, ''),
      figure('Cost', cost(s.costUsd), s.costUsd, null, ''),
      figure('Avg latency', ms(s.avgLatencyMs), s.avgLatencyMs, null, ''),
    ],
    ...(u?.verdict ? { verdict: { kind: u.verdict.kind, text: u.verdict.text } } : {}),
  };
}

/** What produced the compile figures of this run, in words for the header. */
export function compileMode(run: RunResult): string {
  const modes = new Set(run.models.map((m) => m.compileMode).filter((x) => x !== undefined));
  const version = run.models.find((m) => m.compilerVersion)?.compilerVersion;
  if (modes.size === 0) return 'syntax check only (these results carry no compile figures)';
  if (modes.size > 1 || modes.has('mixed')) return `mixed: spcomp${version ? ` ${version}` : ''} and the static check`;
  return modes.has('spcomp') ? `spcomp${version ? ` ${version}` : ''}` : 'static check (spcomp not found: parser + API index)';
}

function tableRow(run: RunResult, row: CaseRow, index: number): TableRow {
  const info = run.cases.find((c) => c.id === row.caseId);
  const tags = info?.tags ?? [];
  const base = row.cells[0];
  const flags = new Set<string>();
  if (row.cells.every((c) => c.status === 'pass')) flags.add('pass');
  if (row.cells.some((c) => c.status === 'fail' || c.status === 'partial')) flags.add('fail');
  if (row.cells.some((c) => c.status === 'error' || c.status === 'missing')) flags.add('error');
  const cells = row.cells.map((c, i) => {
    const change = i === 0 || !base ? null : classifyChange(base, c);
    if (change) flags.add(change === 'regression' ? 'regressed' : 'improved');
    return { text: caseCellText(c), status: c.status, score: c.avgScore === null ? '' : String(c.avgScore), delta: signed(c.delta, 1), change: change ?? '' };
  });
  const failKinds = new Set<string>();
  for (const it of run.items) {
    if (it.caseId !== row.caseId) continue;
    for (const ch of it.checks) if (!ch.pass) failKinds.add(ch.kind);
  }
  return {
    index,
    caseId: row.caseId,
    category: row.category,
    tags: tags.join(' '),
    search: [row.caseId, row.category, ...tags, info?.prompt ?? ''].join(' ').toLowerCase(),
    flags: [...flags].join(' '),
    failKinds: [...failKinds].sort().join(' '),
    cells,
  };
}

function withChanges(c: Card, table: TableRow[], i: number): Card {
  if (i === 0) return c;
  const count = (kind: string): number => table.filter((r) => r.cells[i]?.change === kind).length;
  return { ...c, changes: { regressed: count('regression'), improved: count('improvement') } };
}

/** Builds the context; `rows` defaults to the view's case rows (suite order). */
export function htmlContext(run: RunResult, rows: CaseRow[] = caseRows(run), seed?: number): HtmlContext {
  const table = rows.map((r, i) => tableRow(run, r, i));
  const summary = summaryRows(run);
  // Score CIs are a bootstrap over per-case scores, pass-rate CIs Wilson.
  const stats = uncertainty(run, summary, rows, seed);
  const models = run.models.map((m, index) => ({ index, label: m.label, modelId: m.modelId, provider: m.provider }));
  return {
    title: `Model comparison: ${run.suite.name}`,
    suite: run.suite,
    runId: run.runId,
    harnessVersion: run.harnessVersion,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    compileMode: compileMode(run),
    baseline: models[0]?.label ?? '',
    changeThreshold: CHANGE_THRESHOLD,
    models,
    cards: summary.map((s, i) => withChanges(card(s, i, stats[i], run.models[i]), table, i)),
    rows: table,
    categories: [...new Set(table.map((r) => r.category))],
    tags: [...new Set(table.flatMap((r) => (r.tags === '' ? [] : r.tags.split(' '))))].sort(),
    failKinds: [...new Set(table.flatMap((r) => (r.failKinds === '' ? [] : r.failKinds.split(' '))))].sort(),
  };
}
