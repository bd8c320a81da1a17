import { io } from '../../core/io.js';
import path from 'node:path';
import { loadConfig } from '../../config/load.js';
import { selectModels } from '../../config/models.js';
import { reporters } from '../../report/index.js';
import { fullyCachedModels } from '../../run/run.js';
import { runSession } from '../../run/session.js';
import { RunStore } from '../../run/store.js';
import { createProgress, progressMode } from '../../run/progress.js';
import { spentUsd } from '../../run/assemble.js';
import { cacheModeOf, configArg, enforceMaxCost, interruptOnSigint, maxCostOf, openCache, resumable, suiteCaching } from '../live-run.js';
import { loadSuites } from '../../suite/multi.js';
import { countFlag, intFlag, listFlag, type ParsedFlags } from '../args.js';
import { unjudged, unjudgedLines } from '../unjudged.js';
import { parseFormats, useColor, writeReports } from '../output.js';
import { UserError } from '../../core/errors.js';
import { enforceMaxCostWithJudges, judgeLines, judgeModelsOf, judgingOf } from '../judging.js';
import { preflight } from '../preflight.js';
import { shardPlan } from '../shard.js';

/** `l4d2-eval run`: suite × models → scored results and reports. */
export async function runCommand(values: ParsedFlags, positionals: string[]): Promise<number> {
  const config = loadConfig(values.config as string | undefined);
  const store = new RunStore(config.storeFile);
  const resume = typeof values.resume === 'string' ? resumable(store, values.resume, values) : undefined;
  // A batch run's answers come from the Batch API: asking them directly would pay twice.
  if (resume?.batch) throw new UserError('E_RUN', `run ${resume.runId} was sent to the Batch API`, `collect it with \`l4d2-eval batch collect ${resume.runId}${configArg(values)}\` (--resubmit sends missing items again)`);
  const files = resume ? (resume.entryFiles ?? resume.suite.files) : positionals.length > 0 ? positionals : [path.relative(process.cwd(), config.suite) || config.suite];
  const cacheMode = cacheModeOf(values);
  const { suite, warnings } = await loadSuites(files, suiteCaching(config, cacheMode));
  const json = values.json === true;
  if (!json) for (const w of warnings) io.stderr.write(`warning: ${w}\n`);
  const labels = resume ? resume.models.map((m) => m.label) : listFlag(values.models);
  const models = selectModels(config, labels, suite.models ? { labels: suite.models, file: suite.files[0]! } : undefined);
  const shard = shardPlan(values, suite, models);
  // Flags read later are checked now, before anything is shown or sent.
  intFlag('concurrency', values.concurrency);
  countFlag('allow-errors', values['allow-errors']);
  // Judge models of `judge` checks are checked before anything is sent, and use the run's cache.
  const judges = judgeModelsOf(suite, config);
  const cache = openCache(config, [...models, ...judges], cacheMode);
  // Before the first paid request: report folder and store writable, keys present, servers reachable, prices known;
  // models the cache answers in full (a re-run) are asked nothing, so their server and key are not needed.
  const answered = resume || cacheMode !== 'use' ? new Set<string>() : fullyCachedModels(cache, models, suite.cases, shard?.include);
  await preflight({
    models: models.filter((m) => !answered.has(m.label)),
    onFail: () => cache?.close(),
    outDir: values.batch === true ? undefined : path.resolve(typeof values.out === 'string' ? values.out : config.out),
    checkStore: () => store.assertWritable(),
    maxCost: maxCostOf(values['max-cost']),
    allowUnpriced: values['allow-unpriced'] === true,
    configFile: config.file,
  });
  if (values.batch === true) {
    cache?.close();
    // The Batch API client (and the OpenAI SDK under it) loads only for batch runs.
    const { submitBatchCommand } = await import('./batch.js');
    return submitBatchCommand({ values, config, store, suite, models, files, cacheMode });
  }
  enforceMaxCost(maxCostOf(values['max-cost']), suite, models, store);
  enforceMaxCostWithJudges(maxCostOf(values['max-cost']), suite, models, config, store);
  const formats = parseFormats(listFlag(values.format) ?? config.formats);
  const outDir = path.resolve(typeof values.out === 'string' ? values.out : config.out);
  const total = shard?.total ?? suite.cases.reduce((s, c) => s + c.samples, 0) * models.length;
  const progress = createProgress(total, progressMode(json || values.quiet === true));
  // A resumed run counts on from what is stored (its error items are asked again, so they are not done).
  if (resume) {
    const c = store.itemCounts(resume.runId);
    progress.resumeFrom(c.stored - c.errors);
  }
  const byLabel = new Map(models.map((m) => [m.label, m]));
  const judging = judgingOf(suite, config, cache, cacheMode);
  const interrupt = interruptOnSigint(json || values.quiet === true);
  const run = await runSession({
    suite,
    models,
    store,
    cache,
    cacheMode,
    resume: resume?.runId,
    configFile: config.file,
    entryFiles: files.map((f) => path.resolve(f)),
    signal: interrupt.signal,
    concurrency: intFlag('concurrency', values.concurrency),
    ...(shard ? { include: shard.include } : {}),
    modelConcurrency: intFlag('model-concurrency', values['model-concurrency']),
    ...(config.compiler ? { compiler: config.compiler } : {}),
    ...(judging ? { afterJudge: judging.hook } : {}),
    onItem: (item) => progress.update({ error: item.error, costUsd: spentUsd(byLabel.get(item.model)!, [item]) ?? 0 }),
    scheduler: { onRetry: (e) => progress.retry(e) },
  }).finally(() => {
    interrupt.dispose();
    progress.end();
    cache?.close();
    store.close();
  });
  if (run.status === 'interrupted') {
    io.stderr.write(`Run ${run.runId} interrupted: ${run.items.length} of ${total} items stored.\nResume with: l4d2-eval run --resume ${run.runId}${values.config ? ` --config ${String(values.config)}` : ''}${shard ? ` --shard ${String(values.shard)}` : ''}\n`);
    return 130;
  }
  const templateDir = typeof values.templates === 'string' ? path.resolve(values.templates) : config.templates;
  let written: string[];
  try {
    written = writeReports(shard ? shard.tag(run) : run, outDir, formats, { templateDir });
  } catch (err) {
    // The answers are stored and paid for: say how to get the reports once the cause is fixed.
    const why = err instanceof Error ? err.message : String(err);
    throw new UserError('E_REPORT', `run ${run.runId} finished and is stored, but its reports could not be written to ${outDir}: ${why}`, `fix the cause (the folder, or --templates), then: l4d2-eval report --run ${run.runId} --out DIR${values.config ? ` --config ${String(values.config)}` : ''}`);
  }
  const allowed = countFlag('allow-errors', values['allow-errors']) ?? 0;
  const groups = unjudged(run);
  const failedToJudge = groups.reduce((s, g) => s + g.count, 0) > allowed;
  if (groups.length > 0) io.stderr.write(unjudgedLines(groups, allowed).join('\n') + `\nFix the cause, then ask them again with: l4d2-eval run --resume ${run.runId}${configArg(values)}\n`);
  if (json) {
    const summary = {
      runId: run.runId,
      suite: run.suite.name,
      reportDir: outDir,
      models: run.models.map((m) => ({
        label: m.label,
        modelId: m.modelId,
        cases: m.cases,
        avgScore: m.avgScore,
        passRate: m.passRate,
        syntaxRate: m.syntaxRate,
        apiAccuracy: m.apiAccuracy,
        compileRate: m.compileRate ?? null,
        compileMode: m.compileMode ?? null,
        unknownApis: m.unknownApis.reduce((s, u) => s + u.count, 0),
        costUsd: m.costUsd,
        // One shape for every provider: a replay model sends no request, so its counters are 0.
        requests: m.requests ?? 0,
        cachedResponses: m.cachedResponses ?? 0,
        retries: m.retries ?? 0,
        errors: m.errors,
        inputTokens: m.inputTokens,
        outputTokens: m.outputTokens,
      })),
      ...(run.judges ? { judges: run.judges } : {}),
    };
    io.stdout.write(JSON.stringify(summary, null, 2) + '\n');
    return failedToJudge ? EXIT_UNJUDGED : 0;
  }
  io.stdout.write(reporters.table.render(run, { color: useColor() }) + '\n');
  for (const line of judgeLines(run)) io.stdout.write(`${line}\n`);
  io.stdout.write(`\nRun ${run.runId}: ${written.map((f) => path.relative(process.cwd(), f)).join(', ')}\n`);
  return failedToJudge ? EXIT_UNJUDGED : 0;
}

/** Exit code of a run where more items than allowed could not be judged (provider or compiler trouble). */
export const EXIT_UNJUDGED = 3;
