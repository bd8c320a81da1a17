// Compiles one answer with the real spcomp: own temp folder, no shell, a timeout that kills the process tree,
// an output cap, and at most one compile per core. Compiler trouble becomes `problem`, never an exception.
import path from 'node:path';
import { execa, type Result } from 'execa';
import type { EvalInput } from '../core/types.js';
import { countDiagnostics, parseSpcompOutput } from './diagnostics.js';
import { compileSlots } from './limit.js';
import { includeFolders, locateSpcomp, spcompVersion } from './locate.js';
import type { CompileResult, Diagnostic } from './types.js';
import type { CompilerSettings } from '../core/types.js';
import { unsafeIncludes } from './unsafe.js';
import { createWorkspace, removeWorkspace, workspaceMapper, type Workspace } from './workspace.js';
import { ANSWER_FILE } from './types.js';

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_OUTPUT_BYTES = 1_000_000;

const POSIX = process.platform !== 'win32';
// Children run in their own process group (POSIX) so a timeout can kill the whole tree; that also turns off
// execa's `cleanup`, so the groups still running are killed here when this process exits.
const running = new Set<number>();
let exitHookInstalled = false;

function killTree(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(POSIX ? -pid : pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

function trackExit(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => running.forEach((pid) => killTree(pid)));
}

function base(extra: Partial<CompileResult>): CompileResult {
  return { ok: false, mode: 'spcomp', errors: 0, warnings: 0, diagnostics: [], ...extra };
}

/** A result for includes refused before compiling: the model's failure, with the reason. */
export function refusedResult(input: Pick<EvalInput, 'code'>, mode: CompileResult['mode']): CompileResult | null {
  const unsafe = unsafeIncludes(input);
  if (unsafe.length === 0) return null;
  const diagnostics: Diagnostic[] = unsafe.map((u) => ({ severity: 'fatal', code: null, file: u.file, line: u.line, column: null, message: u.reason }));
  return { ok: false, mode, errors: diagnostics.length, warnings: 0, diagnostics };
}

/** A plugin file on disk compiles where it is (its `#include "x"` are found beside it, as spcomp finds them). */
interface InPlace {
  file: string;
}

async function invoke(bin: string, ws: Workspace, includes: string[], timeoutMs: number, maxBuffer: number, inPlace?: InPlace) {
  const target = inPlace ? path.basename(inPlace.file) : ANSWER_FILE;
  const args = [...includes.map((d) => `-i${d}`), `-i${ws.dir}`, `-o${path.join(ws.dir, 'plugin.smx')}`, target];
  const child = execa(bin, args, {
    cwd: inPlace ? path.dirname(inPlace.file) : ws.dir,
    reject: false,
    stdin: 'ignore',
    maxBuffer,
    detached: POSIX,
    cleanup: true,
    forceKillAfterDelay: 1000,
    // On Windows there is no process group to kill, so execa's own timeout does the job.
    ...(POSIX ? {} : { timeout: timeoutMs }),
  });
  let timedOut = false;
  if (child.pid !== undefined) running.add(child.pid);
  const timer = setTimeout(() => {
    timedOut = true;
    killTree(child.pid);
  }, timeoutMs);
  try {
    const r: Result = await child;
    if (r.isMaxBuffer) killTree(child.pid); // execa stopped the compiler; make sure nothing it started lingers
    return { r, timedOut: timedOut || r.timedOut };
  } finally {
    clearTimeout(timer);
    if (child.pid !== undefined) running.delete(child.pid);
  }
}

/** Judges the finished process: crash, timeout, cut output and missing diagnostics are compiler problems. */
function interpret(r: Result, timedOut: boolean, ws: Workspace, timeoutMs: number, maxBuffer: number, inPlace?: InPlace): CompileResult {
  const stdout = String(r.stdout ?? '');
  const stderr = String(r.stderr ?? '');
  const raw = (stderr ? `${stdout}\n${stderr}` : stdout).split(ws.dir + path.sep).join('');
  const mapFile = workspaceMapper(ws);
  const mapper = inPlace ? (f: string) => (path.resolve(path.dirname(inPlace.file), f) === path.resolve(inPlace.file) ? ANSWER_FILE : f) : mapFile;
  const exitCode = r.exitCode ?? null;
  if (timedOut) return base({ exitCode, raw, problem: `spcomp timed out after ${timeoutMs} ms (process killed)` });
  if (exitCode === null && !r.signal && !r.isMaxBuffer) return base({ raw, problem: `could not start spcomp: ${r.shortMessage ?? 'unknown error'}` });
  const parsed = parseSpcompOutput(raw, mapper);
  const { errors, warnings } = countDiagnostics(parsed);
  const found = { exitCode, raw, diagnostics: parsed.diagnostics, errors, warnings };
  if (r.isMaxBuffer) {
    // Errors seen before the cut still say the code does not compile; otherwise nothing can be concluded.
    if (errors > 0) return base({ ...found, raw: `${raw}\n[output truncated at ${maxBuffer} bytes]` });
    return base({ ...found, problem: `spcomp output exceeded ${maxBuffer} bytes (truncated, compile stopped)` });
  }
  if (r.signal) return base({ ...found, problem: `spcomp crashed (killed by ${r.signal})` });
  if (exitCode !== 0 && errors === 0) return base({ ...found, problem: `spcomp exited with code ${exitCode} without reporting an error` });
  return base({ ...found, ok: exitCode === 0 && errors === 0 });
}

/** Compiles the answer with spcomp. Never throws: problems are in `problem`, refusals and errors in diagnostics. */
export async function compileWithSpcomp(input: Pick<EvalInput, 'code' | 'file'>, settings: CompilerSettings = {}, env: NodeJS.ProcessEnv = process.env): Promise<CompileResult> {
  const location = locateSpcomp(settings, env);
  if (!location.path) return base({ problem: location.problem ?? 'spcomp not found: set SPCOMP or compiler.spcomp, or put spcomp on the PATH' });
  const bin = location.path;
  const refused = refusedResult(input, 'spcomp');
  if (refused) return { ...refused, compiler: bin };
  const version = (await spcompVersion(bin)) ?? undefined;
  const timeoutMs = settings.timeout_ms ?? DEFAULT_TIMEOUT_MS;
  const maxBuffer = settings.max_output_bytes ?? DEFAULT_MAX_OUTPUT_BYTES;
  trackExit();
  return compileSlots.run(async () => {
    const started = performance.now();
    let ws: Workspace | undefined;
    try {
      ws = await createWorkspace(input.code.main, input.code.companions);
      // A file on disk that is all code (`score plugin.sp`) compiles in place; answers compile in the temp folder.
      const inPlace = input.file && input.code.found === 'bare' ? { file: input.file } : undefined;
      const { r, timedOut } = await invoke(bin, ws, includeFolders(settings, env), timeoutMs, maxBuffer, inPlace);
      const result = interpret(r, timedOut, ws, timeoutMs, maxBuffer, inPlace);
      return { ...result, compiler: bin, ...(version ? { version } : {}), durationMs: Math.round(performance.now() - started) };
    } catch (err) {
      return base({ compiler: bin, problem: `spcomp could not run: ${(err as Error).message}` });
    } finally {
      if (ws) await removeWorkspace(ws);
    }
  });
}
