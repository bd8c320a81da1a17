// A replay folder's provenance: `l4d2-eval record` writes manifest.json next to the answers it exports; a folder
// without one holds hand-written sample answers (fixtures/README.md). Reports and `doctor` say which.
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The file `record` writes next to the answers. */
export const MANIFEST_FILE = 'manifest.json';

/** What a recording is: which model, which run, when, with which settings. */
export interface RecordingManifest {
  kind: 'l4d2-eval recording';
  harnessVersion: string;
  /** The model as configured when the run was made. */
  model: { label: string; id: string; provider: string; params?: unknown };
  runId: string;
  /** When the run started (the answers' date) and when they were exported. */
  runStartedAt: string;
  recordedAt: string;
  suite: string;
  /** Answer files written; items that had no answer (errors) are listed in `missing`. */
  answers: number;
  files: string[];
  missing: { caseId: string; sample: number; error: string }[];
}

/** The manifest of a replay folder, or undefined when it has none (hand-written sample answers) or it is not ours. */
export function readManifest(dir: string): RecordingManifest | undefined {
  try {
    const data = JSON.parse(readFileSync(path.join(dir, MANIFEST_FILE), 'utf8')) as Partial<RecordingManifest>;
    return data.kind === 'l4d2-eval recording' && typeof data.runId === 'string' ? (data as RecordingManifest) : undefined;
  } catch {
    return undefined;
  }
}

/** What a replay folder holds: answers recorded from a model (a manifest), or sample answers. */
export function replayAnswers(dir: string): 'recorded' | 'sample' {
  return readManifest(dir) ? 'recorded' : 'sample';
}
