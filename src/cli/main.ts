#!/usr/bin/env node
// The CLI only parses flags, calls the library, writes files and sets the exit code.
import { UserError, ValidationError } from '../core/errors.js';
import { HARNESS_VERSION } from '../core/version.js';
import { parseCommandArgs } from './args.js';
import { checkCommand } from './commands/check.js';
import { compareCommand } from './commands/compare.js';
import { gateCommand } from './commands/gate.js';
import { historyCommand } from './commands/history.js';
import { reportCommand } from './commands/report.js';
import { runCommand } from './commands/run.js';
import { runsCommand } from './commands/runs.js';
import { estimateCommand } from './commands/estimate.js';
import { batchCommand } from './commands/batch.js';
import { indexCommand } from './commands/index-cmd.js';
import { schemaCommand } from './commands/schema.js';
import { scoreCommand } from './commands/score.js';
import { validateCommand } from './commands/validate.js';
import { commands, type CommandName } from './flags.js';
import { helpText } from './help.js';
import type { ParsedFlags } from './args.js';
import { didYouMean } from '../core/errors.js';

const handlers = {
  run: runCommand,
  score: scoreCommand,
  report: reportCommand,
  validate: validateCommand,
  schema: schemaCommand,
  check: checkCommand,
  compare: compareCommand,
  gate: gateCommand,
  history: historyCommand,
  runs: runsCommand,
  estimate: estimateCommand,
  batch: batchCommand,
  index: indexCommand,
} satisfies Record<CommandName, (values: ParsedFlags, positionals: string[]) => Promise<number>>;

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
  return handlers[command](values, positionals);
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
