// Loads a suite file and its includes, validates everything, and reports every problem at once.
import path from 'node:path';
import type Handlebars from 'handlebars';
import { loadGrammar } from '../../evaluators/core/grammar.js';
import { ValidationError, type Problem } from '../core/errors.js';
import type { CaseSpec, CheckSpec, Suite } from '../types/suite.js';
import { resolveCheck } from './check-specs.js';
import { DEFAULT_SYSTEM_PROMPT, suiteFileSchema, type RawCase, type RawCheck, type SuiteFile } from './schema.js';
import { formatPath, readYaml, zodProblems, type YamlFile } from './yaml.js';

/** Checks of a suite that names none: syntax, the L4D2 rule pack, the API check, the compile check. */
export const STANDARD_CHECKS = ['syntax', 'rule', 'api', 'compiles'] as const;

/** Outcome of loading: a suite only when there are no errors. */
export interface LoadResult {
  value?: Suite;
  errors: Problem[];
  warnings: Problem[];
  /** Every file read (the suite, its includes, rubric files) with the SHA-256 of the text read. */
  sources: { file: string; sha256: string }[];
}

interface FileEntry {
  yaml: YamlFile;
  data: SuiteFile;
}

/** Reads a file and everything it includes (depth first, each file once; cycles are errors). */
function readTree(file: string, cwd: string, stack: string[], seen: Set<string>, out: FileEntry[], errors: Problem[], sources: Map<string, string>): void {
  const abs = path.resolve(cwd, file);
  const display = path.relative(process.cwd(), abs) || abs;
  if (stack.includes(abs)) {
    errors.push({ file: display, message: `include cycle: ${[...stack, abs].map((f) => path.relative(process.cwd(), f)).join(' → ')}` });
    return;
  }
  if (seen.has(abs)) return;
  seen.add(abs);
  const { yaml, problems } = readYaml(abs, display);
  errors.push(...problems);
  if (!yaml) return;
  sources.set(abs, yaml.sha256);
  if (yaml.data === null || yaml.data === undefined) {
    errors.push({ file: display, message: 'the file is empty: a suite needs at least `name` and `cases`' });
    return;
  }
  const raw = yaml.data as Record<string, unknown>;
  if (stack.length === 0 && typeof raw === 'object' && !Array.isArray(raw) && !raw.name) {
    errors.push({ file: display, line: 1, message: 'missing `name:` (the suite name shown in reports)' });
  }
  const parsed = suiteFileSchema.safeParse(yaml.data);
  if (!parsed.success) {
    errors.push(...zodProblems(parsed.error, yaml));
    return;
  }
  out.push({ yaml, data: parsed.data });
  for (const [i, inc] of (parsed.data.include ?? []).entries()) {
    const before = errors.length;
    readTree(inc, path.dirname(abs), [...stack, abs], seen, out, errors, sources);
    for (const p of errors.slice(before)) if (p.message === 'file not found (check the path)') {
      p.message = `included file not found: "${inc}" (paths are relative to ${display})`;
      p.file = display;
      p.line = yaml.lineOf(['include', i]);
      p.path = `include[${i}]`;
    }
  }
}

function renderPrompt(c: RawCase, yaml: YamlFile, at: PropertyKey[], errors: Problem[], hb: typeof Handlebars | undefined): string {
  // Without a mustache the template is the text itself: skip compiling it (200 cases cost ~50 ms otherwise).
  if (!c.prompt.includes('{{') || !hb) return c.prompt;
  try {
    return hb.compile(c.prompt, { strict: true, noEscape: true })(c.vars ?? {});
  } catch (err) {
    errors.push({ file: yaml.file, line: yaml.lineOf([...at, 'prompt']), path: formatPath([...at, 'prompt']), message: `prompt template: ${(err as Error).message.split('\n')[0]} (declare it under vars:)` });
    return c.prompt;
  }
}

/**
 * Resolves checks in order; a later check whose id is taken (by an earlier one or in `taken`, the ids before it) gets
 * `#n` appended, and one that names its id explicitly is an error. Returns the specs and the ids now taken.
 */
function resolveChecks(raws: { raw: RawCheck; yaml: YamlFile; path: PropertyKey[] }[], errors: Problem[], sources: Map<string, string>, taken: ReadonlyMap<string, number> = new Map()): { specs: CheckSpec[]; ids: Map<string, number> } {
  const specs: CheckSpec[] = [];
  const ids = new Map(taken);
  for (const { raw, yaml, path: p } of raws) {
    const { spec, problems } = resolveCheck(raw, yaml, p, sources);
    errors.push(...problems);
    if (!spec) continue;
    const n = (ids.get(spec.id) ?? 0) + 1;
    ids.set(spec.id, n);
    if (n > 1) {
      if (raw.id) errors.push({ file: yaml.file, line: yaml.lineOf([...p, 'id']), path: formatPath([...p, 'id']), message: `duplicate check id "${raw.id}" in this case` });
      spec.id = `${spec.id}#${n}`;
    }
    specs.push(spec);
  }
  return { specs, ids };
}

