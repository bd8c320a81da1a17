// `l4d2-eval check`: spot-check fine-tune JSONL files; exit 0 when done, whatever was rejected.
import { io } from '../../core/io.js';
import { checkFiles, checkSpecsFor, DEFAULT_CHECK_OPTIONS, type CheckOptions, type CheckSummary } from '../../dataset/index.js';
import { UsageError } from '../../core/errors.js';
import { intFlag, listFlag, type ParsedFlags } from '../args.js';

function numberFlag(name: string, value: string | boolean | undefined, min: number, max: number): number | undefined {
  if (typeof value !== 'string') return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < min || n > max) throw new UsageError(`--${name} must be a number from ${min} to ${max}, got "${value}"`);
  return n;
}

function seedFlag(value: string | boolean | undefined): number | undefined {
  if (typeof value !== 'string') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--seed must be a whole number of 0 or more, got "${value}"`);
  return n;
}

/** Reads the check options from the flags (usage errors for bad values). */
export function checkOptionsFrom(values: ParsedFlags): CheckOptions {
  const d = DEFAULT_CHECK_OPTIONS;
  const seed = seedFlag(values.seed);
  const sample = intFlag('sample', values.sample);
  if (seed !== undefined && sample === undefined) throw new UsageError('--seed only applies with --sample N', 'e.g. --sample 200 --seed 7');
  return {
    minScore: numberFlag('min-score', values['min-score'], 0, 10) ?? d.minScore,
    rules: listFlag(values.rules),
    maxTokens: intFlag('max-tokens', values['max-tokens']) ?? d.maxTokens,
    nearDup: numberFlag('near-dup', values['near-dup'], 0, 1) ?? d.nearDup,
    sample,
    seed: seed ?? d.seed,
    maxLineBytes: d.maxLineBytes,
  };
}

function human(s: CheckSummary): string {
  const lines = [`checked ${s.checked} of ${s.lines} lines: ${s.accepted} accepted, ${s.rejected} rejected (${(s.elapsedMs / 1000).toFixed(1)} s)`];
  for (const r of s.reasons.slice(0, 8)) lines.push(`  ${String(r.count).padStart(6)}  ${r.code}`);
  for (const w of s.warnings) lines.push(`  ${String(w.count).padStart(6)}  ${w.code} (warning)`);
  lines.push(`accepted: ${s.outputs.accepted}`, `rejected: ${s.outputs.rejected}${s.outputs.reasons ? ` (reasons: ${s.outputs.reasons})` : ''}`, `report:   ${s.outputs.markdown}, ${s.outputs.csv}`);
  if (s.outputs.suite) lines.push(`suite:    ${s.outputs.suite}`);
  return lines.join('\n') + '\n';
}

/** Rejection codes of lines that are not fine-tune records at all. */
const NOT_A_RECORD = new Set(['malformed-json', 'unknown-format']);

/** Handler of `check`. */
export async function checkCommand(values: ParsedFlags, positionals: string[]): Promise<number> {
  if (positionals.length === 0) throw new UsageError('no input: give one or more JSONL files', 'e.g. l4d2-eval check train.jsonl --out reports/check');
  const options = checkOptionsFrom(values);
  const checks = checkSpecsFor(options.rules);
  const progress = values.json !== true && values.quiet !== true;
  let last = Date.now();
  const summary = await checkFiles(positionals, options, checks, {
    outDir: typeof values.out === 'string' ? values.out : 'reports/check',
    inlineReasons: values['no-inline-reasons'] !== true,
    toSuite: typeof values['to-suite'] === 'string' ? values['to-suite'] : undefined,
    onProgress: progress
      ? (done, total) => {
          // Plain lines at most once a second, so CI logs stay readable.
          if (Date.now() - last < 1000) return;
          last = Date.now();
          io.stderr.write(`[${done}/${total}] checked\n`);
        }
      : undefined,
  });
  // Lines that are not fine-tune records at all (not JSON, or JSON of another shape): most of them means the wrong file.
  const notRecords = summary.reasons.filter((r) => NOT_A_RECORD.has(r.code));
  const bad = notRecords.reduce((n, r) => n + r.count, 0);
  const wrongFile = summary.checked > 0 && bad * 2 > summary.checked;
  if (wrongFile) {
    io.stderr.write(
      `${bad === summary.checked ? 'error' : 'warning'}: ${bad} of ${summary.checked} lines of ${positionals.join(', ')} are not fine-tune records (${notRecords.map((r) => `${r.count} ${r.code}`).join(', ')}): this does not look like fine-tune JSONL\n` +
        'hint: one JSON object per line: {"messages": [{"role": ..., "content": ...}, ...]}, {"prompt": ..., "completion": ...}, or Batch API output lines\n',
    );
  }
  const code = wrongFile && bad === summary.checked ? 2 : 0;
  if (values.json === true) {
    io.stdout.write(JSON.stringify(summary, null, 2) + '\n');
    return code;
  }
  io.stdout.write(human(summary));
  if (typeof values['to-suite'] === 'string' && !summary.outputs.suite) io.stderr.write('warning: no accepted example has a prompt: no suite was written\n');
  return code;
}
