// Picks the models of a run from labels; unknown labels are errors that list the known ones.
import { didYouMean, UserError, ValidationError, type Problem } from '../core/errors.js';
import type { Config } from './load.js';
import type { ModelConfig } from './schema.js';

/** Resolves labels (from --models, else the suite's `models:`, else every configured model). */
export function selectModels(config: Config, labels?: string[], suiteModels?: { labels: string[]; file: string; line?: number }): ModelConfig[] {
  const known = Object.keys(config.models);
  if (known.length === 0) throw new UserError('E_CONFIG', `no models in ${config.file}`, 'declare at least one under `models:`');
  if (labels) {
    const unknown = labels.filter((l) => !config.models[l]);
    if (unknown.length > 0) {
      throw new UserError('E_MODEL', `unknown model label${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `"${u}"${didYouMean(u, known)}`).join(', ')}`, `known labels in ${config.file}: ${known.join(', ')}`);
    }
    return [...new Set(labels)].map((l) => config.models[l]!);
  }
  if (suiteModels) {
    const problems: Problem[] = suiteModels.labels
      .filter((l) => !config.models[l])
      .map((l) => ({ file: suiteModels.file, line: suiteModels.line, path: 'models', message: `unknown model label "${l}"${didYouMean(l, known)}; known: ${known.join(', ')}` }));
    if (problems.length > 0) throw new ValidationError(problems, 'suite names models the config does not have');
    return suiteModels.labels.map((l) => config.models[l]!);
  }
  // The judge grades answers; it is not one of the evaluated models unless named.
  return known.filter((l) => l !== config.judge?.model).map((l) => config.models[l]!);
}
