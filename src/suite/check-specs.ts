// Semantic validation of one check: known kind, options valid for that kind, queries that compile.
import { z } from 'zod';
import { evaluators, isCheckKind } from '../../evaluators/index.js';
import { validateQuery } from '../../evaluators/checks/query.js';
import { didYouMean, type Problem } from '../core/errors.js';
import type { CheckSpec } from '../types/suite.js';
import { formatPath, zodProblems, type YamlFile } from './yaml.js';
import type { RawCheck } from './schema.js';

const COMMON = new Set(['kind', 'id', 'weight', 'required', 'description']);

/** Validates one raw check; returns the spec or the problems (never both empty). */
export function resolveCheck(raw: RawCheck, yaml: YamlFile, path: PropertyKey[]): { spec?: CheckSpec; problems: Problem[] } {
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
