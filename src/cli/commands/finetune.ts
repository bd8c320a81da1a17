// `l4d2-eval finetune train.jsonl --from v2 --as v3`: check the file like `check`, upload it, start the job, follow
// it and register the fine-tuned model as a new label; `finetune status|cancel [jobId]` act on a stored job.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { io } from '../../core/io.js';
import { loadConfig, type Config } from '../../config/load.js';
import { selectModels } from '../../config/models.js';
import { UsageError, UserError } from '../../core/errors.js';
import { checkFiles, checkSpecsFor, DEFAULT_CHECK_OPTIONS, type CheckSummary } from '../../dataset/index.js';
import { FineTuneClient, JOB_TERMINAL, type JobState } from '../../flywheel/finetune.js';
import { JobStore, type JobRow } from '../../flywheel/jobs.js';
import { addModelLabel } from '../../flywheel/label.js';
import { intFlag, type ParsedFlags } from '../args.js';

const LABEL = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const rel = (f: string) => path.relative(process.cwd(), f) || f;
const withConfig = (values: ParsedFlags) => (typeof values.config === 'string' ? ` --config ${values.config}` : '');

function pollMs(value: string | boolean | undefined): number {
  if (typeof value !== 'string') return 30_000;
  const s = Number(value);
  if (!Number.isFinite(s) || s <= 0) throw new UsageError(`--poll must be a number of seconds, got "${value}"`);
  return s * 1000;
}

