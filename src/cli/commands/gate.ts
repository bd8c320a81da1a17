import { io } from '../../core/io.js';
import { labelPreflight } from '../preflight.js';
import path from 'node:path';
import { writeFileSync } from 'node:fs';
import { loadConfig, optionalConfig } from '../../config/load.js';
import { compareRun } from '../../analysis/compare.js';
import { renderCompareMarkdown } from '../../compare/render/markdown.js';
import { codeBlock } from '../../compare/render/helpers.js';
import { appendStepSummary, writeComparison } from '../../compare/render/write.js';
import { selectRunModels } from '../../compare/select.js';
import { gatherRun } from '../../compare/sources.js';
import { labelJudge } from '../judging.js';
import { cacheModeOf, labelAnswers, suiteCaching } from '../live-run.js';
import { UsageError } from '../../core/errors.js';
import { evaluateGate } from '../../gate/evaluate.js';
import { gateJson, renderGateText } from '../../gate/render.js';
import { isEmpty, mergeThresholdFlags, thresholdsFromConfig } from '../../gate/thresholds.js';
import { renderJson } from '../../report/json.js';
import { intFlag, type ParsedFlags } from '../args.js';
import { seedFlag } from './compare.js';
import { calibrationsFile, countCalibratedJudges, readCalibrations } from '../../judge/calibrations.js';

/** `l4d2-eval gate`: exit 0 when the candidate holds every threshold, 1 when any fails, 2 on usage/data errors. */
export async function gateCommand(values: ParsedFlags, positionals: string[]): Promise<number> {
  const json = values.json === true;
  const baseline = values.baseline;
  const candidate = values.candidate;
  if (typeof baseline !== 'string' || typeof candidate !== 'string') throw new UsageError('gate needs --baseline LABEL and --candidate LABEL', 'e.g. l4d2-eval gate --baseline v2 --candidate v3');
  if (baseline === candidate) throw new UsageError(`--baseline and --candidate are both "${baseline}"`);
  // Thresholds come from the config; a config is also needed when the gate runs the suite itself.
  const config = positionals.length === 0 ? loadConfig(values.config as string | undefined) : optionalConfig(values.config as string | undefined, loadConfig);
  const thresholds = mergeThresholdFlags(thresholdsFromConfig(config?.gate), values);
  if (isEmpty(thresholds)) throw new UsageError('no gate thresholds: add a `gate:` section to the config or pass flags such as --min-score 8 --max-regressions 0', 'run `l4d2-eval gate --help`');

  const sources = positionals.length > 0 ? positionals : [baseline, candidate];
  const all = await gatherRun(sources, {
    config,
    concurrency: intFlag('concurrency', values.concurrency),
    modelConcurrency: intFlag('model-concurrency', values['model-concurrency']),
    onWarning: (w) => (json ? undefined : io.stderr.write(`warning: ${w}\n`)),
    // Labels run the suite here: its `judge` checks are graded as by `run`.
    ...(config ? { judge: labelJudge(config, cacheModeOf(values)), answers: labelAnswers(config, cacheModeOf(values)), suiteCaching: suiteCaching(config, cacheModeOf(values)), preflight: labelPreflight(config) } : {}),
  });
  const picked = selectRunModels(all, [baseline, candidate]);
  // A judge check counts only when its judge and rubric were calibrated with kappa >= gate.min_judge_kappa.
  const judged = countCalibratedJudges(picked, config ? readCalibrations(calibrationsFile(config.storeFile)) : [], config?.gate?.min_judge_kappa);
  const run = judged.run;
  if (!json) for (const n of judged.notes) io.stderr.write(`judge ${n.judge}, rubric ${n.rubric}: ${n.checks} check${n.checks === 1 ? '' : 's'} ${n.counted ? 'counted (calibrated)' : `not counted: ${n.reason}`}\n`);
  const comparison = compareRun(run, { seed: seedFlag(values.seed) });
  const result = evaluateGate(comparison, thresholds);

  const templateDir = typeof values.templates === 'string' ? path.resolve(values.templates) : config?.templates;
  if (typeof values.out === 'string') {
    const outDir = path.resolve(values.out);
    writeComparison(comparison, run, outDir, ['md', 'json', 'junit', 'html'], templateDir);
    writeFileSync(path.join(outDir, 'gate.json'), `${JSON.stringify(gateJson(result), null, 2)}\n`);
    // A run made by the gate itself is kept as results.json, so `history` and `compare` can read it later.
    if (positionals.length === 0) writeFileSync(path.join(outDir, 'results.json'), renderJson(all));
  }
  const text = renderGateText(result);
  appendStepSummary(`${renderCompareMarkdown(comparison, { templateDir, summaryOnly: true })}\n## Gate\n\n${codeBlock(text, 'text')}`);
  io.stdout.write(json ? `${JSON.stringify(judged.notes.length > 0 ? { ...gateJson(result), judges: judged.notes } : gateJson(result), null, 2)}\n` : text);
  return result.pass ? 0 : 1;
}
