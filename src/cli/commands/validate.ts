import { io } from '../../core/io.js';
import path from 'node:path';
import { loadConfig, optionalConfig } from '../../config/load.js';
import { selectModels } from '../../config/models.js';
import { loadSuites } from '../../suite/multi.js';
import type { ParsedFlags } from '../args.js';

/** `l4d2-eval validate`: loads the config and suites; any problem throws (exit 2) with every location. */
export async function validateCommand(values: ParsedFlags, positionals: string[]): Promise<number> {
  // A suite named on the command line validates on its own in a folder without a config (its models are then not checked).
  const config = positionals.length > 0 ? optionalConfig(values.config as string | undefined, loadConfig) : loadConfig(values.config as string | undefined);
  const files = positionals.length > 0 ? positionals : [path.relative(process.cwd(), config!.suite) || config!.suite];
  const { suite, warnings } = await loadSuites(files);
  const models = config ? selectModels(config, undefined, suite.models ? { labels: suite.models, file: suite.files[0]! } : undefined) : [];
  const checks = suite.cases.reduce((s, c) => s + c.checks.length, 0);
  if (values.json === true) {
    io.stdout.write(JSON.stringify({ ok: true, suite: suite.name, files: suite.files, cases: suite.cases.length, checks, models: models.map((m) => m.label), warnings }, null, 2) + '\n');
  } else {
    for (const w of warnings) io.stderr.write(`warning: ${w}\n`);
    io.stdout.write(`ok: ${suite.name}: ${suite.cases.length} cases, ${checks} checks in ${suite.files.length} files; ${config ? `models: ${models.map((m) => m.label).join(', ')}` : 'no config here, so model labels were not checked'}\n`);
  }
  return 0;
}