function str(values: ParsedFlags, name: 'from' | 'as' | 'suffix' | 'base' | 'validation'): string | undefined {
  const v = values[name];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

/** Checks a file exactly as `check` does (default options); prints one line per file. */
async function checkFile(file: string, outDir: string, quiet: boolean): Promise<CheckSummary> {
  const s = await checkFiles([file], DEFAULT_CHECK_OPTIONS, checkSpecsFor(), { outDir, inlineReasons: true });
  if (!quiet) {
    io.stderr.write(`check ${rel(file)}: ${s.accepted} of ${s.checked} lines accepted, ${s.rejected} rejected (report: ${rel(s.outputs.markdown!)})\n`);
    for (const r of s.reasons.slice(0, 6)) io.stderr.write(`  ${String(r.count).padStart(6)}  ${r.code}\n`);
  }
  return s;
}

interface Follow {
  config: Config;
  jobs: JobStore;
  client: FineTuneClient;
  values: ParsedFlags;
}

/** Reads the job (and, with --wait, polls until it ends), printing new events; writes the label on success. */
async function follow(row: JobRow, f: Follow): Promise<{ state: JobState; labelNote?: string }> {
  const quiet = f.values.json === true || f.values.quiet === true;
  const wait = f.values.wait === true;
  const every = pollMs(f.values.poll);
  let lastEvent = row.lastEventId ?? undefined;
  let state: JobState;
  for (;;) {
    state = await f.client.retrieve(row.jobId);
    const events = await f.client.events(row.jobId, lastEvent);
    for (const e of events) if (!quiet) io.stderr.write(`  ${new Date(e.createdAt * 1000).toISOString().slice(11, 19)}  ${e.level === 'info' ? '' : `${e.level}: `}${e.message}\n`);
    if (events.length > 0) lastEvent = events[events.length - 1]!.id;
    f.jobs.update(row.jobId, { status: state.status, fineTunedModel: state.fineTunedModel, error: state.error ? JSON.stringify(state.error) : null, ...(lastEvent ? { lastEventId: lastEvent } : {}) });
    if (JOB_TERMINAL.has(state.status) || !wait) break;
    if (!quiet) io.stderr.write(`job ${row.jobId}: ${state.status}\n`);
    await sleep(every);
  }
  if (state.status !== 'succeeded' || !state.fineTunedModel) return { state };
  const current = f.jobs.get(row.jobId)!;
  if (current.labelWrittenAt) return { state, labelNote: `label ${row.label} was added to ${rel(row.configFile)} earlier` };
  const description = `Fine-tune of ${row.fromLabel} (job ${row.jobId}) on ${path.basename(row.trainingFile)}`;
  const out = addModelLabel(row.configFile, row.fromLabel, row.label, state.fineTunedModel, description);
  for (const n of out.notes) io.stderr.write(`note: ${n}\n`);
  if (out.written) f.jobs.update(row.jobId, { labelWrittenAt: new Date().toISOString() });
  if (out.written) return { state, labelNote: `added label ${row.label} (${state.fineTunedModel}) to ${rel(out.file)}` };
  io.stderr.write(`could not write ${rel(out.file)} (${out.reason}); add this under models: yourself:\n${out.snippet}`);
  return { state, labelNote: `label ${row.label} NOT written: add the YAML above to ${rel(out.file)}` };
}

/** Prints the outcome; exit 1 when the job failed or was cancelled, 0 otherwise. */
function report(row: JobRow, r: { state: JobState; labelNote?: string }, values: ParsedFlags): number {
  const { state } = r;
  if (values.json === true) {
    io.stdout.write(JSON.stringify({ jobId: row.jobId, status: state.status, fineTunedModel: state.fineTunedModel, label: state.status === 'succeeded' ? row.label : null, ...(state.error ? { error: state.error } : {}) }, null, 2) + '\n');
  } else if (state.status === 'succeeded') {
    io.stdout.write(`job ${row.jobId} succeeded: ${state.fineTunedModel}\n${r.labelNote ?? ''}\nNext: l4d2-eval run --models ${row.fromLabel},${row.label}${withConfig(values)} && l4d2-eval gate --baseline ${row.fromLabel} --candidate ${row.label}${withConfig(values)}\n`);
  } else if (!JOB_TERMINAL.has(state.status)) {
    io.stdout.write(`job ${row.jobId}: ${state.status} (base ${row.baseModel})\nFollow it with: l4d2-eval finetune status ${row.jobId}${withConfig(values)} --wait\n`);
  }
  if (state.status === 'failed') {
    const e = state.error;
    io.stderr.write(`error: fine-tuning job ${row.jobId} failed: ${e ? `${e.message}${e.code ? ` (${e.code}${e.param ? `, ${e.param}` : ''})` : ''}` : 'no reason given'}\nhint: fix ${rel(row.trainingFile)} (see \`l4d2-eval check ${rel(row.trainingFile)}\`) and start a new job\n`);
    return 1;
  }
  if (state.status === 'cancelled') {
    io.stderr.write(`job ${row.jobId} was cancelled\n`);
    return 1;
  }
  return 0;
}

/** `finetune status|cancel [jobId]`. */
async function jobCommand(sub: 'status' | 'cancel', args: string[], values: ParsedFlags): Promise<number> {
  if (args.length > 1) throw new UsageError(`unexpected argument "${args[1]}"`, `give at most one job id: l4d2-eval finetune ${sub} [jobId]`);
  const config = loadConfig(values.config as string | undefined);
  const jobs = new JobStore(config.storeFile);
  try {
    const row = args[0] ? jobs.get(args[0]) : jobs.latest();
    if (!row) throw new UserError('E_JOB', args[0] ? `no fine-tuning job ${args[0]} in ${rel(config.storeFile)}` : `no fine-tuning job in ${rel(config.storeFile)}`, 'start one with `l4d2-eval finetune train.jsonl --from LABEL --as NEW_LABEL`');
    const from = config.models[row.fromLabel];
    if (!from) throw new UserError('E_CONFIG', `model ${row.fromLabel}, whose connection started job ${row.jobId}, is not in ${rel(config.file)} any more`, 'add it back (its base URL and key are needed to reach the job)');
    const client = new FineTuneClient(from);
    if (sub === 'cancel') {
      const state = await client.cancel(row.jobId);
      jobs.update(row.jobId, { status: state.status });
      if (values.json === true) io.stdout.write(JSON.stringify({ jobId: row.jobId, status: state.status, fineTunedModel: state.fineTunedModel, label: null }, null, 2) + '\n');
      else io.stdout.write(`job ${row.jobId}: ${state.status}\n`);
      return 0;
    }
    return report(row, await follow(row, { config, jobs, client, values }), values);
  } finally {
    jobs.close();
  }
}

/** Handler of `finetune`. */
export async function finetuneCommand(values: ParsedFlags, positionals: string[]): Promise<number> {
  const [first, ...rest] = positionals;
  if (first === 'status' || first === 'cancel') return jobCommand(first, rest, values);
  if (first === undefined) throw new UsageError('no training file', 'e.g. l4d2-eval finetune reports/augment/accepted.jsonl --from v2 --suffix l4d2-v3 --as v3 --wait');
  if (rest.length > 0) throw new UsageError(`unexpected argument "${rest[0]}"`, 'give one training file (a validation file goes with --validation)');
  const config = loadConfig(values.config as string | undefined);
  const fromLabel = str(values, 'from');
  const label = str(values, 'as');
  if (!fromLabel) throw new UsageError('finetune needs --from LABEL', `the model whose connection trains; labels in ${rel(config.file)}: ${Object.keys(config.models).join(', ')}`);
  if (!label) throw new UsageError('finetune needs --as LABEL', 'the label the fine-tuned model gets in the config, e.g. --as v3');
  if (!LABEL.test(label)) throw new UsageError(`--as "${label}" is not a valid label`, 'labels use letters, digits, ".", "_", "-"');
  if (config.models[label]) throw new UserError('E_CONFIG', `label ${label} already exists in ${rel(config.file)}`, 'choose another --as label');
  const from = selectModels(config, [fromLabel])[0]!;
  const client = new FineTuneClient(from); // a replay model or a missing key fails before anything is read or sent
  const epochs = intFlag('epochs', values.epochs);
  const train = path.resolve(first);
  const validation = str(values, 'validation');
  const quiet = values.json === true || values.quiet === true;
  const outDir = path.resolve(typeof values.out === 'string' ? values.out : 'reports/finetune-check');
  const checked = [await checkFile(train, path.join(outDir, 'training'), quiet), ...(validation ? [await checkFile(path.resolve(validation), path.join(outDir, 'validation'), quiet)] : [])];
  const rejected = checked.reduce((s, c) => s + c.rejected, 0);
  if (rejected > 0 && values.force !== true) {
    io.stderr.write(`error: the check rejected ${rejected} line${rejected === 1 ? '' : 's'}: nothing was uploaded\nhint: train on the accepted lines (${checked.map((c) => rel(c.outputs.accepted!)).join(', ')}), or pass --force to upload as is\n`);
    return 1;
  }
  if (checked[0]!.accepted === 0 && values.force !== true) throw new UserError('E_INPUT', `${rel(train)} has no example to train on`, 'give a chat fine-tune JSONL file (`augment` writes one)');
  const trainingFileId = await client.upload(readFileSync(train), path.basename(train));
  const validationFileId = validation ? await client.upload(readFileSync(validation), path.basename(validation)) : undefined;
  const baseModel = str(values, 'base') ?? from.id;
  const suffix = str(values, 'suffix');
  const job = await client.create({ trainingFileId, baseModel, ...(validationFileId ? { validationFileId } : {}), ...(suffix ? { suffix } : {}), ...(epochs !== undefined ? { epochs } : {}) });
  const jobs = new JobStore(config.storeFile);
  try {
    jobs.add({ jobId: job.id, fromLabel, label, baseModel, suffix: suffix ?? null, trainingFile: train, trainingFileId, validationFileId: validationFileId ?? null, configFile: config.file, status: job.status });
    if (!quiet) io.stderr.write(`job ${job.id} created: base ${baseModel}${suffix ? `, suffix ${suffix}` : ''}, training file ${trainingFileId}${validationFileId ? `, validation file ${validationFileId}` : ''}\n`);
    const row = jobs.get(job.id)!;
    return report(row, await follow(row, { config, jobs, client, values }), values);
  } finally {
    jobs.close();
  }
}
