// The CLI only parses flags, calls the library, writes files and returns the exit code. `main` runs in-process
// (tests, embedders) with its own streams; bin.ts is the executable.
import { UserError, ValidationError } from '../core/errors.js';
import { HARNESS_VERSION } from '../core/version.js';
import { parseCommandArgs } from './args.js';
import { commands, type CommandName } from './flags.js';
import { helpText } from './help.js';
import type { ParsedFlags } from './args.js';
import { didYouMean } from '../core/errors.js';
import { io, withIO, type CliIO } from '../core/io.js';

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
  calibrate: async () => (await import('./commands/calibrate.js')).calibrateCommand,
  batch: async () => (await import('./commands/batch.js')).batchCommand,
  index: async () => (await import('./commands/index-cmd.js')).indexCommand,
  generate: async () => (await import('./commands/generate.js')).generateCommand,
  chat: async () => (await import('./commands/chat.js')).chatCommand,
  models: async () => (await import('./commands/models.js')).modelsCommand,
  augment: async () => (await import('./commands/augment.js')).augmentCommand,
  finetune: async () => (await import('./commands/finetune.js')).finetuneCommand,
  init: async () => (await import('./commands/init.js')).initCommand,
  merge: async () => (await import('./commands/merge.js')).mergeCommand,
  record: async () => (await import('./commands/record.js')).recordCommand,
  doctor: async () => (await import('./commands/doctor.js')).doctorCommand,
  serve: async () => (await import('./commands/serve.js')).serveCommand,
} satisfies Record<CommandName, () => Promise<Handler>>;

async function dispatch(argv: string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    io.stdout.write(helpText());
    return first === undefined ? 2 : 0;
  }
  if (first === '--version' || first === '-v') {
    io.stdout.write(`${HARNESS_VERSION}\n`);
    return 0;
  }
  if (!(first in commands)) {
    io.stderr.write(`error: unknown command "${first}"${didYouMean(first, Object.keys(commands))}\nhint: run \`l4d2-eval --help\`\n`);
    return 2;
  }
  const command = first as CommandName;
  const { values, positionals } = parseCommandArgs(command, rest);
  if (values.help) {
    io.stdout.write(helpText(command));
    return 0;
  }
  const handler = await handlers[command]();
  return handler(values, positionals);
}

/**
 * Runs one command line and resolves to its exit code (0 ok, 1 a check or gate failed, 2 usage or environment
 * problem, 3 items could not be judged). Errors from user input or the environment become messages, never throws
 * for them; a bug still rejects.
 */
export function main(argv: string[], streams: Partial<CliIO> = {}): Promise<number> {
  return withIO(streams, async () => {
    try {
      return await dispatch(argv);
    } catch (err) {
      if (err instanceof UserError) {
        io.stderr.write(`error: ${err.message}\n`);
        if (err.hint) io.stderr.write(`hint: ${err.hint}\n`);
        if (err instanceof ValidationError) io.stderr.write('nothing was run: fix the problems above and try again\n');
        return 2;
      }
      // Trouble from the environment (a folder that cannot be written, a full disk, a read-only or corrupt SQLite
      // file) is one line naming what failed, not a stack trace; DEBUG=l4d2-eval shows the stack.
      const env = environmentProblem(err);
      if (env && !/\bl4d2-eval\b/.test(process.env.DEBUG ?? '')) {
        io.stderr.write(`error: ${env}\nhint: fix the path or permissions named above and run again (DEBUG=l4d2-eval shows the stack trace)\n`);
        return 2;
      }
      throw err;
    }
  });
}

const ERRNO_WORDS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  ENOENT: 'no such file or folder',
  EISDIR: 'is a folder, not a file',
  ENOTDIR: 'not a folder',
  EEXIST: 'already exists',
};

/** A one-line description of an error the environment caused, or undefined for a bug. */
function environmentProblem(err: unknown): string | undefined {
  const e = err as NodeJS.ErrnoException & { code?: string };
  if (typeof e?.code !== 'string') return undefined;
  if (e.code.startsWith('SQLITE_')) return `SQLite (${e.code}): ${e.message}`;
  const words = ERRNO_WORDS[e.code];
  if (!words) return undefined;
  return `${e.path ?? e.message}: ${words} (${e.code}${e.syscall ? ` in ${e.syscall}` : ''})`;
}
