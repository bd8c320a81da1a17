// Wilson score interval: unlike the normal approximation it stays inside 0–1 and behaves at 0/n and n/n,
// which small suites hit all the time.
import { zFor, type Interval } from './interval.js';

/** Wilson interval for `successes` out of `n`; null when n is 0. */
export function wilsonInterval(successes: number, n: number, level = 0.95): Interval | null {
  if (n <= 0) return null;
  if (successes < 0 || successes > n) throw new RangeError(`successes ${successes} outside 0..${n}`);
  const z = zFor(level);
  const p = successes / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const center = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  // At 0/n and n/n the bound is exactly 0 or 1; floats would give 0.9999999999999999.
  const low = successes === 0 ? 0 : Math.max(0, center - half);
  const high = successes === n ? 1 : Math.min(1, center + half);
  return { estimate: p, low, high, level };
}
