// Semantic validation of one check: known kind, options valid for that kind, queries that compile.
import path from 'node:path';
import * as z from 'zod';
import { evaluators, isCheckKind } from '../../evaluators/index.js';
import { validateQuery } from '../../evaluators/checks/query.js';
import { didYouMean, type Problem } from '../core/errors.js';
import type { CheckSpec } from '../types/suite.js';
import { formatPath, zodProblems, type YamlFile } from './yaml.js';
import type { RawCheck } from './schema.js';
import { readRubricFile } from './rubric.js';

/** A `judge` check naming a rubric file: reads it (relative to the suite file) into the options, in place. */
function resolveRubricRef(o: { rubric: unknown; rubric_id?: string; pass_score?: number }, yaml: YamlFile, at: (message: string) => Problem, sources?: Map<string, string>): Problem[] {
  if (typeof o.rubric !== 'string') return [];
  const file = path.resolve(path.dirname(yaml.file), o.rubric);
  const { rubric, problems } = readRubricFile(file);
  sources?.set(file, rubric?.sha256 ?? '');
  if (!rubric) return problems.length > 0 && problems[0]!.message === 'file not found (check the path)' ? [at(`rubric file not found: "${o.rubric}" (relative to ${yaml.file})`)] : problems;
  o.rubric = rubric.criteria;
  o.rubric_id ??= rubric.id;
  if (o.pass_score === undefined && rubric.passScore !== undefined) o.pass_score = rubric.passScore;
  return [];
}

const COMMON = new Set(['kind', 'id', 'weight', 'required', 'description']);

/** Validates one raw check; returns the spec or the problems (never both empty). Files it reads go to `sources` (file → SHA-256 of the text read). */
export function resolveCheck(raw: RawCheck, yaml: YamlFile, path: PropertyKey[], sources?: Map<string, string>): { spec?: CheckSpec; problems: Problem[] } {
  const at = (sub: PropertyKey[], message: string): Problem => ({
    file: yaml.file,
    line: yaml.lineOf([...path, ...sub]),
    path: formatPath([...path, ...sub]),
    message,
  });
  if (!isCheckKind(raw.kind)) {
    return { problems: [at(['kind'], `unknown check kind "${raw.kind}"${didYouMean(raw.kind, Object.keys(evaluators))}`)] };
  }
  const evaluator = evaluators[raw.kind];
  const optionInput = Object.fromEntries(Object.entries(raw).filter(([k]) => !COMMON.has(k)));
  const parsed = (evaluator.options as z.ZodType).safeParse(optionInput);
  if (!parsed.success) return { problems: zodProblems(parsed.error, yaml, path) };
  if (raw.kind === 'judge') {
    const problems = resolveRubricRef(parsed.data as { rubric: unknown; rubric_id?: string; pass_score?: number }, yaml, (m) => at(['rubric'], m), sources);
    if (problems.length > 0) return { problems };
  }
  if (raw.kind === 'query') {
    const message = validateQuery((parsed.data as { query: string }).query);
    if (message) return { problems: [at(['query'], `invalid tree-sitter query: ${message}`)] };
  }
  const id = raw.id ?? (evaluator.defaultId as (o: unknown) => string)(parsed.data);
  return {
    spec: { kind: raw.kind, id, weight: raw.weight, required: raw.required, description: raw.description, options: parsed.data },
    problems: [],
  };
}
