// `calibrate`: grades human-labelled answers with a judge and measures how far it agrees with the labels.
// Labels: JSONL (`{"answer": "answers/a.md", "label": "pass"}` per line) or CSV (`answer,label[,case]`); paths are
// relative to the labels file; labels pass/fail or 0–10, overall and optionally per criterion (`criteria: {id: pass}`).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { extractCode } from '../../evaluators/core/extract.js';
import type { Criterion, JudgeOptions } from '../../evaluators/checks/judge.js';
import type { ModelConfig } from '../config/schema.js';
import { UserError } from '../core/errors.js';
import type { Suite, CheckSpec } from '../types/suite.js';
import type { RubricFile } from '../suite/rubric.js';
import { agreementOf, readLabel, type Agreement, type Label, type LabelledVerdict } from './agreement.js';
import type { CalibrationRecord } from './calibrations.js';
import { JudgeClient, type JudgeClientOptions } from './client.js';
import { DEFAULT_RUBRIC_PASS, gradeCheck } from './grade.js';
import { rubricHash } from './prompt.js';
import { judgeDetails } from '../score/judges.js';

/** One line of a labels file as written. */
export interface LabelLine {
  answer: string;
  label: unknown;
  case?: string;
  prompt?: string;
  criteria?: Record<string, unknown>;
  /** 1-based line in the labels file, for messages. */
  line: number;
}

/** CSV rows as objects keyed by the header (RFC 4180 quotes; empty lines skipped). */
export function csvRecords(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell), (cell = '');
      if (row.some((c) => c.trim() !== '')) rows.push(row);
      row = [];
    } else cell += ch;
  }
  row.push(cell);
  if (row.some((c) => c.trim() !== '')) rows.push(row);
  const [head, ...body] = rows;
  if (!head) return [];
  const keys = head.map((h) => h.trim());
  return body.map((r) => Object.fromEntries(keys.map((k, j) => [k, (r[j] ?? '').trim()])));
}

/** Reads a JSONL or CSV labels file (by extension; `.csv` is CSV). */
export function readLabels(file: string): LabelLine[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UserError('E_LABELS', `labels file not found: ${file}`, 'pass a JSONL file with one {"answer": "path.md", "label": "pass"} per line');
  }
  if (file.endsWith('.csv')) {
    const rows = csvRecords(text);
    return rows.map((r, i) => {
      if (!r.answer || r.label === undefined) throw new UserError('E_LABELS', `${file}:${i + 2}: a row needs answer and label columns`, 'header: answer,label[,case]');
      return { answer: r.answer, label: r.label, ...(r.case ? { case: r.case } : {}), line: i + 2 };
    });
  }
  const out: LabelLine[] = [];
  for (const [i, raw] of text.split('\n').entries()) {
    if (raw.trim() === '' || raw.trim().startsWith('//')) continue;
    let d: Partial<LabelLine>;
    try {
      d = JSON.parse(raw) as Partial<LabelLine>;
    } catch (err) {
      throw new UserError('E_LABELS', `${file}:${i + 1}: not JSON: ${(err as Error).message}`, 'one JSON object per line');
    }
    if (typeof d.answer !== 'string' || d.label === undefined) throw new UserError('E_LABELS', `${file}:${i + 1}: needs "answer" (a path) and "label"`, 'e.g. {"answer": "answers/a.md", "label": "pass"}');
    out.push({ ...d, answer: d.answer, label: d.label, line: i + 1 });
  }
  if (out.length === 0) throw new UserError('E_LABELS', `${file} has no labels`, 'one {"answer": "path.md", "label": "pass"} per line');
  return out;
}

/** The rubric and task prompt a labelled answer is judged on. */
interface Target {
  prompt: string;
  caseId: string;
  rubricId: string;
  criteria: Criterion[];
  passScore: number;
}

/** Where rubrics and prompts come from: a rubric file (prompt: the line's, else its case in the suite) or a suite. */
export interface CalibrationSource {
  rubric?: RubricFile;
  suite?: Suite;
}

