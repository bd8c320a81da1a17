// The comparison as Markdown (FINAL_MODEL_COMPARISON.md style), rendered from overridable templates.
import { CHANGE_THRESHOLD } from '../../analysis/view.js';
import { trimDiff } from '../../analysis/evidence.js';
import type { CaseEvidence, Comparison, PairComparison } from '../../analysis/types.js';
import { registerHelpers } from '../../report/helpers.js';
import { compileMarkdownTemplate } from '../../report/templates.js';
import { registerCompareHelpers } from './helpers.js';

/** Main template file of the comparison report; its partials are `cmp-*.hbs`. */
export const COMPARE_TEMPLATE = 'compare.md.hbs';

/** Options of the Markdown comparison. */
export interface CompareMarkdownOptions {
  templateDir?: string;
  /** Only the headline parts (summary, verdicts, regressions list): for GitHub step summaries. */
  summaryOnly?: boolean;
  /** Diff lines shown per regressed case (default 60). */
  maxDiffLines?: number;
}

/** What `compare.md.hbs` receives: the comparison plus a few derived fields. */
export type CompareMarkdownContext = Omit<Comparison, 'pairs'> & {
  date: string;
  others: Comparison['models'];
  pairs: (PairComparison & { regressions: CaseEvidence[] })[];
  showPassAtK: boolean;
  changeThreshold: number;
  summaryOnly: boolean;
  levelPct: number;
};

/** Derives the template context. */
export function compareMarkdownContext(c: Comparison, options: CompareMarkdownOptions = {}): CompareMarkdownContext {
  const trim = (e: CaseEvidence): CaseEvidence => ({ ...e, diff: trimDiff(e.diff, options.maxDiffLines ?? 60) });
  return {
    ...c,
    date: c.startedAt.slice(0, 10),
    others: c.models.slice(1),
    pairs: c.pairs.map((p) => ({ ...p, regressions: p.regressions.map(trim) })),
    // pass@k and flakiness only say something when some case has several samples.
    showPassAtK: c.models.some((m) => m.multiSampleCases > 0),
    changeThreshold: CHANGE_THRESHOLD,
    summaryOnly: options.summaryOnly === true,
    levelPct: Math.round(c.settings.level * 100),
  };
}

/** Renders the comparison Markdown. */
export function renderCompareMarkdown(c: Comparison, options: CompareMarkdownOptions = {}): string {
  const template = compileMarkdownTemplate({ main: COMPARE_TEMPLATE, title: 'Comparison template' }, options.templateDir, (hb) => {
    registerHelpers(hb);
    registerCompareHelpers(hb);
  });
  const out = template(compareMarkdownContext(c, options));
  return `${out.replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
