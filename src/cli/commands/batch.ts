// `run --batch`, `batch status` and `batch collect`: the Batch API round trip. The library does the
// work (src/batch/); this file parses flags, prints, writes reports and picks the exit code.
import { io } from '../../core/io.js';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { batchStates, collectRun, missingWork, type BatchReport, type MissingItem } from '../../batch/collect.js';
import { batchRunContext, batchRunId } from '../../batch/context.js';
import { loadBatchRun } from '../../batch/result.js';
import { BatchStore } from '../../batch/store.js';
import { sendWork, submitBatchRun, type SentBatch } from '../../batch/submit.js';
import { loadConfig, type Config } from '../../config/load.js';
import type { ModelConfig } from '../../config/schema.js';
import { estimateRun } from '../../cost/estimate.js';
import { UsageError, UserError } from '../../core/errors.js';
import { reporters } from '../../report/index.js';
import type { CacheMode } from '../../run/cache.js';
import { RunStore } from '../../run/store.js';
import type { Suite } from '../../types/suite.js';
import { listFlag, type ParsedFlags } from '../args.js';
import { cacheModeOf, configArg, maxCostOf, openCache } from '../live-run.js';
import { parseFormats, useColor, writeReports } from '../output.js';
import { judgeModelsOf, judgingOf } from '../judging.js';

const out = (s: string) => io.stdout.write(s + '\n');
const withConfig = (values: ParsedFlags) => (typeof values.config === 'string' ? ` --config ${values.config}` : '');
const sentLine = (b: SentBatch) => `  ${b.model}: ${b.lines} request${b.lines === 1 ? '' : 's'} in batch ${b.batchId}`;
const stateLine = (b: BatchReport) => `  ${b.model}  ${b.id}  ${b.status}  ${b.completed}/${b.total} done, ${b.failed} failed${b.collected ? '  (collected)' : ''}`;

/** What `run` hands over when --batch is set. */
export interface BatchSubmitContext {
  values: ParsedFlags;
  config: Config;
  store: RunStore;
  suite: Suite;
  models: ModelConfig[];
  files: string[];
  cacheMode: CacheMode;
}

/** `run --batch`: submit and exit; closes the store. */
export async function submitBatchCommand(c: BatchSubmitContext): Promise<number> {
  const { values, config, store } = c;
  const batches = new BatchStore(store.file);
  // `judge` checks are graded through the judge's direct API when the answers are judged (cached ones now, the rest at collect).
  const cache = openCache(config, [...c.models, ...judgeModelsOf(c.suite, config)], c.cacheMode);
  const judging = judgingOf(c.suite, config, cache, c.cacheMode);
  try {
    if (values.resume !== undefined) throw new UsageError('--batch cannot be combined with --resume', 'collect or resubmit a batch run with `l4d2-eval batch collect <runId> [--resubmit]`');
    const limit = maxCostOf(values['max-cost']);
    const estimate = estimateRun(c.suite, c.models, store.outputTokensByCase()).reduce((s, e) => s + (e.batch ?? 0), 0);
    if (limit !== undefined && estimate > limit) throw new UserError('E_COST', `estimated Batch API cost $${estimate.toFixed(4)} is above --max-cost $${limit.toFixed(2)}; nothing was sent`, `see \`l4d2-eval estimate --batch${configArg(values)}\`, or raise --max-cost`);
    const { runId, sent } = await submitBatchRun(c.suite, c.models, { store, batches, cache, cacheMode: c.cacheMode, compiler: config.compiler, ...(judging ? { afterJudge: judging.hook } : {}), configFile: config.file, entryFiles: c.files.map((f) => path.resolve(f)) });
    const cached = store.items(runId).length;
    if (values.json === true) out(JSON.stringify({ runId, status: store.status(runId)?.status, batches: sent, cachedResponses: cached }, null, 2));
    else if (sent.length === 0) out(`Run ${runId}: every answer came from the cache, nothing was sent. Write its reports with: l4d2-eval batch collect ${runId}${withConfig(values)}`);
    else {
      out(`Run ${runId} submitted to the Batch API (results within 24 h)${cached ? `; ${cached} answers came from the cache` : ''}:`);
      for (const b of sent) out(sentLine(b));
      out(`Check with:   l4d2-eval batch status ${runId}${withConfig(values)}\nCollect with: l4d2-eval batch collect ${runId}${withConfig(values)} [--wait]`);
    }
    return 0;
  } finally {
    cache?.close();
    batches.close();
    store.close();
  }
}

function pollMs(value: string | boolean | undefined): number {
  if (typeof value !== 'string') return 30_000;
  const s = Number(value);
  if (!Number.isFinite(s) || s <= 0) throw new UsageError(`--poll must be a number of seconds, got "${value}"`);
  return s * 1000;
}

