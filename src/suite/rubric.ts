// Rubric files (suites/rubrics/*.yaml): the criteria of a `judge` check kept apart from the suite, so `calibrate`
// and several suites can share them. A rubric file is not a suite: it has `criteria:`, never `cases:`.
import path from 'node:path';
import * as z from 'zod';
import { rubricSchema, type Criterion } from '../../evaluators/checks/judge.js';
import type { Problem } from '../core/errors.js';
import { readYaml, zodProblems } from './yaml.js';

export const rubricFileSchema = z.strictObject({
  id: z.string().min(1).optional().describe('Name of the rubric (default: the file name)'),
  case: z.string().min(1).optional().describe('The case of the core suite this rubric is written for (calibrate reads its prompt)'),
  description: z.string().optional(),
  pass_score: z.number().min(0).max(10).optional().describe('Weighted rubric score (0–10) needed to pass (default 7)'),
  criteria: rubricSchema,
});

/** A loaded rubric file. */
export interface RubricFile {
  id: string;
  file: string;
  case?: string;
  description?: string;
  passScore?: number;
  criteria: Criterion[];
  /** SHA-256 of the file's text as read. */
  sha256: string;
}

/** Reads and validates a rubric file; problems are returned, never thrown. */
export function readRubricFile(file: string, display = path.relative(process.cwd(), file) || file): { rubric?: RubricFile; problems: Problem[] } {
  const { yaml, problems } = readYaml(file, display);
  if (!yaml) return { problems };
  const parsed = rubricFileSchema.safeParse(yaml.data ?? {});
  if (!parsed.success) return { problems: zodProblems(parsed.error, yaml) };
  const d = parsed.data;
  return {
    rubric: {
      id: d.id ?? path.basename(file).replace(/\.ya?ml$/, ''),
      file: display,
      ...(d.case ? { case: d.case } : {}),
      ...(d.description ? { description: d.description } : {}),
      ...(d.pass_score !== undefined ? { passScore: d.pass_score } : {}),
      criteria: d.criteria,
      sha256: yaml.sha256,
    },
    problems: [],
  };
}
