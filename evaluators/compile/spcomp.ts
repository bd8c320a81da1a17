// Compiles one answer with the real spcomp: own temp folder, no shell, a timeout that kills the process tree,
// an output cap, and at most one compile per core. Compiler trouble becomes `problem`, never an exception.
import path from 'node:path';
import type { Result } from 'execa';
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
/** Address-space limit of one spcomp process: far above what real plugins need, well under a CI runner's share. */
export const DEFAULT_MAX_MEMORY_MB = 512;

// The address-space limit is set by a fixed /bin/sh script: the limit and the command come in as positional
// parameters ("$1", then "$@"), never inside the script text, so nothing a model writes can reach a shell. The
// answer itself is only ever a file name argument. RLIMIT_AS is enforced on Linux; elsewhere no limit is set.
const LIMIT_SCRIPT = 'ulimit -v "$1" || exit 125; shift; exec "$@"';
const CAN_LIMIT = process.platform === 'linux';

/** The command that runs spcomp under the memory limit (or spcomp itself when there is none). */
export function limitedCommand(bin: string, args: string[], memoryMb: number): { file: string; args: string[] } {
  if (!CAN_LIMIT || memoryMb <= 0) return { file: bin, args };
  return { file: '/bin/sh', args: ['-c', LIMIT_SCRIPT, 'spcomp-limit', String(memoryMb * 1024), bin, ...args] };
}

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

async function invoke(bin: string, ws: Workspace, includes: string[], timeoutMs: number, maxBuffer: number, memoryMb: number, inPlace?: InPlace) {
  const target = inPlace ? path.basename(inPlace.file) : ANSWER_FILE;
  const cmd = limitedCommand(bin, [...includes.map((d) => `-i${d}`), `-i${ws.dir}`, `-o${path.join(ws.dir, 'plugin.smx')}`, target], memoryMb);
  // execa loads on the first compile: a static-check run never pays for it.
  const { execa } = await import('execa');
  const child = execa(cmd.file, cmd.args, {
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

/** True when the compiler most likely died of the address-space limit: an allocation failure, or a crash, under a limit. */
function limitHit(r: Result, raw: string, errors: number, memoryMb: number): boolean {
  if (!CAN_LIMIT || memoryMb <= 0 || r.exitCode === 0) return false;
  if (/out of memory|allocation failed|cannot allocate|bad_alloc|insufficient memory|failed to reserve/i.test(raw)) return true;
  // A failed allocation that is not checked ends in abort(); a plain SIGSEGV stays a crash.
  return errors === 0 && (r.signal === 'SIGABRT' || r.signal === 'SIGBUS' || r.signal === 'SIGTRAP');
}

/** Judges the finished process: crash, timeout, cut output and missing diagnostics are compiler problems. */
function interpret(r: Result, timedOut: boolean, ws: Workspace, timeoutMs: number, maxBuffer: number, memoryMb: number, inPlace?: InPlace): CompileResult {
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
  if (limitHit(r, raw, errors, memoryMb)) {
    return base({ ...found, problem: `spcomp ran out of memory under its limit of ${memoryMb} MB (compiler.max_memory_mb)${r.signal ? `, killed by ${r.signal}` : ''}: the answer asks the compiler for too much (e.g. huge arrays or #pragma dynamic)` });
  }
  if (r.signal) {
    // spcomp 1.12 under an address-space limit often dies by SIGSEGV when an allocation fails (measured with the real
    // compiler on `int big[100000000]` and `#pragma dynamic 2000000000`): say so, without claiming it.
    const limited = CAN_LIMIT && memoryMb > 0 && errors === 0 ? ` under its memory limit of ${memoryMb} MB (compiler.max_memory_mb), most likely the limit: the answer may ask for too much memory (huge arrays, #pragma dynamic); max_memory_mb: 0 compiles without a limit` : '';
    return base({ ...found, problem: `spcomp crashed (killed by ${r.signal})${limited}` });
  }
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
  const memoryMb = settings.max_memory_mb ?? DEFAULT_MAX_MEMORY_MB;
  trackExit();
  return compileSlots.run(async () => {
    const started = performance.now();
    let ws: Workspace | undefined;
    try {
      ws = await createWorkspace(input.code.main, input.code.companions);
      // A file on disk that is all code (`score plugin.sp`) compiles in place; answers compile in the temp folder.
      const inPlace = input.file && input.code.found === 'bare' ? { file: input.file } : undefined;
      const { r, timedOut } = await invoke(bin, ws, includeFolders(settings, env), timeoutMs, maxBuffer, memoryMb, inPlace);
      const result = interpret(r, timedOut, ws, timeoutMs, maxBuffer, memoryMb, inPlace);
      return { ...result, compiler: bin, ...(version ? { version } : {}), durationMs: Math.round(performance.now() - started) };
    } catch (err) {
      return base({ compiler: bin, problem: `spcomp could not run: ${(err as Error).message}` });
    } finally {
      if (ws) await removeWorkspace(ws);
    }
  });
}
