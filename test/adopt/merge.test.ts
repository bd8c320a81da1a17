// `run --shard i/n` on every shard, then `merge`: the same run as one unsharded run, item for item, and the same
// compare and gate verdicts. Bad sets of shards are refused with the file at fault.
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import type { RunResult } from '../../src/types/run.js';

let dir: string;
const read = (f: string) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as RunResult;
// What differs between two runs of the same plan by nature: ids, clocks, latencies.
const items = (r: RunResult) => r.items.map(({ latencyMs: _l, ...i }) => i);
const models = (r: RunResult) => r.models.map(({ latencyMs: _l, ...m }) => m);

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'l4d2-eval-merge-'));
  expect((await cli(['init', '--yes'], dir)).code).toBe(0);
  // Two samples per case, so shards split a case's samples too.
  const suite = path.join(dir, 'suites/starter.yaml');
  writeFileSync(suite, readFileSync(suite, 'utf8').replace('samples: 1', 'samples: 2'));
  expect((await cli(['run', '--format', 'json', '--out', 'full', '-q'], dir)).code).toBe(0);
  for (const i of [1, 2, 3]) expect((await cli(['run', '--shard', `${i}/3`, '--format', 'json', '--out', `shard-${i}`, '-q'], dir)).code).toBe(0);
}, 120_000);

describe('run --shard and merge', () => {
  it('each shard holds its slice, and the slices partition the plan', () => {
    const shards = [1, 2, 3].map((i) => read(`shard-${i}/results.json`));
    const full = read('full/results.json');
    expect(full.items).toHaveLength(16);
    expect(shards.map((s) => s.shard?.index)).toEqual([1, 2, 3]);
    expect(new Set(shards.map((s) => s.shard?.plan)).size).toBe(1);
    expect(shards.every((s) => s.shard?.planned === 16 && s.items.length > 0)).toBe(true);
    const keys = shards.flatMap((s) => s.items.map((i) => `${i.model}/${i.caseId}/${i.sample}`));
    expect(keys.sort()).toEqual(full.items.map((i) => `${i.model}/${i.caseId}/${i.sample}`).sort());
  });

  it('merge gives the unsharded run item for item, with the same figures, compare and gate', async () => {
    const merged = await cli(['merge', 'shard-3/results.json', 'shard-1/results.json', 'shard-2/results.json', '--out', 'merged'], dir);
    expect(merged.stderr).toBe('');
    expect(merged.code).toBe(0);
    expect(merged.stdout).toMatch(/Merged 3 shards \(16 items\) into run \S+: merged\/report\.md/);
    const a = read('merged/results.json');
    const b = read('full/results.json');
    expect(a.shard).toBeUndefined();
    expect(items(a)).toEqual(items(b));
    expect(models(a)).toEqual(models(b));
    expect(a.cases).toEqual(b.cases);
    expect(a.suite).toEqual(b.suite);
    const gate = (f: string) => cli(['gate', '--baseline', 'baseline', '--candidate', 'candidate', '--json', f], dir);
    const [g1, g2] = [await gate('merged/results.json'), await gate('full/results.json')];
    expect(g1.code).toBe(0);
    const noId = (t: string) => t.replace(/"runId": "[^"]*"/g, '');
    expect(noId(g1.stdout)).toBe(noId(g2.stdout));
    expect(JSON.parse(g1.stdout).checks.length).toBeGreaterThan(3);
    const cmp = async (f: string) => {
      const r = await cli(['compare', f, '--json', '--out', `cmp-${path.dirname(f)}`, '-q'], dir);
      expect(r.code).toBe(0);
      return readFileSync(path.join(dir, `cmp-${path.dirname(f)}`, 'comparison.json'), 'utf8').replace(/"runId": "[^"]*"/g, '').replace(/"(startedAt|finishedAt|generatedAt)": "[^"]*"/g, '').replace(/"latencyMs": \{[^}]*\}/g, '').replace(/"latencyMs": [\d.]+/g, '');
    };
    expect(await cmp('merged/results.json')).toBe(await cmp('full/results.json'));
  });

  it('refuses a missing shard, a shard given twice, an unsharded file, and shards of another plan', async () => {
    const missing = await cli(['merge', 'shard-1/results.json', 'shard-3/results.json', '--out', 'x'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('error: shard 2/3 missing (2 of 3 given)');
    const twice = await cli(['merge', 'shard-1/results.json', 'shard-2/results.json', 'shard-2/results.json', '--out', 'x'], dir);
    expect(twice.stderr).toContain('error: shard 2/3 is given twice: shard-2/results.json and shard-2/results.json');
    const plain = await cli(['merge', 'full/results.json', '--out', 'x'], dir);
    expect(plain.stderr).toContain('full/results.json is not the results of a sharded run');
    expect(plain.stderr).toContain('hint: write it with `l4d2-eval run --shard i/n`');
    // Another plan: the suite changed between shards (three samples per case instead of two).
    const suite = path.join(dir, 'suites/starter.yaml');
    const text = readFileSync(suite, 'utf8');
    writeFileSync(suite, text.replace('samples: 2', 'samples: 3'));
    try {
      expect((await cli(['run', '--shard', '2/3', '--format', 'json', '--out', 'other-2', '-q'], dir)).code).toBe(0);
    } finally {
      writeFileSync(suite, text);
    }
    const mixed = await cli(['merge', 'shard-1/results.json', 'other-2/results.json', 'shard-3/results.json', '--out', 'x'], dir);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toMatch(/error: other-2\/results\.json is from another run plan than shard-1\/results\.json/);
  });

  it('refuses shards whose items overlap or sit in the wrong shard', async () => {
    const one = read('shard-1/results.json');
    const two = read('shard-2/results.json');
    writeFileSync(path.join(dir, 'overlap.json'), JSON.stringify({ ...two, items: [...two.items, one.items[0]] }));
    const r = await cli(['merge', 'shard-1/results.json', 'overlap.json', 'shard-3/results.json', '--out', 'x'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is in both shard-1\/results\.json and overlap\.json: the shards overlap/);
    // The item moved from shard 1 to shard 2: no overlap, every item present once, but in the wrong shard.
    writeFileSync(path.join(dir, 'less.json'), JSON.stringify({ ...one, items: one.items.slice(1) }));
    const moved = await cli(['merge', 'less.json', 'overlap.json', 'shard-3/results.json', '--out', 'x'], dir);
    expect(moved.code).toBe(2);
    const it0 = one.items[0]!;
    expect(moved.stderr).toContain(`overlap.json: ${it0.model} × ${it0.caseId} sample ${it0.sample} belongs to shard 1/3, not 2/3`);
  });

  it('refuses --shard with --batch, and bad values', async () => {
    const r = await cli(['run', '--shard', '4/3'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--shard 4/3: expected i/n');
  });
});
