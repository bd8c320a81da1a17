import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { signature, similarity } from '../../src/dataset/minhash.js';
import { loadPrompts, promptKey } from '../../src/flywheel/prompts.js';
import { loadSuites } from '../../src/suite/multi.js';
import { cli, ROOT, tempProject } from '../helpers/cli.js';
import { tempTree } from '../helpers/tmp.js';

const SET = path.join(ROOT, 'suites/prompts/augment.yaml');
const words = (s: string) => promptKey(s).match(/[a-z0-9_]+/g) ?? [];

describe('the shipped augment prompt set (suites/prompts/augment.yaml)', () => {
  const set = loadPrompts(SET);

  it('holds at least 150 distinct prompts over every special infected, survivors, game events, director, admin and HUD', () => {
    expect(set.prompts.length).toBeGreaterThanOrEqual(150);
    expect(set.duplicates).toBe(0);
    const categories = new Set(set.prompts.map((p) => p.category));
    for (const si of ['smoker', 'boomer', 'hunter', 'spitter', 'jockey', 'charger', 'tank', 'witch']) {
      expect(set.prompts.filter((p) => p.category === `special-infected/${si}`).length, si).toBeGreaterThanOrEqual(8);
    }
    for (const area of ['survivors/healing', 'survivors/reviving', 'survivors/weapons', 'survivors/items', 'game-events/saferoom', 'game-events/finale', 'game-events/versus', 'game-events/survival']) {
      expect(categories.has(area), area).toBe(true);
    }
    for (const prefix of ['director/', 'admin/', 'hud/']) expect(set.prompts.filter((p) => p.category.startsWith(prefix)).length, prefix).toBeGreaterThanOrEqual(10);
    expect(new Set(set.prompts.map((p) => p.id)).size).toBe(set.prompts.length);
  });

  it('shares no prompt with any evaluation suite, not even nearly (training data never leaks into the suite)', async () => {
    const suiteFiles = readdirSync(path.join(ROOT, 'suites')).filter((f) => f.endsWith('.yaml')).map((f) => path.join(ROOT, 'suites', f));
    expect(suiteFiles.length).toBeGreaterThan(0);
    // Each suite on its own: suites may share case ids with each other, which is no concern here.
    const cases = [];
    for (const f of suiteFiles) cases.push(...(await loadSuites([f])).suite.cases);
    const suite = { cases };
    expect(suite.cases.length).toBeGreaterThan(40);
    const exact = new Set(suite.cases.map((c) => promptKey(c.prompt)));
    expect(set.prompts.filter((p) => exact.has(promptKey(p.prompt)))).toEqual([]);
    // Word shingles of three: two prompts asking for the same plugin share most of them.
    const shingles = (s: string) => {
      const w = words(s);
      return w.slice(0, -2).map((_, i) => w.slice(i, i + 3).join(' '));
    };
    const suiteSigs = suite.cases.map((c) => ({ id: c.id, sig: signature(shingles(c.prompt)) }));
    const close = set.prompts.flatMap((p) => {
      const sig = signature(shingles(p.prompt));
      return suiteSigs.filter((s) => similarity(sig, s.sig) >= 0.5).map((s) => `${p.id} ~ ${s.id}`);
    });
    expect(close).toEqual([]);
  });

  it('is not a suite: the default suite never loads it, and validate still passes on a copy of the project', async () => {
    const { suite } = await loadSuites([path.join(ROOT, 'suites/core.yaml')]);
    expect(suite.files.some((f) => f.includes('prompts'))).toBe(false);
    const r = await cli(['validate'], tempProject());
    expect(r.code, r.stderr).toBe(0);
  });
});

describe('loadPrompts', () => {
  it('reads text files (one per line, # comments), flat YAML lists and JSON with ids; drops repeats', () => {
    const dir = tempTree({
      'p.txt': '# my prompts\nWrite a plugin that heals.\n\n  write a   PLUGIN that heals.  \nWrite a plugin that kicks idle players.\n',
      'p.yaml': 'system: Be brief.\nprompts:\n  - Plain one\n  - { prompt: With id, id: custom-1, category: tank/hp }\n  - { category: hud, prompts: [A, B] }\n',
      'p.json': JSON.stringify(['x', { prompt: 'y', category: 'director/pacing' }]),
    });
    const txt = loadPrompts(path.join(dir, 'p.txt'));
    expect(txt.prompts).toEqual([
      { id: 'augment-001', category: 'augment', prompt: 'Write a plugin that heals.' },
      { id: 'augment-002', category: 'augment', prompt: 'Write a plugin that kicks idle players.' },
    ]);
    expect(txt.duplicates).toBe(1);
    const yaml = loadPrompts(path.join(dir, 'p.yaml'));
    expect(yaml.system).toBe('Be brief.');
    expect(yaml.prompts.map((p) => [p.id, p.category, p.prompt])).toEqual([
      ['augment-001', 'augment', 'Plain one'],
      ['custom-1', 'tank/hp', 'With id'],
      ['hud-001', 'hud', 'A'],
      ['hud-002', 'hud', 'B'],
    ]);
    expect(loadPrompts(path.join(dir, 'p.json')).prompts.map((p) => p.id)).toEqual(['augment-001', 'pacing-001']);
  });

  it('names the file and line of a bad entry, and refuses an empty or missing file', () => {
    const dir = tempTree({ 'bad.yaml': 'prompts:\n  - ok\n  - { text: nope }\n', 'empty.txt': '# nothing\n' });
    expect(() => loadPrompts(path.join(dir, 'bad.yaml'))).toThrow(/is not a prompt list/);
    try {
      loadPrompts(path.join(dir, 'bad.yaml'));
    } catch (err) {
      expect((err as { problems: { line?: number }[] }).problems[0]!.line).toBe(3);
    }
    expect(() => loadPrompts(path.join(dir, 'empty.txt'))).toThrow(/no prompts in/);
    expect(() => loadPrompts(path.join(dir, 'missing.txt'))).toThrow(/cannot read prompt file .*file not found/);
  });
});
