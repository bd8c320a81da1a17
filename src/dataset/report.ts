// The Markdown report of a check: counts, reasons ranked, score histogram, unknown APIs, worst examples.
import type { CheckSummary, HistogramBin } from './types.js';

/** What each reason code means, for the report. */
export const REASON_HELP: Record<string, string> = {
  'malformed-json': 'the line is not valid JSON',
  'line-too-long': 'the line is over the size limit and was not read',
  'unknown-format': 'not a chat, batch output or prompt/completion line',
  'no-assistant': 'no assistant answer to judge',
  'role-order': 'messages are not system → user → assistant (…)',
  'batch-error': 'the batch request failed',
  'empty-answer': 'the answer is empty',
  truncated: 'the answer was cut off (finish_reason length or unterminated fence)',
  'no-code': 'the answer holds no SourcePawn code',
  'system-prompt': 'system prompt differs from the majority',
  'too-many-tokens': 'over --max-tokens',
  duplicate: 'same code as an accepted example',
  'near-duplicate': 'nearly the same code as an accepted example',
  'low-score': 'score below --min-score',
  compile: 'the code does not compile (spcomp when found, else the static compile check)',
  'compiler-problem': 'the compiler could not run (warning only)',
  'conflicting-answers': 'the same prompt has different answers (warning only)',
};

function help(code: string): string {
  if (code.startsWith('check:')) return `the \`${code.slice(6)}\` check failed`;
  return REASON_HELP[code] ?? '';
}

const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const pct = (n: number, total: number) => (total === 0 ? '0%' : `${Math.round((100 * n) / total)}%`);

/** Text bars: the longest bar is 40 characters. */
export function histogramText(bins: readonly HistogramBin[]): string {
  const max = Math.max(1, ...bins.map((b) => b.count));
  const width = Math.max(...bins.map((b) => b.label.length));
  return bins.map((b) => `${b.label.padStart(width)} | ${'#'.repeat(Math.round((40 * b.count) / max)).padEnd(40)} ${b.count}`).join('\n');
}

/** Renders the Markdown report. */
export function renderCheckReport(s: CheckSummary): string {
  const out: string[] = ['# Training data check', ''];
  out.push(`Files: ${s.files.map((f) => `\`${f}\``).join(', ')}`, '');
  out.push('| | count |', '|---|---:|');
  out.push(`| lines | ${s.lines} |`);
  if (s.sampled) out.push(`| checked (sample of ${s.sampled.size}, seed ${s.sampled.seed}) | ${s.checked} |`);
  out.push(`| accepted | ${s.accepted} (${pct(s.accepted, s.checked)}) |`, `| rejected | ${s.rejected} (${pct(s.rejected, s.checked)}) |`);
  if (s.blankLines > 0) out.push(`| blank lines (skipped) | ${s.blankLines} |`);
  out.push(`| mean score | ${s.meanScore ?? 'n/a'} |`, '');
  out.push(`Settings: --min-score ${s.options.minScore}, --max-tokens ${s.options.maxTokens}, --near-dup ${s.options.nearDup}${s.options.rules ? `, --rules ${s.options.rules.join(',')}` : ''}.`);
  out.push(s.majoritySystem ? `Majority system prompt (${pct(s.majoritySystem.share, 1)} of chat examples): "${esc(s.majoritySystem.text)}"` : 'No system prompt is shared by most chat examples: the system prompt check was skipped.', '');

  out.push('## Rejection reasons', '');
  if (s.reasons.length === 0) out.push('None.');
  else {
    out.push('| reason | examples | meaning |', '|---|---:|---|');
    for (const r of s.reasons) out.push(`| \`${r.code}\` | ${r.count} | ${help(r.code)} |`);
  }
  if (s.warnings.length > 0) {
    out.push('', '| warning | examples | meaning |', '|---|---:|---|');
    for (const w of s.warnings) out.push(`| \`${w.code}\` | ${w.count} | ${help(w.code)} |`);
  }
  out.push('', '## Score distribution', '', '```', histogramText(s.histogram), '```', '');

  out.push('## Unknown APIs', '');
  if (s.unknownApis.length === 0) out.push('None: every called function resolves to the catalog or the code itself.');
  else {
    out.push('| name | examples |', '|---|---:|');
    for (const a of s.unknownApis) out.push(`| \`${a.name}\` | ${a.count} |`);
  }
  out.push('', '## Worst examples', '');
  if (s.worst.length === 0) out.push('None.');
  else {
    out.push('| file:line | score | reasons |', '|---|---:|---|');
    for (const w of s.worst) out.push(`| ${esc(w.file)}:${w.line} | ${w.score ?? 'n/a'} | ${esc(w.reasons.join('; ')).slice(0, 300)} |`);
  }
  out.push('', `Every rejected line and its reasons: \`${s.outputs.reasons ?? s.outputs.rejected}\`; one row per line: \`${s.outputs.csv}\`.`, '');
  return out.join('\n');
}
