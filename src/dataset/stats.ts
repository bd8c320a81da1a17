// Running totals of a check: counts, reasons, score histogram, unknown APIs, worst examples.
// Everything here is bounded (by the number of distinct reason codes and API names, and WORST_KEPT).
import type { CheckSummary, HistogramBin, Verdict, WorstExample } from './types.js';

const WORST_KEPT = 20;
/** Distinct unknown API names tracked; beyond that, new names are ignored (never seen in practice). */
const MAX_API_NAMES = 10_000;

function ranked(counts: Map<string, number>): { code: string; count: number }[] {
  return [...counts].map(([code, count]) => ({ code, count })).sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
}

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/** Accumulates verdicts. */
export class CheckStats {
  checked = 0;
  accepted = 0;
  private readonly reasons = new Map<string, number>();
  private readonly warnings = new Map<string, number>();
  /** Ten bins of one point each (10 falls in the last), plus the unjudged. */
  private readonly bins = new Array<number>(10).fill(0);
  private unjudged = 0;
  private scoreSum = 0;
  private scored = 0;
  private readonly apis = new Map<string, number>();
  private worstList: WorstExample[] = [];

  add(v: Verdict): void {
    this.checked++;
    if (v.accepted) this.accepted++;
    // A reason code counts once per example, so the ranking reads "examples rejected for X".
    for (const code of new Set(v.reasons.map((r) => r.code))) bump(this.reasons, code);
    for (const code of new Set(v.warnings.map((r) => r.code))) bump(this.warnings, code);
    if (v.score === null) this.unjudged++;
    else {
      const bin = Math.min(9, Math.max(0, Math.floor(v.score)));
      this.bins[bin] = (this.bins[bin] ?? 0) + 1;
      this.scoreSum += v.score;
      this.scored++;
    }
    for (const name of v.unknownApis) if (this.apis.has(name) || this.apis.size < MAX_API_NAMES) bump(this.apis, name);
    if (!v.accepted && v.score !== null) this.keepWorst({ file: v.file, line: v.line, score: v.score, reasons: v.reasons.map((r) => `${r.code}: ${r.message}`) });
  }

  private keepWorst(w: WorstExample): void {
    const last = this.worstList[this.worstList.length - 1];
    if (this.worstList.length >= WORST_KEPT && last && (last.score ?? 0) <= (w.score ?? 0)) return;
    this.worstList.push(w);
    // Stable sort keeps input order among equal scores.
    this.worstList.sort((a, b) => (a.score ?? 0) - (b.score ?? 0));
    if (this.worstList.length > WORST_KEPT) this.worstList.pop();
  }

  get rejected(): number {
    return this.checked - this.accepted;
  }

  /** The summary's figures from these totals and the dataset's majority system prompt. */
  figures(majority: { text: string; share: number } | null): Pick<CheckSummary, 'checked' | 'accepted' | 'majoritySystem' | 'reasons' | 'warnings' | 'histogram' | 'meanScore' | 'unknownApis' | 'worst'> {
    return {
      checked: this.checked,
      accepted: this.accepted,
      majoritySystem: majority ? { text: majority.text, share: Math.round(majority.share * 1000) / 1000 } : null,
      reasons: this.reasonCounts(),
      warnings: this.warningCounts(),
      histogram: this.histogram(),
      meanScore: this.meanScore(),
      unknownApis: this.unknownApis(),
      worst: this.worst(),
    };
  }

  reasonCounts(): { code: string; count: number }[] {
    return ranked(this.reasons);
  }

  warningCounts(): { code: string; count: number }[] {
    return ranked(this.warnings);
  }

  histogram(): HistogramBin[] {
    const bins = this.bins.map((count, i) => ({ label: i === 9 ? '9-10' : `${i}-<${i + 1}`, count }));
    return [...bins, { label: 'not judged', count: this.unjudged }];
  }

  meanScore(): number | null {
    return this.scored === 0 ? null : Math.round((100 * this.scoreSum) / this.scored) / 100;
  }

  unknownApis(limit = 30): { name: string; count: number }[] {
    return ranked(this.apis).slice(0, limit).map(({ code, count }) => ({ name: code, count }));
  }

  worst(): WorstExample[] {
    return [...this.worstList];
  }
}
