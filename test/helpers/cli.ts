import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { execa } from 'execa';

export const ROOT = path.resolve(import.meta.dirname, '../..');
/** The executable as shipped: the bundle `npm run build` makes (package.json `bin`). */
export const CLI = path.join(ROOT, 'dist/cli/bin.js');

type CliMain = (argv: string[], streams: { stdout: { write(s: string): boolean }; stderr: { write(s: string): boolean }; stdin?: NodeJS.ReadableStream }) => Promise<number>;
let loaded: Promise<CliMain> | undefined;

/**
 * Runs the built CLI's `main` in this process (as an embedder would), in `cwd`, without colour, never rejecting.
 * A bug that throws is returned as exit code 99 with its stack on stderr, so a test sees it.
 */
export async function cli(args: string[], cwd: string, input?: string) {
  loaded ??= import(pathToFileURL(path.join(ROOT, 'dist/src/cli/main.js')).href).then((m: { main: CliMain }) => m.main);
  const main = await loaded;
  let stdout = '';
  let stderr = '';
  const before = process.cwd();
  const env = { NO_COLOR: process.env.NO_COLOR, CI: process.env.CI };
  process.chdir(cwd);
  process.env.NO_COLOR = '1';
  process.env.CI = '1';
  try {
    const code = await main(args, {
      stdout: { write: (s: string) => ((stdout += s), true) },
      stderr: { write: (s: string) => ((stderr += s), true) },
      ...(input !== undefined ? { stdin: Readable.from([Buffer.from(input)]) } : {}),
    });
    return { code, stdout, stderr };
  } catch (err) {
    return { code: 99, stdout, stderr: stderr + String((err as Error)?.stack ?? err) };
  } finally {
    process.chdir(before);
    for (const [k, v] of Object.entries(env)) if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
}

/** Runs the built CLI as a real subprocess, without colour, never rejecting (smoke tests of the executable). */
export async function cliProcess(args: string[], cwd: string, input?: string) {
  const r = await execa(process.execPath, [CLI, ...args], { cwd, reject: false, env: { NO_COLOR: '1', CI: '1' }, input, stripFinalNewline: false });
  return { code: r.exitCode ?? -1, stdout: String(r.stdout), stderr: String(r.stderr) };
}

/** A temp copy of the shipped suites, fixtures and config: the offline default as a user has it. */
export function tempProject(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'l4d2-eval-cli-'));
  for (const entry of ['suites', 'fixtures', 'l4d2-eval.config.yaml']) cpSync(path.join(ROOT, entry), path.join(dir, entry), { recursive: true });
  return dir;
}
