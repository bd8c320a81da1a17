// One table drives the CLI: every flag and command with its description; --help is generated from it.

/** A command-line flag. */
export interface FlagSpec {
  type: 'string' | 'boolean';
  description: string;
  short?: string;
  /** Shown in help as the value's name. */
  value?: string;
}

export const flags = {
  config: { type: 'string', value: 'FILE', description: 'Config file (default ./l4d2-eval.config.yaml)' },
  models: { type: 'string', value: 'A,B', description: 'Model labels from the config, comma-separated; the first is the baseline' },
  out: { type: 'string', value: 'DIR', description: 'Report folder (default reports/latest)' },
  format: { type: 'string', value: 'LIST', description: 'Report formats, comma-separated: md, csv, json (default from config: md,csv,json)' },
  templates: { type: 'string', value: 'DIR', description: 'Folder with your own Handlebars templates (report.md.hbs)' },
  concurrency: { type: 'string', value: 'N', description: 'Items in flight at once (default 8)' },
  suite: { type: 'string', value: 'FILE', description: 'score: suite holding the case to score against' },
  case: { type: 'string', value: 'ID', description: 'score: case id whose checks are applied' },
  json: { type: 'boolean', description: 'Print machine-readable JSON on stdout and nothing else' },
  quiet: { type: 'boolean', short: 'q', description: 'No progress output' },
  help: { type: 'boolean', short: 'h', description: 'Show help' },
  version: { type: 'boolean', short: 'v', description: 'Show the version' },
} as const satisfies Record<string, FlagSpec>;

export type FlagName = keyof typeof flags;

/** A sub-command: its argument shape, summary and accepted flags. */
export interface CommandSpec {
  args: string;
  summary: string;
  flags: readonly FlagName[];
}

export const commands = {
  run: {
    args: '[suite.yaml...]',
    summary: 'Run suites against models, score every answer, write reports (default suites/core.yaml, all models)',
    flags: ['config', 'models', 'out', 'format', 'templates', 'concurrency', 'json', 'quiet'],
  },
  score: {
    args: '<file.sp|answer.md|->...',
    summary: 'Score answers or plugin files (syntax, rules, API; or a case\'s checks with --suite/--case)',
    flags: ['config', 'suite', 'case', 'json'],
  },
  report: {
    args: '<results.json...>',
    summary: 'Re-render reports from result JSON files (several runs are shown side by side)',
    flags: ['out', 'format', 'templates', 'json', 'quiet'],
  },
  validate: {
    args: '[suite.yaml...]',
    summary: 'Check suites and the config; list every problem with file and line',
    flags: ['config', 'json'],
  },
  schema: {
    args: '',
    summary: 'Print the JSON Schema of the suite format',
    flags: [],
  },
} as const satisfies Record<string, CommandSpec>;

export type CommandName = keyof typeof commands;
