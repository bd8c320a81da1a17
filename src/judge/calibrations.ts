// Calibration records (`calibrate` writes them beside the run store) and how the gate uses them: a judge check counts
// only when its judge model and rubric were calibrated with a kappa of at least `gate.min_judge_kappa`.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../core/errors.js';
import { assembleRun } from '../run/assemble.js';
import { scoreChecks } from '../score/score.js';
import { judgeDetails } from '../score/judges.js';
import type { RunResult } from '../types/run.js';

/** What one `calibrate` measured for a judge model and a rubric. */
export interface CalibrationRecord {
  judge: string;
  modelId: string;
  servedModels: string[];
  rubricId: string;
  rubricHash: string;
  labels: string;
  labelled: number;
  graded: number;
  agreement: number | null;
  kappa: number | null;
  kappaCi: { low: number; high: number } | null;
  at: string;
}

/** The calibrations file of a config: beside the run store. */
export function calibrationsFile(storeFile: string): string {
  return path.join(path.dirname(storeFile), 'calibrations.json');
}

export function readCalibrations(file: string): CalibrationRecord[] {
  if (!existsSync(file)) return [];
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as { calibrations?: CalibrationRecord[] };
    return Array.isArray(data.calibrations) ? data.calibrations : [];
  } catch (err) {
    throw new UserError('E_CALIBRATION', `cannot read ${file}: ${(err as Error).message}`, 'fix or delete the file, then run `l4d2-eval calibrate` again');
  }
}

/** Saves a record, replacing the earlier one of the same judge model and rubric. */
export function saveCalibration(file: string, record: CalibrationRecord): void {
  const rest = readCalibrations(file).filter((r) => !(r.modelId === record.modelId && r.rubricHash === record.rubricHash));
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify({ calibrations: [...rest, record] }, null, 2)}\n`);
  renameSync(tmp, file);
}

/** The calibration of a judge model × rubric, if any. */
export function findCalibration(records: readonly CalibrationRecord[], modelId: string, rubricHash: string): CalibrationRecord | undefined {
  return records.find((r) => r.modelId === modelId && r.rubricHash === rubricHash);
}

/** Why a judge check of this judge and rubric does not count, or undefined when it does. */
export function uncountedReason(records: readonly CalibrationRecord[], minKappa: number | undefined, modelId: string, rubric: { id: string; hash: string }): string | undefined {
  if (minKappa === undefined) return 'gate.min_judge_kappa is not set: judge checks inform only';
  const c = findCalibration(records, modelId, rubric.hash);
  if (!c) return `judge ${modelId} is not calibrated on rubric ${rubric.id} (run \`l4d2-eval calibrate\`)`;
  if (c.kappa === null || c.kappa < minKappa - 1e-9) return `judge ${modelId} on rubric ${rubric.id}: kappa ${c.kappa === null ? 'undefined' : c.kappa.toFixed(2)} below gate.min_judge_kappa ${minKappa}`;
  return undefined;
}

/** The judges the gate ignored, one line each. */
export interface JudgeGateNote {
  judge: string;
  rubric: string;
  counted: boolean;
  reason?: string;
  checks: number;
}

/** The run as the gate sees it: judge checks without a good enough calibration are marked and left out of scores. */
export function countCalibratedJudges(run: RunResult, records: readonly CalibrationRecord[], minKappa: number | undefined): { run: RunResult; notes: JudgeGateNote[] } {
  const notes = new Map<string, JudgeGateNote>();
  let changed = false;
  const items = run.items.map((item) => {
    let touched = false;
    const checks = item.checks.map((c) => {
      const d = judgeDetails(c);
      if (!d) return c;
      const reason = uncountedReason(records, minKappa, d.judge.modelId, d.rubric);
      const key = `${d.judge.modelId}\u0000${d.rubric.hash}`;
      const note = notes.get(key) ?? { judge: d.judge.label, rubric: d.rubric.id, counted: reason === undefined, ...(reason ? { reason } : {}), checks: 0 };
      note.checks++;
      notes.set(key, note);
      if (!reason) return c;
      touched = true;
      return { ...c, details: { ...c.details, uncounted: reason } };
    });
    if (!touched || item.status === 'error' && item.answer === null) return item;
    changed = true;
    const counted = checks.filter((c) => !(judgeDetails(c)?.uncounted));
    return { ...item, checks, ...scoreChecks(counted, run.suite.passScore) };
  });
  if (!changed) return { run, notes: [...notes.values()] };
  const rebuilt = assembleRun({
    runId: run.runId,
    suite: run.suite,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    models: run.models.map((m) => ({ label: m.label, id: m.modelId, provider: m.provider as 'openai' | 'replay' })),
    cases: run.cases,
    items,
    ...(run.status ? { status: run.status } : {}),
  });
  // Only the figures that depend on scores change; spend, counters and the rest stay as measured.
  const models = run.models.map((m, i) => {
    const r = rebuilt.models[i]!;
    return { ...m, passed: r.passed, failed: r.failed, errors: r.errors, avgScore: r.avgScore, passRate: r.passRate, categories: r.categories };
  });
  return { run: { ...run, items, models }, notes: [...notes.values()] };
}
