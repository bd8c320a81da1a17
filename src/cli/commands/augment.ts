// `l4d2-eval augment prompts.yaml --model v2 --out DIR`: generate answers, judge them like `check`, keep the good,
// new ones as fine-tune JSONL. Running the same command again resumes an interrupted run or collects a batch.
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { io } from '../../core/io.js';
import { loadConfig } from '../../config/load.js';
import { estimateRun } from '../../cost/estimate.js';
import { UsageError, UserError } from '../../core/errors.js';
import { augment, unfinishedRun, type AugmentOutcome } from '../../flywheel/augment.js';
import { loadPrompts } from '../../flywheel/prompts.js';
import { DEFAULT_AUGMENT_SAMPLING, writeAugmentSuite } from '../../flywheel/suite-file.js';
import { spentUsd } from '../../run/assemble.js';
import { createProgress, progressMode } from '../../run/progress.js';
import { RunStore } from '../../run/store.js';
import { loadSuites } from '../../suite/multi.js';
import { intFlag, listFlag, type ParsedFlags } from '../args.js';
import { cacheModeOf, enforceMaxCost, interruptOnSigint, maxCostOf, openCache } from '../live-run.js';
import { checkOptionsFrom } from './check.js';
import { oneModel } from './generate.js';

function pollMs(value: string | boolean | undefined): number {
  if (typeof value !== 'string') return 30_000;
  const s = Number(value);
  if (!Number.isFinite(s) || s <= 0) throw new UsageError(`--poll must be a number of seconds, got "${value}"`);
  return s * 1000;
}

const rel = (f: string) => path.relative(process.cwd(), f) || f;

