// The gate's report for people (plain text, CI-log friendly) and for tools (JSON).
import { fixed, pct, signed } from '../report/format.js';
import { trimDiff } from '../analysis/evidence.js';
import { formatP } from '../analysis/stats/verdict.js';
import type { GateCheck, GateResult, GateUnit } from './evaluate.js';

function value(n: number | null, unit: GateUnit): string {
  if (n === null) return 'n/a';
  if (unit === 'score') return fixed(n, 2);
  if (unit === 'rate') return pct(n, 1);
  if (unit === 'p') return formatP(n).replace(/^= /, '');
  return String(n);
}

function checkLine(c: GateCheck): string {
  const op = c.op === '>=' ? '≥' : c.op === '<=' ? '≤' : 'p ≥';
  const actual = c.unit === 'p' && c.actual === null ? 'not worse' : value(c.actual, c.unit);
  const note = c.note ? ` (${c.note})` : '';
  return `  ${c.pass ? 'PASS' : 'FAIL'}  ${c.label.padEnd(36)} ${`${op} ${value(c.threshold, c.unit)}`.padEnd(12)} measured ${actual}${note}`;
}

const indent = (text: string, pad: string) => text.replace(/\n$/, '').split('\n').map((l) => pad + l).join('\n');

/** Text report: thresholds, verdict, regressions with evidence, then the decision. */
export function renderGateText(r: GateResult, maxDiffLines = 40): string {
  const failed = r.checks.filter((c) => !c.pass).length;
  const lines = [`Gate: ${r.candidate} (candidate) vs ${r.baseline} (baseline) on ${r.suite}, ${r.cases} paired cases`, '', 'Thresholds:', ...r.checks.map(checkLine), '', `Verdict: ${r.verdict.text}`, ''];
  if (r.regressions.length === 0) lines.push(`Regressions: none (${r.improvements} improved)`);
  else {
    lines.push(`Regressions (${r.regressions.length}; ${r.improvements} improved):`);
    for (const e of r.regressions) {
      const status = e.fromStatus === e.toStatus ? '' : `, ${e.fromStatus} → ${e.toStatus}`;
      lines.push(`  - ${e.caseId} (${e.category}): ${fixed(e.fromScore, 1)} → ${fixed(e.toScore, 1)} (${signed(e.delta, 1)})${status}`);
      for (const f of e.flipped) lines.push(`      ${f.id}: ${f.from} → ${f.to}: ${f.reason}`);
      if (e.diff) lines.push(indent(trimDiff(e.diff, maxDiffLines), '      '));
    }
  }
  lines.push('', r.pass ? `Result: PASS (${r.checks.length} thresholds hold)` : `Result: FAIL (${failed} of ${r.checks.length} thresholds failed: ${r.checks.filter((c) => !c.pass).map((c) => c.id).join(', ')})`);
  return `${lines.join('\n')}\n`;
}

/** The same as data, diffs trimmed. */
export function gateJson(r: GateResult, maxDiffLines = 40): GateResult {
  return { ...r, regressions: r.regressions.map((e) => ({ ...e, diff: trimDiff(e.diff, maxDiffLines) })) };
}