function targetOf(line: LabelLine, src: CalibrationSource, file: string): Target {
  const at = `${file}:${line.line}`;
  const caseId = line.case ?? src.rubric?.case;
  const kase = caseId ? src.suite?.cases.find((c) => c.id === caseId) : undefined;
  if (caseId && !kase && line.prompt === undefined) throw new UserError('E_LABELS', `${at}: case "${caseId}" is not in the suite`, 'pass --suite FILE with that case, or give a "prompt" on the line');
  const prompt = line.prompt ?? kase?.prompt;
  if (prompt === undefined) throw new UserError('E_LABELS', `${at}: no task prompt for this answer`, 'give "case" (with --suite) or "prompt" on the line, or `case:` in the rubric file');
  if (src.rubric) {
    return { prompt, caseId: caseId ?? 'calibration', rubricId: src.rubric.id, criteria: src.rubric.criteria, passScore: src.rubric.passScore ?? DEFAULT_RUBRIC_PASS };
  }
  const spec: CheckSpec | undefined = kase?.checks.find((c) => c.kind === 'judge');
  if (!spec) throw new UserError('E_LABELS', `${at}: case "${caseId ?? '?'}" has no judge check`, 'pass --rubric FILE, or label answers of cases with a `judge` check');
  const o = spec.options as JudgeOptions;
  return { prompt, caseId: kase!.id, rubricId: o.rubric_id ?? spec.id, criteria: o.rubric, passScore: o.pass_score ?? DEFAULT_RUBRIC_PASS };
}

/** The outcome of a calibration: figures per rubric and over all lines, and the records to save. */
export interface Calibration {
  judge: { label: string; modelId: string; servedModels: string[] };
  labels: string;
  overall: Agreement;
  rubrics: { id: string; hash: string; agreement: Agreement }[];
  records: CalibrationRecord[];
  requests: number;
  cachedResponses: number;
}

/** Grades every labelled answer with the judge (concurrently, paced by its scheduler) and measures agreement. */
export async function calibrate(labelsFile: string, judge: ModelConfig, src: CalibrationSource, options: JudgeClientOptions & { signal?: AbortSignal } = {}): Promise<Calibration> {
  const lines = readLabels(labelsFile);
  const dir = path.dirname(labelsFile);
  const targets = lines.map((l) => targetOf(l, src, labelsFile));
  const client = new JudgeClient(judge, options);
  const served = new Set<string>();
  const rows = await Promise.all(
    lines.map(async (line, i): Promise<{ row: LabelledVerdict; hash: string; rubricId: string }> => {
      const t = targets[i]!;
      const human = readLabel(line.label, t.passScore);
      if (!human) throw new UserError('E_LABELS', `${labelsFile}:${line.line}: label ${JSON.stringify(line.label)} is not pass/fail or a 0–10 score`);
      let answer: string;
      try {
        answer = readFileSync(path.resolve(dir, line.answer), 'utf8');
      } catch {
        throw new UserError('E_LABELS', `${labelsFile}:${line.line}: answer file not found: ${line.answer}`, `paths are relative to ${dir}`);
      }
      const spec: CheckSpec = { kind: 'judge', id: `judge:${t.rubricId}`, weight: 1, required: false, options: { rubric: t.criteria, rubric_id: t.rubricId, pass_score: t.passScore } };
      const r = await gradeCheck(client, { id: t.caseId, prompt: t.prompt }, spec, extractCode(answer).main, options.signal);
      const d = judgeDetails(r);
      if (d?.judge.servedModel) served.add(d.judge.servedModel);
      const judgeLabel: Label | null = r.status === 'error' ? null : r.status;
      const criteria = line.criteria
        ? Object.entries(line.criteria).flatMap(([id, raw]) => {
            const h = readLabel(raw, 5);
            if (!h) return [];
            const v = d?.criteria?.find((c) => c.id === id);
            return [{ id, human: h, judge: v ? v.verdict : null }];
          })
        : undefined;
      return { row: { answer: line.answer, human, judge: judgeLabel, reason: r.reason, ...(criteria ? { criteria } : {}) }, hash: rubricHash(t.criteria), rubricId: t.rubricId };
    }),
  );
  const byRubric = new Map<string, { id: string; rows: LabelledVerdict[] }>();
  for (const r of rows) {
    const g = byRubric.get(r.hash) ?? { id: r.rubricId, rows: [] };
    g.rows.push(r.row);
    byRubric.set(r.hash, g);
  }
  const rubrics = [...byRubric].map(([hash, g]) => ({ id: g.id, hash, agreement: agreementOf(g.rows) }));
  const at = new Date().toISOString();
  const servedModels = [...served].sort();
  const records: CalibrationRecord[] = rubrics.map((r) => ({
    judge: judge.label,
    modelId: judge.id,
    servedModels,
    rubricId: r.id,
    rubricHash: r.hash,
    labels: labelsFile,
    labelled: r.agreement.labelled,
    graded: r.agreement.graded,
    agreement: r.agreement.agreement,
    kappa: r.agreement.kappa,
    kappaCi: r.agreement.kappaCi,
    at,
  }));
  const c = client.counters();
  return { judge: { label: judge.label, modelId: judge.id, servedModels }, labels: labelsFile, overall: agreementOf(rows.map((r) => r.row)), rubrics, records, requests: c.requests, cachedResponses: c.cachedResponses };
}