function printMissing(missing: MissingItem[], runId: string, values: ParsedFlags, resubmitting: boolean): void {
  if (missing.length === 0) return;
  const err = (s: string) => io.stderr.write(s + '\n');
  err(`${missing.length} item${missing.length === 1 ? '' : 's'} missing (stored as errors):`);
  for (const m of missing) err(`  ${m.model}  ${m.caseId} #${m.sample}: ${m.reason}`);
  if (!resubmitting) err(`Send only these again with: l4d2-eval batch collect ${runId}${withConfig(values)} --resubmit`);
}

/** `l4d2-eval batch <status|collect> [runId]`. */
export async function batchCommand(values: ParsedFlags, positionals: string[]): Promise<number> {
  const [sub, id, ...extra] = positionals;
  if (sub !== 'status' && sub !== 'collect') throw new UsageError(sub ? `unknown batch command "${sub}"` : 'missing batch command', 'use `l4d2-eval batch status [runId]` or `l4d2-eval batch collect [runId] [--wait] [--resubmit]`');
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`, 'give at most one run id');
  if (sub === 'status' && (values.wait || values.resubmit)) throw new UsageError('--wait and --resubmit are options of `batch collect`');
  const config = loadConfig(values.config as string | undefined);
  const store = new RunStore(config.storeFile);
  const batches = new BatchStore(store.file);
  const cacheMode = cacheModeOf(values);
  let cache: ReturnType<typeof openCache> = undefined;
  try {
    const runId = batchRunId(batches, store, id);
    const ctx = await batchRunContext(config, store, runId);
    const json = values.json === true;
    if (sub === 'status') {
      const states = await batchStates(runId, { batches, models: ctx.models });
      const status = store.status(runId)?.status;
      if (json) out(JSON.stringify({ runId, status, batches: states }, null, 2));
      else out([`Run ${runId} (${status}):`, ...states.map(stateLine)].join('\n'));
      return 0;
    }
    cache = openCache(config, [...ctx.models, ...judgeModelsOf(ctx.suite, config)], cacheMode);
    const judging = judgingOf(ctx.suite, config, cache, cacheMode);
    const opts = { store, batches, suite: ctx.suite, models: ctx.models, cache, cacheMode, compiler: config.compiler, ...(judging ? { afterJudge: judging.hook } : {}) };
    const wait = pollMs(values.poll);
    let res = await collectRun(runId, opts);
    while (res.pending.length > 0 && values.wait === true) {
      if (!json && values.quiet !== true) io.stderr.write(res.pending.map(stateLine).join('\n') + '\n');
      await sleep(wait);
      res = await collectRun(runId, opts);
    }
    if (res.pending.length > 0) {
      if (json) out(JSON.stringify({ runId, status: 'batch_pending', batches: res.batches, missing: [] }, null, 2));
      else out([`Run ${runId} is not finished yet:`, ...res.batches.map(stateLine), `Collect again later: l4d2-eval batch collect ${runId}${withConfig(values)} (or add --wait)`].join('\n'));
      return 0;
    }
    const run = loadBatchRun(store, runId)!;
    const outDir = path.resolve(typeof values.out === 'string' ? values.out : config.out);
    const written = writeReports(run, outDir, parseFormats(listFlag(values.format) ?? config.formats), { templateDir: typeof values.templates === 'string' ? path.resolve(values.templates) : config.templates });
    const resubmitted = values.resubmit === true && res.missing.length > 0 ? await sendWork(runId, ctx.models, missingWork(ctx, res.missing), { store, batches, cache, cacheMode, compiler: config.compiler, ...(judging ? { afterJudge: judging.hook } : {}) }) : [];
    if (json) {
      const models = run.models.map((m) => ({ label: m.label, avgScore: m.avgScore, passRate: m.passRate, errors: m.errors, requests: m.requests ?? 0, cachedResponses: m.cachedResponses ?? 0, inputTokens: m.inputTokens, outputTokens: m.outputTokens, costUsd: m.costUsd }));
      out(JSON.stringify({ runId, status: store.status(runId)?.status, reportDir: outDir, batches: res.batches, missing: res.missing, resubmitted, models }, null, 2));
      return 0;
    }
    out(reporters.table.render(run, { color: useColor() }));
    out(`\nRun ${runId}: ${written.map((f) => path.relative(process.cwd(), f)).join(', ')}`);
    printMissing(res.missing, runId, values, resubmitted.length > 0);
    if (resubmitted.length > 0) out([`Resubmitted the missing items:`, ...resubmitted.map(sentLine), `Collect with: l4d2-eval batch collect ${runId}${withConfig(values)} [--wait]`].join('\n'));
    return 0;
  } finally {
    cache?.close();
    batches.close();
    store.close();
  }
}
