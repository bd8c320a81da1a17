/** A point estimate with a two-sided confidence interval. */
export interface Interval {
  estimate: number;
  low: number;
  high: number;
  /** Confidence level, e.g. 0.95. */
  level: number;
}

/** z for a two-sided level: 0.95 → 1.959964. Covers the levels reports use. */
export function zFor(level: number): number {
  const table: Record<string, number> = { '0.8': 1.281552, '0.9': 1.644854, '0.95': 1.959964, '0.99': 2.575829 };
  const z = table[String(level)];
  if (z === undefined) throw new Error(`unsupported confidence level ${level}; use 0.8, 0.9, 0.95 or 0.99`);
  return z;
}