/** Handler of `augment`: 0 done or batch submitted, 3 some prompts got no answer, 130 interrupted. */
export async function augmentCommand(values: ParsedFlags, positionals: string[]): Promise<number> {
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'no prompt file' : 'give one prompt file', 'e.g. l4d2-eval augment suites/prompts/augment.yaml --model v2 --out reports/augment');
  const config = loadConfig(values.config as string | undefined);
  const model = oneModel(config, values.model, 'augment');
  const set = loadPrompts(path.resolve(positionals[0]!));
  const check = checkOptionsFrom(values);
  const samples = intFlag('samples', values.samples) ?? DEFAULT_AUGMENT_SAMPLING.samples;
  const against = (listFlag(values.against) ?? []).map((f) => path.resolve(f));
  const outDir = path.resolve(typeof values.out === 'string' ? values.out : 'reports/augment');
  if (against.some((f) => f.startsWith(outDir + path.sep))) throw new UsageError('an --against file is inside the --out folder, which augment rewrites', 'choose another --out folder');
  const suiteFile = writeAugmentSuite(outDir, set, { ...DEFAULT_AUGMENT_SAMPLING, samples, minScore: check.minScore });
  const { suite } = await loadSuites([suiteFile]);
  const json = values.json === true;
  const quiet = json || values.quiet === true;
  const store = new RunStore(config.storeFile);
  const cacheMode = cacheModeOf(values);
  const cache = openCache(config, [model], cacheMode);
  const interrupt = interruptOnSigint(quiet);
  const total = suite.cases.reduce((s, c) => s + c.samples, 0);
  const previous = unfinishedRun(store, suiteFile, model.label);
  // A Batch API run has no answers coming in one by one: no progress line.
  const progress = createProgress(total, values.batch === true || previous?.batch ? 'off' : progressMode(quiet));
  let outcome: AugmentOutcome;
  try {
    const limit = maxCostOf(values['max-cost']);
    if (!previous && limit !== undefined) {
      if (values.batch === true) {
        const estimate = estimateRun(suite, [model], store.outputTokensByCase()).reduce((s, e) => s + (e.batch ?? 0), 0);
        if (estimate > limit) throw new UserError('E_COST', `estimated Batch API cost $${estimate.toFixed(4)} is above --max-cost $${limit.toFixed(2)}; nothing was sent`, 'use fewer prompts or --samples, or raise --max-cost');
      } else enforceMaxCost(limit, suite, [model], store);
    }
    if (previous && !quiet) io.stderr.write(`${previous.batch ? 'collecting' : 'resuming'} augment run ${previous.runId}\n`);
    const run = () =>
      augment({
        config, model, set, suite, suiteFile, store, outDir, cache, cacheMode, against,
        batch: values.batch === true,
        minScore: check.minScore,
        nearDup: check.nearDup,
        signal: interrupt.signal,
        concurrency: intFlag('concurrency', values.concurrency),
        onItem: (item) => progress.update({ error: item.error, costUsd: spentUsd(model, [item]) ?? 0 }),
      });
    outcome = await run();
    while (outcome.state === 'batch_pending' && values.wait === true) {
      if (!quiet) io.stderr.write(`batch run ${outcome.runId} not finished yet; polling\n`);
      await sleep(pollMs(values.poll));
      outcome = await run();
    }
  } finally {
    interrupt.dispose();
    progress.end();
    cache?.close();
    store.close();
  }
  // The same command without --batch (a pending batch is found by itself): the flags that shape the output.
  const kept = (['config', 'out', 'samples', 'min-score', 'near-dup', 'against'] as const).flatMap((f) => (typeof values[f] === 'string' ? [`--${f}`, values[f] as string] : []));
  const again = `l4d2-eval ${['augment', positionals[0]!, '--model', model.label, ...kept].join(' ')}`;
  if (outcome.state === 'interrupted') {
    io.stderr.write(`augment run ${outcome.runId} interrupted: ${outcome.stored} of ${outcome.total} answers stored.\nResume with the same command: ${again}\n`);
    return 130;
  }
  if (outcome.state === 'batch_pending') {
    if (json) io.stdout.write(JSON.stringify({ runId: outcome.runId, status: 'batch_pending', accepted: null, rejected: null, acceptedFile: null, costUsd: null }, null, 2) + '\n');
    else {
      const lines = outcome.submitted
        ? [`augment run ${outcome.runId} submitted to the Batch API (results within 24 h):`, ...outcome.batches.map((b) => `  ${b.model}: ${'lines' in b ? `${b.lines} requests in batch ${b.batchId}` : `${b.id} ${b.status}`}`)]
        : [`augment run ${outcome.runId} is not finished yet:`, ...outcome.batches.map((b) => `  ${b.model}: ${'id' in b ? `${b.id} ${b.status} ${b.completed}/${b.total}` : b.batchId}`)];
      lines.push(`Collect and filter with the same command (add --wait to poll): ${again}`);
      io.stdout.write(lines.join('\n') + '\n');
    }
    return 0;
  }
  const f = outcome.filter;
  if (json) {
    io.stdout.write(JSON.stringify({ runId: outcome.runId, accepted: f.accepted, rejected: f.rejected, acceptedFile: f.outputs.accepted, costUsd: outcome.costUsd }, null, 2) + '\n');
  } else {
    const lines = [
      `augment run ${outcome.runId}${outcome.resumed ? ' (resumed)' : ''}: model ${model.label}, ${set.prompts.length} prompts × ${samples} sample${samples === 1 ? '' : 's'}${set.duplicates ? ` (${set.duplicates} repeated prompts dropped)` : ''}`,
      `${f.accepted} accepted, ${f.rejected} rejected${against.length ? ` (checked against ${f.againstExamples} examples of ${against.map(rel).join(', ')})` : ''}`,
      ...f.reasons.slice(0, 8).map((r) => `  ${String(r.count).padStart(6)}  ${r.code}`),
      `accepted: ${rel(f.outputs.accepted!)}`,
      `rejected: ${rel(f.outputs.rejected!)}`,
      `report:   ${rel(f.outputs.markdown!)}`,
      `cost:     ${outcome.costUsd === null ? 'n/a (no pricing)' : `$${outcome.costUsd.toFixed(4)}`}`,
    ];
    io.stdout.write(lines.join('\n') + '\n');
  }
  if (f.unanswered > 0) {
    io.stderr.write(`${f.unanswered} prompt answer${f.unanswered === 1 ? '' : 's'} could not be obtained (listed in ${rel(f.outputs.rejected!)}); run the same command again to ask for them (stored answers are not paid again)\n`);
    return 3;
  }
  return 0;
}
