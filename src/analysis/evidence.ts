// What changed on a case: checks that flipped and the code diff between the two models' answers.
import { createTwoFilesPatch } from 'diff';
import type { CaseChange } from './view.js';
import type { ItemResult } from '../types/run.js';
import type { CaseEvidence, FlippedCheck } from './types.js';

/** The answer the evidence is taken from: the first judged sample (samples are ordered). */
export function firstJudged(items: readonly ItemResult[]): ItemResult | undefined {
  return [...items].sort((a, b) => a.sample - b.sample).find((i) => i.status !== 'error');
}

// A check counts as passing on a case when it passed on every judged sample that ran it.
function checkStates(items: readonly ItemResult[]): Map<string, { pass: boolean; kind: string; reason: string }> {
  const out = new Map<string, { pass: boolean; kind: string; reason: string }>();
  for (const it of items) {
    if (it.status === 'error') continue;
    for (const c of it.checks) {
      if (c.status === 'error') continue;
      const prev = out.get(c.id);
      const pass = (prev?.pass ?? true) && c.status === 'pass';
      // Keep a failing reason when there is one: it is the one a reader needs.
      const reason = prev && !prev.pass ? prev.reason : c.reason;
      out.set(c.id, { pass, kind: c.kind, reason });
    }
  }
  return out;
}

/** Checks that went pass→fail or fail→pass, failures first, in the candidate's check order. */
export function flippedChecks(base: readonly ItemResult[], cand: readonly ItemResult[]): FlippedCheck[] {
  const before = checkStates(base);
  const after = checkStates(cand);
  const out: FlippedCheck[] = [];
  for (const [id, now] of after) {
    const was = before.get(id);
    if (!was || was.pass === now.pass) continue;
    out.push({ id, kind: now.kind, from: was.pass ? 'pass' : 'fail', to: now.pass ? 'pass' : 'fail', reason: now.reason });
  }
  return out.sort((a, b) => Number(a.to === 'pass') - Number(b.to === 'pass'));
}

/** Unified diff of the first judged sample's code, '' when the code is the same. */
export function codeDiff(caseId: string, baseline: string, candidate: string, base: readonly ItemResult[], cand: readonly ItemResult[]): string {
  const a = firstJudged(base)?.code ?? '';
  const b = firstJudged(cand)?.code ?? '';
  if (a === b) return '';
  const patch = createTwoFilesPatch(`${baseline}/${caseId}.sp`, `${candidate}/${caseId}.sp`, a, b, undefined, undefined, { context: 3 });
  // The `====` banner the library puts first says nothing a reader needs.
  return patch.replace(/^=+\n/, '');
}

/** Attaches flipped checks and the diff to a case change. */
export function caseEvidence(change: CaseChange, baseline: string, candidate: string, items: readonly ItemResult[]): CaseEvidence {
  const base = items.filter((i) => i.model === baseline && i.caseId === change.caseId);
  const cand = items.filter((i) => i.model === candidate && i.caseId === change.caseId);
  return { ...change, flipped: flippedChecks(base, cand), diff: codeDiff(change.caseId, baseline, candidate, base, cand) };
}

/** Cuts a diff to `maxLines`, saying how much was left out. */
export function trimDiff(diff: string, maxLines = 60): string {
  const lines = diff.replace(/\n$/, '').split('\n');
  if (lines.length <= maxLines) return diff;
  return `${lines.slice(0, maxLines).join('\n')}\n… ${lines.length - maxLines} more diff lines\n`;
}
