import Table from 'cli-table3';
import type { RunResult } from '../types/run.js';
import { cost, fixed, pct } from './format.js';
import type { ReportOptions, Reporter } from './types.js';
import { summaryRows } from '../analysis/view.js';

/** Minimal SGR wrapper; colours are applied by us so `color: false` can guarantee no escape codes. */
type Paint = (text: string) => string;

function painter(color: boolean): Record<'bold' | 'green' | 'red' | 'yellow' | 'dim', Paint> {
  const sgr = (open: number, close: number): Paint => (t) => (color ? `\x1b[${open}m${t}\x1b[${close}m` : t);
  return { bold: sgr(1, 22), green: sgr(32, 39), red: sgr(31, 39), yellow: sgr(33, 39), dim: sgr(2, 22) };
}

/** Terminal summary: one row per model, baseline first. */
export function renderTable(run: RunResult, options: ReportOptions = {}): string {
  const p = painter(options.color === true);
  const pass = run.suite.passScore;
  const table = new Table({
    head: ['Model', 'Avg score', 'Pass rate', 'Syntax', 'Compiles', 'API acc.', 'Unknown APIs', 'Errors', 'Cost'].map(p.bold),
    colAligns: ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
    // cli-table3 colours head and borders by default (when its colour lib detects a TTY): switch it off.
    style: { head: [], border: [] },
  });
  const modes = new Map(run.models.map((m) => [m.label, m]));
  for (const r of summaryRows(run)) {
    const m = modes.get(r.label);
    const score = fixed(r.avgScore, 2);
    table.push([
      r.baseline ? `${r.label} ${p.dim('(baseline)')}` : r.label,
      r.avgScore === null ? p.yellow(score) : r.avgScore >= pass ? p.green(score) : p.red(score),
      pct(r.passRate),
      pct(r.syntaxRate),
      // The mode is part of the figure: a static check is not spcomp.
      m?.compileRate === undefined ? 'n/a' : `${pct(m.compileRate)} ${p.dim(m.compileMode ?? '')}`.trim(),
      pct(r.apiAccuracy),
      r.unknownApiNames > 0 ? p.yellow(String(r.unknownApiNames)) : String(r.unknownApiNames),
      r.errors > 0 ? p.red(String(r.errors)) : String(r.errors),
      cost(r.costUsd),
    ]);
  }
  const title = `${p.bold(run.suite.name)} · run ${run.runId}`;
  // Replayed hand-written answers are not a model's output: say so wherever their figures are shown.
  const samples = summaryRows(run).filter((r) => r.sampleAnswers).map((r) => r.label);
  const note = samples.length > 0 ? `${p.dim(`${samples.join(', ')}: sample answers (hand-written replay files, not the model's output)`)}\n` : '';
  return `${title}\n${table.toString()}\n${note}`;
}

/** Short terminal summary printed after a run. */
export const table = {
  name: 'table',
  extension: 'txt',
  file: '',
  description: 'Terminal summary table, one row per model',
  render: renderTable,
} satisfies Reporter;
