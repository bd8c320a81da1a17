// `record`: the answers a model really gave in a stored run, written as replay files (the layout the replay provider
// reads) with a manifest saying where they come from. A replay folder with this manifest holds recorded answers; one
// without it holds hand-written sample answers (see fixtures/README.md).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../core/errors.js';
import { HARNESS_VERSION } from '../core/version.js';
import type { RunStore } from '../run/store.js';
import { MANIFEST_FILE, type RecordingManifest } from '../providers/recording.js';

export { MANIFEST_FILE, readManifest, type RecordingManifest } from '../providers/recording.js';

/** What an export did. */
export interface RecordResult {
  dir: string;
  manifest: RecordingManifest;
  /** Answer files that existed before and were replaced. */
  replaced: string[];
}

/** Writes the model's answers of a stored run into `dir` as `<case>.md` (one sample) or `<case>.<n>.md`, plus the manifest. */
export function recordRun(store: RunStore, runId: string, label: string, dir: string, now = new Date()): RecordResult {
  const meta = store.meta(runId);
  if (!meta) throw new UserError('E_RUN', `no run "${runId}" in the run store`, 'list runs with `l4d2-eval runs` (the store is the config\'s `store:`, default .l4d2-eval/runs.db)');
  const model = meta.models.find((m) => m.label === label);
  if (!model) throw new UserError('E_USAGE', `run ${runId} has no model "${label}"`, `its models: ${meta.models.map((m) => m.label).join(', ')}`);
  // A replay model's answers are files already; exporting them would label sample answers as a real model's.
  if (model.provider === 'replay') throw new UserError('E_USAGE', `model "${label}" of run ${runId} replays answer files (provider replay): there is no model answer to record`, `record a run of a live model (provider openai), e.g. l4d2-eval run --models <live label>, then l4d2-eval record --run <its id> --model <live label> --out DIR`);
  const items = store.items(runId).filter((i) => i.model === label);
  if (items.length === 0) throw new UserError('E_RUN', `run ${runId} stored no answer of model "${label}"`, 'pick a finished run with `l4d2-eval runs`');
  const samples = new Map<string, number>();
  for (const i of items) samples.set(i.caseId, Math.max(samples.get(i.caseId) ?? 0, i.sample));
  const caseOrder = new Map(meta.cases.map((c, i) => [c.id, i]));
  items.sort((a, b) => (caseOrder.get(a.caseId) ?? 0) - (caseOrder.get(b.caseId) ?? 0) || a.sample - b.sample);
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  const replaced: string[] = [];
  const missing: RecordingManifest['missing'] = [];
  for (const item of items) {
    if (item.answer === null || item.status === 'error') {
      missing.push({ caseId: item.caseId, sample: item.sample, error: item.error?.message ?? 'no answer' });
      continue;
    }
    const name = samples.get(item.caseId) === 1 ? `${item.caseId}.md` : `${item.caseId}.${item.sample}.md`;
    const file = path.join(dir, name);
    if (existsSync(file)) replaced.push(name);
    writeFileSync(file, item.answer);
    files.push(name);
  }
  const manifest: RecordingManifest = {
    kind: 'l4d2-eval recording',
    harnessVersion: HARNESS_VERSION,
    model: { label, id: model.id, provider: model.provider, ...(model.params ? { params: model.params } : {}) },
    runId,
    runStartedAt: meta.startedAt,
    recordedAt: now.toISOString(),
    suite: meta.suite.name,
    answers: files.length,
    files,
    missing,
  };
  writeFileSync(path.join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  return { dir, manifest, replaced };
}
