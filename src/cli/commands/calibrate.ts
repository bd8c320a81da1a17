// `l4d2-eval calibrate <labels> --judge LABEL [--rubric FILE | --suite FILE]`: how far a judge agrees with people.
import path from 'node:path';
import Table from 'cli-table3';
import { loadConfig } from '../../config/load.js';
import { UsageError, UserError, ValidationError } from '../../core/errors.js';
import { io } from '../../core/io.js';
import type { Agreement } from '../../judge/agreement.js';
import { calibrate, type Calibration } from '../../judge/calibrate.js';
import { calibrationsFile, saveCalibration } from '../../judge/calibrations.js';
import { ResponseCache } from '../../run/cache.js';
import { readRubricFile } from '../../suite/rubric.js';
import { loadSuites } from '../../suite/multi.js';
import type { Suite } from '../../types/suite.js';
import type { ParsedFlags } from '../args.js';
import { cacheModeOf } from '../live-run.js';

const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 100)}%`);
const k2 = (v: number | null) => (v === null ? 'undefined' : v.toFixed(2));
const ci = (a: Agreement) => (a.kappaCi ? `[${a.kappaCi.low.toFixed(2)}, ${a.kappaCi.high.toFixed(2)}]` : '—');

function render(c: Calibration, saved: string): string {
  const lines: string[] = [];
  const served = c.judge.servedModels.length > 0 ? c.judge.servedModels.join(', ') : c.judge.modelId;
  lines.push(`Judge ${c.judge.label} (${served}) against ${c.overall.labelled} human labels in ${path.relative(process.cwd(), c.labels) || c.labels}`, '');
  const t = new Table({ head: ['rubric', 'labelled', 'graded', 'agreement', 'kappa', '95% CI'], style: { head: [], border: [] } });
  for (const r of c.rubrics) t.push([r.id, r.agreement.labelled, r.agreement.graded, pct(r.agreement.agreement), k2(r.agreement.kappa), ci(r.agreement)]);
  if (c.rubrics.length > 1) t.push(['all', c.overall.labelled, c.overall.graded, pct(c.overall.agreement), k2(c.overall.kappa), ci(c.overall)]);
  lines.push(t.toString(), '');
  const m = c.overall.confusion;
  lines.push('Confusion (rows: human label, columns: judge verdict):');
  const cm = new Table({ head: ['', 'judge pass', 'judge fail'], style: { head: [], border: [] } });
  cm.push(['human pass', m.pass.pass, m.pass.fail], ['human fail', m.fail.pass, m.fail.fail]);
  lines.push(cm.toString());
  if (c.overall.errors > 0) lines.push(`${c.overall.errors} answer${c.overall.errors === 1 ? '' : 's'} could not be graded (judge errors): left out of agreement and kappa.`);
  const crit = c.overall.criteria.filter((x) => x.disagreements > 0);
  if (c.overall.criteria.length > 0) {
    lines.push('', crit.length > 0 ? 'Criteria the judge disagrees on most:' : 'Criteria: the judge agrees with every per-criterion label.');
    for (const x of crit.slice(0, 10)) lines.push(`  ${x.id}: ${x.disagreements} of ${x.labelled} (${pct(x.rate)})`);
  }
  lines.push('', c.overall.wrong.length > 0 ? `Answers it got wrong (${c.overall.wrong.length}):` : 'Answers it got wrong: none.');
  for (const w of c.overall.wrong) lines.push(`  ${w.answer}: human ${w.human}, judge ${w.judge}${w.reason ? ` — ${w.reason}` : ''}`);
  lines.push('', `Saved to ${saved} (keyed on judge model and rubric): \`gate.min_judge_kappa\` counts a judge check only when its kappa there reaches the threshold.`);
  if (c.overall.labelled < 30) lines.push(`Note: ${c.overall.labelled} labels give a wide interval; label more answers before trusting a kappa near the threshold.`);
  return `${lines.join('\n')}\n`;
}

/** Exit 0, or 3 when the judge could not grade some labelled answers. */
export async function calibrateCommand(values: ParsedFlags, positionals: string[]): Promise<number> {
  const [labels, ...extra] = positionals;
  if (!labels) throw new UsageError('calibrate needs a labels file', 'e.g. l4d2-eval calibrate fixtures/calibration/labels.jsonl --judge grader --rubric suites/rubrics/tank-spawn-event.yaml');
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`, 'give one labels file');
  const config = loadConfig(values.config as string | undefined);
  const label = typeof values.judge === 'string' ? values.judge : config.judge?.model;
  if (!label) throw new UsageError('calibrate needs --judge LABEL', `or set \`judge: { model: LABEL }\` in ${path.relative(process.cwd(), config.file)}`);
  const judge = config.models[label];
  if (!judge) throw new UserError('E_JUDGE', `judge model "${label}" is not under models: in ${path.relative(process.cwd(), config.file)}`, `known labels: ${Object.keys(config.models).join(', ')}`);
  if (judge.provider !== 'openai') throw new UserError('E_JUDGE', `judge model "${label}" uses provider ${judge.provider}`, 'a judge must be a live model: set provider: openai (any OpenAI-compatible server)');
  let rubric;
  if (typeof values.rubric === 'string') {
    const r = readRubricFile(path.resolve(values.rubric), values.rubric);
    if (!r.rubric) throw new ValidationError(r.problems, `rubric ${values.rubric} is invalid`);
    rubric = r.rubric;
  }
  let suite: Suite | undefined;
  if (typeof values.suite === 'string' || !rubric || rubric.case) suite = (await loadSuites([typeof values.suite === 'string' ? values.suite : path.relative(process.cwd(), config.suite) || config.suite])).suite;
  const cacheMode = cacheModeOf(values);
  const cache = cacheMode === 'off' ? undefined : new ResponseCache(config.cacheFile);
  let result: Calibration;
  try {
    result = await calibrate(path.resolve(labels), judge, { ...(rubric ? { rubric } : {}), ...(suite ? { suite } : {}) }, { ...(cache ? { cache } : {}), cacheMode });
  } finally {
    cache?.close();
  }
  const file = calibrationsFile(config.storeFile);
  for (const r of result.records) saveCalibration(file, { ...r, labels: path.relative(config.dir, r.labels) || r.labels });
  const saved = path.relative(process.cwd(), file) || file;
  if (values.json === true) {
    const o = result.overall;
    io.stdout.write(`${JSON.stringify({ judge: result.judge, labels: path.relative(process.cwd(), result.labels), labelled: o.labelled, graded: o.graded, errors: o.errors, agreement: o.agreement, kappa: o.kappa, kappaCi: o.kappaCi, confusion: o.confusion, criteria: o.criteria, wrong: o.wrong, rubrics: result.rubrics.map((r) => ({ id: r.id, hash: r.hash, labelled: r.agreement.labelled, graded: r.agreement.graded, agreement: r.agreement.agreement, kappa: r.agreement.kappa, kappaCi: r.agreement.kappaCi })), requests: result.requests, cachedResponses: result.cachedResponses, saved }, null, 2)}\n`);
  } else io.stdout.write(render(result, saved));
  return result.overall.errors > 0 ? 3 : 0;
}
