import type { RunResult } from '../types/run.js';
import { registerHelpers } from './helpers.js';
import { compileMarkdownTemplate } from './templates.js';
import { errorDetail, errorGroups, type ErrorGroup } from '../analysis/errors.js';
import type { ReportOptions, Reporter } from './types.js';
import { judgeView, type JudgeView } from '../analysis/judges.js';
import {
  CHANGE_THRESHOLD,
  caseRows,
  categoryRows,
  changes,
  compileRows,
  summaryRows,
  unknownApis,
  type CaseRow,
  type CategoryRow,
  type CompileRow,
  type ModelChanges,
  type ModelUnknownApis,
  type SummaryRow,
} from '../analysis/view.js';

/** Main template file name looked up in the shipped and the user's template folders. */
export const MARKDOWN_TEMPLATE = 'report.md.hbs';

/** Everything a `report.md.hbs` can use; custom templates get exactly this object. */
export interface MarkdownContext {
  suite: RunResult['suite'];
  runId: string;
  harnessVersion: string;
  /** `YYYY-MM-DD` of the start, plus full timestamps. */
  date: string;
  startedAt: string;
  finishedAt: string;
  baseline: string;
  models: { label: string; modelId: string }[];
  /** All models but the baseline (their delta columns). */
  others: { label: string; modelId: string }[];
  changeThreshold: number;
  summary: SummaryRow[];
  categories: CategoryRow[];
  cases: (CaseRow & { deltas: (number | null)[] })[];
  changes: ModelChanges[];
  unknownApis: ModelUnknownApis[];
  /** Compile rate, mode and the most common diagnostics per model. */
  compile: CompileRow[];
  /** True when any model has compile figures (the section is left out otherwise). */
  hasCompile: boolean;
  /** Model-graded checks: the judges (apart from the models) and every verdict with its criteria; `present` false without any. */
  judging: JudgeView;
  /** Items that could not be judged (provider or compiler trouble), grouped by model and cause; empty when none. */
  errors: (ErrorGroup & { detail: string })[];
}

/** Derives the template context from a run; exported so custom templates can be tested against it. */
export function markdownContext(run: RunResult): MarkdownContext {
  const rows = caseRows(run);
  const models = run.models.map((m) => ({ label: m.label, modelId: m.modelId }));
  return {
    suite: run.suite,
    runId: run.runId,
    harnessVersion: run.harnessVersion,
    date: run.startedAt.slice(0, 10),
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    baseline: models[0]?.label ?? '',
    models,
    others: models.slice(1),
    changeThreshold: CHANGE_THRESHOLD,
    summary: summaryRows(run),
    categories: categoryRows(run),
    cases: rows.map((r) => ({ ...r, deltas: r.cells.slice(1).map((c) => c.delta) })),
    changes: changes(run, rows),
    unknownApis: unknownApis(run),
    compile: compileRows(run),
    hasCompile: run.models.some((m) => m.compileMode !== undefined),
    judging: judgeView(run),
    errors: errorGroups(run).map((g) => ({ ...g, detail: errorDetail(g) })),
  };
}

/** Renders the Markdown report; `templateDir` overrides the main template and/or partials. */
export function renderMarkdown(run: RunResult, options: ReportOptions = {}): string {
  const template = compileMarkdownTemplate({ main: MARKDOWN_TEMPLATE }, options.templateDir, registerHelpers);
  const out = template(markdownContext(run));
  return `${out.replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

/** Side-by-side Markdown comparison of all models in a run. */
export const markdown = {
  name: 'md',
  extension: 'md',
  file: 'report.md',
  description: 'Markdown model comparison (summary, categories, cases, regressions, unknown APIs)',
  render: renderMarkdown,
} satisfies Reporter;
