import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { selectModels } from '../../src/config/models.js';
import { ValidationError, UserError } from '../../src/core/errors.js';
import { tempTree } from '../helpers/tmp.js';

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    if (err instanceof ValidationError) return err.problems.map((p) => `${p.line} ${p.path}: ${p.message}`);
    throw err;
  }
  throw new Error('expected a ValidationError');
}

describe('loadConfig', () => {
  it('resolves paths from the config folder and applies defaults', () => {
    const dir = tempTree({ 'l4d2-eval.config.yaml': 'models:\n  v1:\n    provider: replay\n    id: m1\n' });
    const c = loadConfig(undefined, dir);
    expect(c.suite).toBe(path.join(dir, 'suites/core.yaml'));
    expect(c.models.v1!.dir).toBe(path.join(dir, 'fixtures/responses/v1'));
    expect(c.formats).toContain('md');
  });

  it('lists every problem with its line: a misspelt provider with a suggestion, an unknown field on its own line', () => {
    const dir = tempTree({ 'c.yaml': 'models:\n  v1:\n    provider: replya\n    id: x\n    temprature: 1\n' });
    expect(problemsOf(() => loadConfig('c.yaml', dir))).toEqual([
      '3 models.v1.provider: "replya" is not one of "replay", "openai" (did you mean "replay"?)',
      '5 models.v1: unknown field "temprature"',
    ]);
  });

  it('says how to fix a missing config and an unknown model label', () => {
    expect(() => loadConfig(undefined, tempTree({}))).toThrow(/config file not found/);
    const dir = tempTree({ 'l4d2-eval.config.yaml': 'models:\n  v1:\n    provider: replay\n    id: m1\n  v2:\n    provider: replay\n    id: m2\n' });
    const c = loadConfig(undefined, dir);
    expect(selectModels(c, ['v2', 'v1']).map((m) => m.label)).toEqual(['v2', 'v1']);
    try {
      selectModels(c, ['v3']);
      throw new Error('expected an error');
    } catch (err) {
      expect(err).toBeInstanceOf(UserError);
      expect((err as UserError).message).toBe('unknown model label "v3" (did you mean "v1"?)');
      expect((err as UserError).hint).toContain('known labels');
    }
  });
});
