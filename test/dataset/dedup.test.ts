import { expect, test } from 'vitest';
import { NearDupIndex, signature, similarity } from '../../src/dataset/minhash.js';
import { codeHash, codeTokens, stripComments } from '../../src/dataset/normalize.js';
import { Reservoir } from '../../src/dataset/sample.js';
import { HEAL_PLUGIN, TANK_PLUGIN, WITCH_PLUGIN } from './plugins.js';

test('comments and layout do not change the code hash; string contents do', () => {
  const a = 'int x = 1; // one\nPrintToChatAll("a  b // not a comment");';
  const b = '/* header */ int x=1;\n\n   PrintToChatAll("a  b // not a comment");';
  expect(codeHash(codeTokens(a))).toBe(codeHash(codeTokens(b)));
  expect(codeHash(codeTokens(a))).not.toBe(codeHash(codeTokens(a.replace('a  b', 'a b'))));
  expect(stripComments('x = "//"; // y')).toBe('x = "//";  ');
});

test('similar code scores high, different plugins low', () => {
  const sig = (c: string) => signature(codeTokens(c));
  expect(similarity(sig(HEAL_PLUGIN), sig(HEAL_PLUGIN.replace('"1.2"', '"1.3"')))).toBeGreaterThan(0.9);
  expect(similarity(sig(HEAL_PLUGIN), sig(WITCH_PLUGIN))).toBeLessThan(0.5);
  const index = new NearDupIndex(0.9);
  index.add(sig(TANK_PLUGIN), 'tank');
  index.add(sig(HEAL_PLUGIN), 'heal');
  expect(index.find(sig(HEAL_PLUGIN.replace('round start', 'start of a round')))?.id).toBe('heal');
  expect(index.find(sig(WITCH_PLUGIN))).toBeNull();
});

test('reservoir sampling is uniform-ish and reproducible', () => {
  const run = (seed: number) => {
    const r = new Reservoir<number>(10, seed);
    for (let i = 0; i < 1000; i++) r.offer(i);
    return r.values();
  };
  expect(run(3)).toEqual(run(3));
  expect(run(3)).not.toEqual(run(4));
  expect(run(3).filter((v) => v >= 100).length).toBeGreaterThan(5);
});
