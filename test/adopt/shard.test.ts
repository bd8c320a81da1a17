// `run --shard i/n`: which shard an item lands in (pure), and the refusals of bad --shard values.
import { describe, expect, it } from 'vitest';
import { parseShard, shardOf } from '../../src/run/shard.js';
import { UsageError } from '../../src/core/errors.js';

const models = ['v1', 'v2', 'ft:gpt-4o-mini-2024-07-18:acme:l4d2:abc123'];
const cases = Array.from({ length: 200 }, (_, i) => `case-${i}`);

function counts(n: number, samples: number, caseIds = cases): number[] {
  const c = new Array<number>(n).fill(0);
  for (const m of models) for (const k of caseIds) for (let s = 1; s <= samples; s++) c[shardOf(m, k, s, n) - 1]!++;
  return c;
}

describe('shardOf', () => {
  it('puts every model × case × sample in exactly one shard in 1..n, the same one every time', () => {
    for (const n of [1, 2, 3, 7]) {
      for (const m of models) for (const k of cases.slice(0, 40)) for (let s = 1; s <= 3; s++) {
        const a = shardOf(m, k, s, n);
        expect(a).toBeGreaterThanOrEqual(1);
        expect(a).toBeLessThanOrEqual(n);
        expect(shardOf(m, k, s, n)).toBe(a);
      }
    }
    expect(counts(4, 3).reduce((a, b) => a + b, 0)).toBe(models.length * cases.length * 3);
  });

  it('is balanced: 200 cases × 3 models, one sample, over 4 shards: each within 15 % of the mean', () => {
    const c = counts(4, 1);
    const mean = (models.length * cases.length) / 4;
    for (const x of c) expect(Math.abs(x - mean) / mean).toBeLessThan(0.15);
  });

  it('spreads the samples of one case evenly: n samples over n shards is one each', () => {
    for (const m of models) for (const k of cases.slice(0, 50)) {
      const shards = [1, 2, 3].map((s) => shardOf(m, k, s, 3)).sort();
      expect(shards).toEqual([1, 2, 3]);
    }
    expect(counts(3, 3)).toEqual([600, 600, 600]);
  });

  it('is stable when cases are added or removed elsewhere in the suite', () => {
    const before = new Map(cases.map((k) => [k, shardOf('v2', k, 1, 5)]));
    const grown = [...cases.slice(0, 100), 'new-a', 'new-b', ...cases.slice(100), 'new-c'];
    for (const k of grown) if (before.has(k)) expect(shardOf('v2', k, 1, 5)).toBe(before.get(k));
  });
});

describe('parseShard', () => {
  it('reads i/n', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    expect(parseShard('1/1')).toEqual({ index: 1, count: 1 });
  });
  it.each(['0/3', '4/3', '3', 'a/b', '1/0', '-1/2', '1/2/3'])('refuses %s with the fix', (bad) => {
    expect(() => parseShard(bad)).toThrow(UsageError);
    expect(() => parseShard(bad)).toThrow(/expected i\/n with 1 ≤ i ≤ n/);
  });
});
