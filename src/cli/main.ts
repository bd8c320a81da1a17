#!/usr/bin/env node
// The CLI only parses flags, calls the library, writes files and sets the exit code.
import { UserError, ValidationError } from '../core/errors.js';
import { HARNESS_VERSION } from '../core/version.js';
import { parseCommandArgs } from './args.js';
import { commands, type CommandName } from './flags.js';
import { helpText } from './help.js';
import type { ParsedFlags } from './args.js';
import { didYouMean } from '../core/errors.js';

type Handler = (values: ParsedFlags, positionals: string[]) => Promise<number>;

// Each command's module (and what it pulls in: the OpenAI client, SQLite, Handlebars, the grammar) loads only when
// that command runs, so --help and --version start in a few dozen milliseconds.
const handlers = {
  run: async () => (await import('./commands/run.js')).runCommand,
  score: async () => (await import('./commands/score.js')).scoreCommand,
  report: async () => (await import('./commands/report.js')).reportCommand,
  validate: async () => (await import('./commands/validate.js')).validateCommand,
  schema: async () => (await import('./commands/schema.js')).schemaCommand,
  check: async () => (await import('./commands/check.js')).checkCommand,
  compare: async () => (await import('./commands/compare.js')).compareCommand,
  gate: async () => (await import('./commands/gate.js')).gateCommand,
  history: async () => (await import('./commands/history.js')).historyCommand,
  runs: async () => (await import('./commands/runs.js')).runsCommand,
  estimate: async () => (await import('./commands/estimate.js')).estimateCommand,
  batch: async () => (await import('./commands/batch.js')).batchCommand,
  index: async () => (await import('./commands/index-cmd.js')).indexCommand,
} satisfies Record<CommandName, () => Promise<Handler>>;

async function main(argv: string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    process.stdout.write(helpText());
    return first === undefined ? 2 : 0;
  }
  if (first === '--version' || first === '-v') {
    process.stdout.write(`${HARNESS_VERSION}\n`);
    return 0;
  }
  if (!(first in commands)) {
    process.stderr.write(`error: unknown command "${first}"${didYouMean(first, Object.keys(commands))}\nhint: run \`l4d2-eval --help\`\n`);
    return 2;
  }
  const command = first as CommandName;
  const { values, positionals } = parseCommandArgs(command, rest);
  if (values.help) {
    process.stdout.write(helpText(command));
    return 0;
  }
  const handler = await handlers[command]();
  return handler(values, positionals);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof UserError) {
      process.stderr.write(`error: ${err.message}\n`);
      if (err.hint) process.stderr.write(`hint: ${err.hint}\n`);
      if (err instanceof ValidationError) process.stderr.write('nothing was run: fix the problems above and try again\n');
      process.exitCode = 2;
      return;
    }
    throw err;
  },
);
