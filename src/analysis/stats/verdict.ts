// Baseline vs candidate on the same cases: two paired tests and one sentence a person can act on.
import { pairedBootstrap, type BootstrapOptions, type PairedBootstrap } from './bootstrap.js';
import { sampleSd } from './describe.js';
import { mcnemarExact, type DiscordantPairs } from './mcnemar.js';
import { casesNeeded, DEFAULT_EFFECT } from './power.js';

/** One case judged for both models. */
export interface PairedCase {
  caseId: string;
  baseScore: number;
  candScore: number;
  basePass: boolean;
  candPass: boolean;
}

/** Direction of the comparison. */
export type VerdictKind = 'better' | 'worse' | 'no-difference' | 'mixed' | 'no-data';

/** Both paired tests and the plain-words verdict. */
export interface PairedVerdict {
  kind: VerdictKind;
  text: string;
  cases: number;
  alpha: number;
  score: PairedBootstrap | null;
  mcnemar: DiscordantPairs & { pValue: number };
  sdDelta: number;
  /** Cases needed to detect `effect` with the observed spread. */
  casesNeeded: number | null;
  effect: number;
}

/** Options of the verdict. */
export interface VerdictOptions extends BootstrapOptions {
  /** Significance level (default 0.05). */
  alpha?: number;
  /** Score change the power estimate is about (default 0.3). */
  effect?: number;
}

type Dir = -1 | 0 | 1;

function direction(p: number, sign: number, alpha: number): Dir {
  return p < alpha && sign !== 0 ? (sign > 0 ? 1 : -1) : 0;
}

/** Runs McNemar on pass/fail and a paired bootstrap on scores, then words the result. */
export function pairedVerdict(pairs: readonly PairedCase[], options: VerdictOptions = {}): PairedVerdict {
  const alpha = options.alpha ?? 0.05;
  const effect = options.effect ?? DEFAULT_EFFECT;
  const deltas = pairs.map((p) => p.candScore - p.baseScore);
  const discordant = {
    worse: pairs.filter((p) => p.basePass && !p.candPass).length,
    better: pairs.filter((p) => !p.basePass && p.candPass).length,
  };
  const mcnemar = { ...discordant, pValue: mcnemarExact(discordant) };
  const score = pairedBootstrap(deltas, options);
  const sdDelta = sampleSd(deltas);
  const base = { cases: pairs.length, alpha, score, mcnemar, sdDelta, effect };
  if (score === null) return { ...base, kind: 'no-data', text: 'no cases judged for both models', casesNeeded: null };

  const needed = casesNeeded(sdDelta, effect);
  const s = direction(score.pValue, score.meanDelta, alpha);
  const m = direction(mcnemar.pValue, discordant.better - discordant.worse, alpha);
  const p = (x: number) => formatP(x);
  if (s !== 0 && m !== 0 && s !== m) {
    return { ...base, casesNeeded: needed, kind: 'mixed', text: `mixed: scores ${s > 0 ? 'rose' : 'fell'} (p ${p(score.pValue)}) while pass/fail moved the other way (p ${p(mcnemar.pValue)})` };
  }
  const dir = s !== 0 ? s : m;
  if (dir !== 0) {
    const kind = dir > 0 ? 'better' : 'worse';
    const evidence = [
      `mean score ${signedText(score.meanDelta)} (paired bootstrap p ${p(score.pValue)})`,
      `${discordant.better} fixed / ${discordant.worse} broken (McNemar p ${p(mcnemar.pValue)})`,
    ];
    return { ...base, casesNeeded: needed, kind, text: `${kind} over ${pairs.length} cases: ${evidence.join('; ')}` };
  }
  const enough = needed <= pairs.length ? '' : `; about ${needed} cases would be needed to detect a ${effect} point change`;
  return { ...base, casesNeeded: needed, kind: 'no-difference', text: `no significant difference with ${pairs.length} cases${enough}` };
}

function signedText(n: number): string {
  return `${n >= 0 ? '+' : ''}${n.toFixed(2)}`;
}

/** p-values as people read them: `< 0.001`, else three decimals, with `=` for the prose form. */
export function formatP(p: number): string {
  return p < 0.001 ? '< 0.001' : `= ${p.toFixed(3)}`;
}
