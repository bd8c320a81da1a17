import { io, readStdin } from '../../core/io.js';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { formatDiagnostic } from '../../../evaluators/compile/diagnostics.js';
import { ANSWER_FILE } from '../../../evaluators/compile/types.js';
import type { CompilerSettings } from '../../../evaluators/core/types.js';
import { defaultCheckSpecs } from '../../suite/default-checks.js';
import { judgeAnswer, type Judgement } from '../../run/judge.js';
import { UserError } from '../../core/errors.js';
import type { CheckSpec } from '../../types/suite.js';
import type { ParsedFlags } from '../args.js';

async function checksFor(values: ParsedFlags): Promise<{ checks: CheckSpec[]; passScore: number }> {
  if (typeof values.case === 'string' && typeof values.suite !== 'string') throw new UserError('E_USAGE', '--case needs --suite FILE', 'e.g. --suite suites/core.yaml --case si-tank-spawn-announce');
  if (typeof values.suite !== 'string') return { checks: defaultCheckSpecs(), passScore: 7 };
  // The YAML and suite machinery load only when a suite is asked for: a plain `score file.sp` starts lighter.
  const { loadSuites } = await import('../../suite/multi.js');
  const { suite } = await loadSuites([values.suite]);
  if (typeof values.case !== 'string') return { checks: defaultCheckSpecs(), passScore: suite.cases[0]?.passScore ?? 7 };
  const kase = suite.cases.find((c) => c.id === values.case);
  if (!kase) throw new UserError('E_CASE', `no case "${values.case}" in ${values.suite}`, `cases: ${suite.cases.slice(0, 8).map((c) => c.id).join(', ')}${suite.cases.length > 8 ? ', ...' : ''}`);
  return { checks: kase.checks, passScore: kase.passScore };
}

/** What went wrong reading an input, in a few words and with the fix. */
function fileProblem(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'file not found';
  if (code === 'EISDIR') return 'is a folder: give .sp plugin files or answer .md files (e.g. scripting/*.sp)';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied: make the file readable';
  return (err as Error).message;
}

async function readInput(file: string): Promise<string> {
  return file === '-' ? readStdin() : readFileSync(file, 'utf8');
}

export function human(file: string, j: Judgement): string {
  const lines = [`${file}: ${j.score === null ? 'error' : `${j.score.toFixed(1)}/10`} ${j.status.toUpperCase()}`];
  for (const w of j.warnings) lines.push(`  warning: ${w}`);
  // Positions are in the extracted code; shown as lines of the file the user passed (an answer may start with prose).
  const at = (line: number) => line + (j.codeStartLine ?? 1) - 1;
  for (const e of j.syntax?.errors ?? []) lines.push(`  ${file}:${at(e.line)}:${e.column}: syntax: ${e.message}`);
  for (const c of j.checks) {
    lines.push(`  ${c.status === 'pass' ? 'ok  ' : c.status === 'fail' ? 'FAIL' : 'ERR '} ${c.id}${c.status === 'pass' ? '' : `: ${c.reason}`}`);
    // Where a failing check points (rule violations, unknown APIs with the real way); syntax errors are listed above.
    if (c.status === 'fail' && c.kind !== 'syntax') for (const l of c.locations ?? []) lines.push(`    ${file}:${at(l.line)}:${l.column}: ${l.message}`);
  }
  if (j.api?.unknown.length) lines.push(`  unknown APIs: ${[...new Set(j.api.unknown)].join(', ')}`);
  lines.push(...compileLines(file, j.compile, at));
  return lines.join('\n');
}

// Linter-style listing (`file:line: error 017: …`) so `score` doubles as a quick compile check of a file.
function compileLines(file: string, c: Judgement['compile'], at: (line: number) => number): string[] {
  if (!c) return [];
  const by = `${c.mode}${c.version ? ` ${c.version}` : ''}`;
  if (c.problem) return [`  compile (${by}): compiler problem: ${c.problem}`];
  const head = `  compile (${by}): ${c.ok ? 'ok' : 'FAILED'}, ${c.errors} error${c.errors === 1 ? '' : 's'}, ${c.warnings} warning${c.warnings === 1 ? '' : 's'}`;
  return [head, ...c.diagnostics.map((d) => `  ${d.file === ANSWER_FILE ? formatDiagnostic({ ...d, line: d.line === null ? null : at(d.line) }, file) : formatDiagnostic(d)}`)];
}

/** The config's `compiler:` section: from --config, or ./l4d2-eval.config.yaml when there is one (loaded only then). */
async function compilerSettings(values: ParsedFlags): Promise<CompilerSettings | undefined> {
  const explicit = typeof values.config === 'string' ? values.config : undefined;
  if (!explicit && !existsSync('l4d2-eval.config.yaml')) return undefined;
  const { loadConfig } = await import('../../config/load.js');
  return loadConfig(explicit).compiler;
}

/** `l4d2-eval score`: quick lint-and-score of answers or .sp files. Exit 2 when an input could not be read. */
export async function scoreCommand(values: ParsedFlags, positionals: string[]): Promise<number> {
  if (positionals.length === 0) throw new UserError('E_USAGE', 'no input: give one or more files, or - for stdin', 'e.g. l4d2-eval score plugin.sp answer.md');
  const { checks, passScore } = await checksFor(values);
  const compiler = await compilerSettings(values);
  let exit = 0;
  for (const file of positionals) {
    let text: string;
    try {
      text = await readInput(file);
    } catch (err) {
      io.stderr.write(`error: ${file}: ${fileProblem(err)}\n`);
      exit = 2;
      continue;
    }
    const j = await judgeAnswer(text, checks, passScore, { ...(compiler ? { compiler } : {}), ...(file === '-' ? {} : { file: path.resolve(file) }) });
    // Like a linter: a file that does not pass makes the exit code 1 (2, an unreadable input, wins).
    if (j.status !== 'pass' && exit === 0) exit = 1;
    if (values.json === true) {
      const line = {
        file,
        score: j.score,
        status: j.status,
        syntax: { ok: j.syntax?.ok ?? false, errors: j.syntax?.errors ?? [] },
        checks: j.checks.map((c) => ({ kind: c.kind, id: c.id, pass: c.pass, reason: c.reason })),
        unknownApis: [...new Set(j.api?.unknown ?? [])],
        compile: j.compile
          ? {
              ok: j.compile.ok,
              mode: j.compile.mode,
              errors: j.compile.errors,
              warnings: j.compile.warnings,
              diagnostics: j.compile.diagnostics.map((d) => ({ severity: d.severity, code: d.code, line: d.line, message: d.message, ...(d.file === ANSWER_FILE ? {} : { file: d.file }) })),
              ...(j.compile.problem ? { problem: j.compile.problem } : {}),
            }
          : null,
      };
      io.stdout.write(JSON.stringify(line) + '\n');
    } else io.stdout.write(human(file, j) + '\n');
  }
  return exit;
}
