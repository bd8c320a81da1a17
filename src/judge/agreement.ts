// How far a judge agrees with people: agreement, Cohen's kappa with a bootstrap confidence interval, the confusion
// matrix, the criteria it disagrees on most and the answers it got wrong. Pure: no I/O.
import { mulberry32 } from '../core/prng.js';

export type Label = 'pass' | 'fail';

/** One labelled answer next to the judge's verdict. */
export interface LabelledVerdict {
  answer: string;
  human: Label;
  /** null when the judge could not grade it (an error). */
  judge: Label | null;
  /** The judge's reason for a disagreement report. */
  reason?: string;
  /** Per-criterion human labels and judge verdicts, when the labels have them. */
  criteria?: { id: string; human: Label; judge: Label | null }[];
}

/** Rows: the human label; columns: the judge's verdict. */
export interface Confusion {
  pass: { pass: number; fail: number };
  fail: { pass: number; fail: number };
}

export interface CriterionAgreement {
  id: string;
  labelled: number;
  disagreements: number;
  /** disagreements / labelled. */
  rate: number;
}

export interface Agreement {
  /** Labelled answers, and those the judge graded. */
  labelled: number;
  graded: number;
  /** Judge failures (refusal, invalid JSON, timeout): not counted in agreement or kappa. */
  errors: number;
  /** Share of graded answers where judge and human agree. */
  agreement: number | null;
  /** Cohen's kappa on graded answers; null when it is undefined (one class only on both sides). */
  kappa: number | null;
  /** 95% bootstrap percentile interval of kappa. */
  kappaCi: { low: number; high: number } | null;
  confusion: Confusion;
  /** Criteria with human labels, most disagreed first. */
  criteria: CriterionAgreement[];
  /** Graded answers where the judge's verdict differs from the label. */
  wrong: { answer: string; human: Label; judge: Label; reason?: string }[];
}

/** Cohen's kappa of two binary raters over pairs; null when chance agreement is 1 (every pair in one class). */
export function cohenKappa(pairs: readonly { human: Label; judge: Label }[]): number | null {
  const n = pairs.length;
  if (n === 0) return null;
  const agree = pairs.filter((p) => p.human === p.judge).length / n;
  const hp = pairs.filter((p) => p.human === 'pass').length / n;
  const jp = pairs.filter((p) => p.judge === 'pass').length / n;
  const chance = hp * jp + (1 - hp) * (1 - jp);
  if (chance >= 1 - 1e-12) return null;
  return (agree - chance) / (1 - chance);
}

/** 95% percentile bootstrap interval of kappa (seeded: the same labels give the same interval). */
export function kappaInterval(pairs: readonly { human: Label; judge: Label }[], resamples = 2000, seed = 20261203): { low: number; high: number } | null {
  if (pairs.length < 2) return null;
  const rand = mulberry32(seed);
  const ks: number[] = [];
  for (let r = 0; r < resamples; r++) {
    const sample = Array.from({ length: pairs.length }, () => pairs[Math.floor(rand() * pairs.length)]!);
    const k = cohenKappa(sample);
    // A resample with a single class has no kappa; it says nothing about agreement beyond chance.
    if (k !== null) ks.push(k);
  }
  if (ks.length < resamples / 2) return null;
  ks.sort((a, b) => a - b);
  const at = (q: number) => ks[Math.min(ks.length - 1, Math.max(0, Math.floor(q * ks.length)))]!;
  return { low: at(0.025), high: at(0.975) };
}

/** Every figure of a calibration. */
export function agreementOf(rows: readonly LabelledVerdict[]): Agreement {
  const graded = rows.filter((r): r is LabelledVerdict & { judge: Label } => r.judge !== null);
  const confusion: Confusion = { pass: { pass: 0, fail: 0 }, fail: { pass: 0, fail: 0 } };
  for (const r of graded) confusion[r.human][r.judge]++;
  const per = new Map<string, CriterionAgreement>();
  for (const r of rows) {
    for (const c of r.criteria ?? []) {
      if (c.judge === null) continue;
      const a = per.get(c.id) ?? { id: c.id, labelled: 0, disagreements: 0, rate: 0 };
      a.labelled++;
      if (c.human !== c.judge) a.disagreements++;
      a.rate = a.disagreements / a.labelled;
      per.set(c.id, a);
    }
  }
  const pairs = graded.map((r) => ({ human: r.human, judge: r.judge }));
  return {
    labelled: rows.length,
    graded: graded.length,
    errors: rows.length - graded.length,
    agreement: graded.length ? graded.filter((r) => r.human === r.judge).length / graded.length : null,
    kappa: cohenKappa(pairs),
    kappaCi: kappaInterval(pairs),
    confusion,
    criteria: [...per.values()].sort((a, b) => b.rate - a.rate || b.disagreements - a.disagreements || a.id.localeCompare(b.id)),
    wrong: graded.filter((r) => r.human !== r.judge).map((r) => ({ answer: r.answer, human: r.human, judge: r.judge, ...(r.reason ? { reason: r.reason } : {}) })),
  };
}

/** A label as written (`pass`, `fail`, a 0–10 score, true/false) read against a pass score; undefined when unreadable. */
export function readLabel(raw: unknown, passScore: number): Label | undefined {
  if (raw === true || raw === 'pass' || raw === 'PASS' || raw === 'yes') return 'pass';
  if (raw === false || raw === 'fail' || raw === 'FAIL' || raw === 'no') return 'fail';
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
  if (Number.isFinite(n) && n >= 0 && n <= 10) return n >= passScore - 1e-9 ? 'pass' : 'fail';
  return undefined;
}