/** Loads and validates a suite. Never throws for bad input: problems are returned. */
export async function loadSuite(file: string, options: { cwd?: string } = {}): Promise<LoadResult> {
  // Query checks are validated against the grammar: its loading starts first (its file reads go on while the YAML
  // is parsed) and is awaited before the checks.
  const grammar = loadGrammar();
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const entries: FileEntry[] = [];
  const sources = new Map<string, string>();
  readTree(file, options.cwd ?? process.cwd(), [], new Set(), entries, errors, sources);
  await grammar;
  const top = entries[0];
  const read = () => [...sources].map(([f, sha256]) => ({ file: f, sha256 }));
  if (!top) return { errors, warnings, sources: read() };
  const d = top.data.defaults ?? {};
  for (const e of entries.slice(1)) {
    if (e.data.defaults) warnings.push({ file: e.yaml.file, line: e.yaml.lineOf(['defaults']), path: 'defaults', message: 'defaults in an included file are ignored; set them in the top-level suite' });
  }
  // A suite that names no checks at all (no defaults, no case's own) gets the standard ones, not a score of 0 for
  // every answer: syntax, the rule pack, the API check and the compile check.
  const namesNoCheck = d.checks === undefined && entries.every((e) => (e.data.cases ?? []).every((c) => (c.checks ?? []).length === 0 && c.default_checks !== false));
  const standard = namesNoCheck ? STANDARD_CHECKS.map((kind, i) => ({ raw: { kind, weight: 1, required: false }, yaml: top.yaml, path: ['defaults', 'checks', i] as PropertyKey[] })) : [];
  const defaultChecks = namesNoCheck ? standard : (d.checks ?? []).map((raw, i) => ({ raw, yaml: top.yaml, path: ['defaults', 'checks', i] as PropertyKey[] }));
  // Resolved once, so a problem in them is reported once (not once per case), and copied into every case.
  const defaults = resolveChecks(defaultChecks, errors, sources);
  // Handlebars (its compiler) loads only for a suite with a prompt template.
  const hb = entries.some((e) => (e.data.cases ?? []).some((c) => c.prompt.includes('{{'))) ? (await import('handlebars')).default : undefined;
  const cases: CaseSpec[] = [];
  const firstSeen = new Map<string, string>();
  for (const { yaml, data } of entries) {
    for (const [i, c] of (data.cases ?? []).entries()) {
      const at: PropertyKey[] = ['cases', i];
      const line = yaml.lineOf(at) ?? 1;
      const prev = firstSeen.get(c.id);
      if (prev) {
        errors.push({ file: yaml.file, line: yaml.lineOf([...at, 'id']), path: formatPath([...at, 'id']), message: `duplicate case id "${c.id}" (first defined at ${prev})` });
        continue;
      }
      firstSeen.set(c.id, `${yaml.file}:${line}`);
      const own = (c.checks ?? []).map((raw, j) => ({ raw, yaml, path: [...at, 'checks', j] as PropertyKey[] }));
      const withDefaults = c.default_checks !== false;
      const ownSpecs = resolveChecks(own, errors, sources, withDefaults ? defaults.ids : undefined).specs;
      const checks = [...(withDefaults ? defaults.specs.map((spec) => ({ ...spec })) : []), ...ownSpecs];
      if (checks.length === 0) warnings.push({ file: yaml.file, line, path: formatPath(at), message: 'case has no checks: every answer scores 0' });
      cases.push({
        id: c.id,
        category: c.category,
        tags: c.tags ?? [],
        weight: c.weight ?? 1,
        prompt: renderPrompt(c, yaml, at, errors, hb),
        system: c.system ?? d.system ?? DEFAULT_SYSTEM_PROMPT,
        samples: c.samples ?? d.samples ?? 1,
        passScore: c.pass_score ?? d.pass_score ?? 7,
        params: {
          temperature: c.temperature ?? d.temperature ?? 0.3,
          max_tokens: c.max_tokens ?? d.max_tokens ?? 2048,
          ...((c.top_p ?? d.top_p) !== undefined ? { top_p: c.top_p ?? d.top_p } : {}),
          ...((c.seed ?? d.seed) !== undefined ? { seed: c.seed ?? d.seed } : {}),
        },
        checks,
        file: yaml.file,
        line,
      });
    }
  }
  if (errors.length === 0 && cases.length === 0) errors.push({ file: top.yaml.file, message: 'the suite has no cases: add a `cases:` list (or `include:` files that have one)' });
  if (errors.length > 0) return { errors, warnings, sources: read() };
  return {
    sources: read(),
    value: { name: top.data.name!, description: top.data.description ?? '', files: entries.map((e) => e.yaml.file), models: top.data.models, cases },
    errors,
    warnings,
  };
}

/** Loads a suite or throws a ValidationError listing every problem. */
export async function loadSuiteOrThrow(file: string, options: { cwd?: string } = {}): Promise<{ suite: Suite; warnings: Problem[] }> {
  const r = await loadSuite(file, options);
  if (!r.value) throw new ValidationError(r.errors, `suite ${file} is invalid`);
  return { suite: r.value, warnings: r.warnings };
}
