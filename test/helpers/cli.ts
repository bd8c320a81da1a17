import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execa } from 'execa';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const CLI = path.join(ROOT, 'dist/src/cli/main.js');

/** Runs the built CLI as a real subprocess, without colour, never rejecting. */
export async function cli(args: string[], cwd: string, input?: string) {
  const r = await execa(process.execPath, [CLI, ...args], { cwd, reject: false, env: { NO_COLOR: '1', CI: '1' }, input, stripFinalNewline: false });
  return { code: r.exitCode ?? -1, stdout: String(r.stdout), stderr: String(r.stderr) };
}

/** A temp copy of the shipped suites, fixtures and config: the offline default as a user has it. */
export function tempProject(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'l4d2-eval-cli-'));
  for (const entry of ['suites', 'fixtures', 'l4d2-eval.config.yaml']) cpSync(path.join(ROOT, entry), path.join(dir, entry), { recursive: true });
  return dir;
}
