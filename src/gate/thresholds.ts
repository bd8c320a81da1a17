// Gate thresholds from the config's `gate:` section and from flags (flags win).
import type { GateConfig } from '../config/schema.js';
import { UsageError } from '../core/errors.js';

/** Thresholds in the library's own (camelCase) names; absent ones are not checked. */
export interface GateThresholds {
  minAvgScore?: number;
  minPassRate?: number;
  minSyntaxRate?: number;
  minCompileRate?: number;
  minApiAccuracy?: number;
  maxUnknownApis?: number;
  maxRegressions?: number;
  maxPWorse?: number;
  categories: Record<string, { minAvgScore: number }>;
}

/** Converts the config section. */
export function thresholdsFromConfig(gate: GateConfig | undefined): GateThresholds {
  const g = gate ?? {};
  return {
    minAvgScore: g.min_avg_score,
    minPassRate: g.min_pass_rate,
    minSyntaxRate: g.min_syntax_rate,
    minCompileRate: g.min_compile_rate,
    minApiAccuracy: g.min_api_accuracy,
    maxUnknownApis: g.max_unknown_apis,
    maxRegressions: g.max_regressions,
    maxPWorse: g.max_p_worse,
    categories: Object.fromEntries(Object.entries(g.categories ?? {}).map(([k, v]) => [k, { minAvgScore: v.min_avg_score }])),
  };
}

/** Flag name → threshold key and how its value is read. */
export const THRESHOLD_FLAGS = {
  'min-score': { key: 'minAvgScore', kind: 'score' },
  'min-pass-rate': { key: 'minPassRate', kind: 'rate' },
  'min-syntax-rate': { key: 'minSyntaxRate', kind: 'rate' },
  'min-compile-rate': { key: 'minCompileRate', kind: 'rate' },
  'min-api-accuracy': { key: 'minApiAccuracy', kind: 'rate' },
  'max-unknown-apis': { key: 'maxUnknownApis', kind: 'count' },
  'max-regressions': { key: 'maxRegressions', kind: 'count' },
  'max-p-worse': { key: 'maxPWorse', kind: 'p' },
} as const satisfies Record<string, { key: keyof Omit<GateThresholds, 'categories'>; kind: 'score' | 'rate' | 'count' | 'p' }>;

/** Parses one threshold flag value: rates accept `0.8` or `80%`, counts must be whole numbers. */
export function parseThreshold(flag: keyof typeof THRESHOLD_FLAGS, raw: string): number {
  const { kind } = THRESHOLD_FLAGS[flag];
  const percent = raw.trim().endsWith('%');
  const n = Number(percent ? raw.trim().slice(0, -1) : raw);
  const value = percent ? n / 100 : n;
  const bad = (range: string) => new UsageError(`--${flag} must be ${range}, got "${raw}"`);
  if (raw.trim() === '' || !Number.isFinite(value)) throw bad('a number');
  // `95%` is a rate; a score is out of 10 (8.5), so a percentage there is a mistake, not 0.95/10.
  if (percent && kind !== 'rate') throw bad(kind === 'score' ? 'a score between 0 and 10 (not a percentage, e.g. 8.5)' : 'a plain number (not a percentage)');
  if (kind === 'score' && (value < 0 || value > 10)) throw bad('a score between 0 and 10');
  if (kind === 'rate' && (value < 0 || value > 1)) throw bad('a rate between 0 and 1 (or 0%–100%)');
  if (kind === 'count' && (!Number.isInteger(value) || value < 0)) throw bad('a whole number ≥ 0');
  if (kind === 'p' && (value <= 0 || value > 1)) throw bad('a p-value above 0 and at most 1');
  return value;
}

/** Config thresholds overridden by any threshold flags given. */
export function mergeThresholdFlags(base: GateThresholds, values: Partial<Record<string, string | boolean>>): GateThresholds {
  const out: GateThresholds = { ...base, categories: { ...base.categories } };
  for (const [flag, spec] of Object.entries(THRESHOLD_FLAGS)) {
    const raw = values[flag];
    if (typeof raw === 'string') out[spec.key] = parseThreshold(flag as keyof typeof THRESHOLD_FLAGS, raw);
  }
  return out;
}

/** True when nothing at all would be checked. */
export function isEmpty(t: GateThresholds): boolean {
  return Object.values(THRESHOLD_FLAGS).every((s) => t[s.key] === undefined) && Object.keys(t.categories).length === 0;
}
