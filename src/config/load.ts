// Loads l4d2-eval.config.yaml; relative paths in it are taken from the config file's folder.
import path from 'node:path';
import { existsSync } from 'node:fs';
import { UserError, ValidationError } from '../core/errors.js';
import { readYaml, zodProblems } from '../suite/yaml.js';
import { configSchema, type GateConfig, type ModelConfig } from './schema.js';
import type { CompilerSettings } from '../../evaluators/core/types.js';

// Paths in the config are relative to the config file's folder, like every other path in it.
function resolveCompiler(c: CompilerSettings, dir: string): CompilerSettings {
  return { ...c, ...(c.spcomp ? { spcomp: path.resolve(dir, c.spcomp) } : {}), ...(c.include ? { include: c.include.map((d) => path.resolve(dir, d)) } : {}) };
}

export const DEFAULT_CONFIG_FILE = 'l4d2-eval.config.yaml';

/** A loaded config with absolute paths. */
export interface Config {
  file: string;
  dir: string;
  suite: string;
  out: string;
  formats: string[];
  templates?: string;
  /** Response cache and run store files (absolute). */
  cacheFile: string;
  storeFile: string;
  models: Record<string, ModelConfig>;
  /** API index file from `api.index` (absolute), when set. */
  apiIndex?: string;
  /** Thresholds of `gate`, when the config has a `gate:` section. */
  gate?: GateConfig;
  /** The `compiler:` section with absolute paths, when present. */
  compiler?: CompilerSettings;
  /** The `judge:` section: the default judge model label of `judge` checks. */
  judge?: { model: string };
}

/** Loads the config (default: ./l4d2-eval.config.yaml); every problem is reported at once. */
export function loadConfig(file?: string, cwd = process.cwd()): Config {
  const target = path.resolve(cwd, file ?? DEFAULT_CONFIG_FILE);
  if (!existsSync(target)) {
    throw new UserError('E_CONFIG', `config file not found: ${path.relative(cwd, target) || target}`, file ? 'check the --config path' : `create ${DEFAULT_CONFIG_FILE} (see README: Config) or pass --config FILE`);
  }
  const display = path.relative(cwd, target) || target;
  const { yaml, problems } = readYaml(target, display);
  if (!yaml) throw new ValidationError(problems, `config ${display} is invalid`);
  const parsed = configSchema.safeParse(yaml.data ?? {});
  if (!parsed.success) throw new ValidationError(zodProblems(parsed.error, yaml), `config ${display} is invalid`);
  const dir = path.dirname(target);
  const c = parsed.data;
  const models = Object.fromEntries(
    Object.entries(c.models).map(([label, m]) => [label, { ...m, label, dir: path.resolve(dir, m.dir ?? path.join('fixtures', 'responses', label)) }]),
  );
  // The static compile and api checks get the configured API index with the compiler settings of each answer.
  const apiIndex = c.api?.index ? path.resolve(dir, c.api.index) : undefined;
  if (apiIndex !== undefined && !existsSync(apiIndex)) {
    throw new UserError('E_API_INDEX', `API index not found: ${apiIndex} (api.index in ${display})`, 'fix api.index in the config, or create it with `l4d2-eval index <include-folder> --out FILE`');
  }
  const compiler = c.compiler || apiIndex ? { ...(c.compiler ? resolveCompiler(c.compiler, dir) : {}), ...(apiIndex ? { index: apiIndex } : {}) } : undefined;
  return {
    apiIndex,
    file: target,
    dir,
    suite: path.resolve(dir, c.suite ?? 'suites/core.yaml'),
    out: path.resolve(dir, c.out ?? 'reports/latest'),
    formats: c.formats ?? ['md', 'csv', 'json', 'html'],
    templates: c.templates ? path.resolve(dir, c.templates) : undefined,
    cacheFile: path.resolve(dir, c.cache ?? '.l4d2-eval/cache.db'),
    storeFile: path.resolve(dir, c.store ?? '.l4d2-eval/runs.db'),
    models,
    gate: c.gate,
    ...(compiler ? { compiler } : {}),
    ...(c.judge ? { judge: c.judge } : {}),
  };
}

/** The config when one is named or present in the folder; commands that can work without one (results files, a suite
 * named on the command line) take undefined. */
export function optionalConfig(file: string | undefined, load: (file?: string) => Config = loadConfig, cwd = process.cwd()): Config | undefined {
  if (file !== undefined) return load(file);
  return existsSync(path.join(cwd, 'l4d2-eval.config.yaml')) ? load() : undefined;
}
