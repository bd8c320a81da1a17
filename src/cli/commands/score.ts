import { readFileSync } from 'node:fs';
import { loadSuites } from '../../suite/multi.js';
import { defaultCheckSpecs } from '../../suite/default-checks.js';
import { judgeAnswer, type Judgement } from '../../run/judge.js';
import { UserError } from '../../errors.js';
import type { CheckSpec } from '../../types/suite.js';
import type { ParsedFlags } from '../args.js';

async function checksFor(values: ParsedFlags): Promise<{ checks: CheckSpec[]; passScore: number }> {
  if (typeof values.case === 'string' && typeof values.suite !== 'string') throw new UserError('E_USAGE', '--case needs --suite FILE', 'e.g. --suite suites/core.yaml --case si-tank-spawn-announce');
  if (typeof values.suite !== 'string') return { checks: defaultCheckSpecs(), passScore: 7 };
  const { suite } = await loadSuites([values.suite]);
  if (typeof values.case !== 'string') return { checks: defaultCheckSpecs(), passScore: suite.cases[0]?.passScore ?? 7 };
  const kase = suite.cases.find((c) => c.id === values.case);
  if (!kase) throw new UserError('E_CASE', `no case "${values.case}" in ${values.suite}`, `cases: ${suite.cases.slice(0, 8).map((c) => c.id).join(', ')}${suite.cases.length > 8 ? ', ...' : ''}`);
  return { checks: kase.checks, passScore: kase.passScore };
}

function readInput(file: string): string {
  return file === '-' ? readFileSync(0, 'utf8') : readFileSync(file, 'utf8');
}

function human(file: string, j: Judgement): string {
  const lines = [`${file}: ${j.score === null ? 'error' : `${j.score.toFixed(1)}/10`} ${j.status.toUpperCase()}`];
  for (const w of j.warnings) lines.push(`  warning: ${w}`);
  for (const e of j.syntax?.errors ?? []) lines.push(`  ${file}:${e.line}:${e.column}: syntax: ${e.message}`);
  for (const c of j.checks) lines.push(`  ${c.status === 'pass' ? 'ok  ' : c.status === 'fail' ? 'FAIL' : 'ERR '} ${c.id}${c.status === 'pass' ? '' : `: ${c.reason}`}`);
  if (j.api?.unknown.length) lines.push(`  unknown APIs: ${[...new Set(j.api.unknown)].join(', ')}`);
  return lines.join('\n');
}

/** `l4d2-eval score`: quick lint-and-score of answers or .sp files. Exit 2 when an input could not be read. */
export async function scoreCommand(values: ParsedFlags, positionals: string[]): Promise<number> {
  if (positionals.length === 0) throw new UserError('E_USAGE', 'no input: give one or more files, or - for stdin', 'e.g. l4d2-eval score plugin.sp answer.md');
  const { checks, passScore } = await checksFor(values);
  let exit = 0;
  for (const file of positionals) {
    let text: string;
    try {
      text = readInput(file);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      process.stderr.write(`error: ${file}: ${code === 'ENOENT' ? 'file not found' : (err as Error).message}\n`);
      exit = 2;
      continue;
    }
    const j = await judgeAnswer(text, checks, passScore);
    if (values.json === true) {
      const line = {
        file,
        score: j.score,
        status: j.status,
        syntax: { ok: j.syntax?.ok ?? false, errors: j.syntax?.errors ?? [] },
        checks: j.checks.map((c) => ({ kind: c.kind, id: c.id, pass: c.pass, reason: c.reason })),
        unknownApis: [...new Set(j.api?.unknown ?? [])],
      };
      process.stdout.write(JSON.stringify(line) + '\n');
    } else process.stdout.write(human(file, j) + '\n');
  }
  return exit;
}
