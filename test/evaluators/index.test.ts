import { describe, expect, it } from 'vitest';
import { evaluators, isCheckKind, type CheckKind } from '../../evaluators/index.js';

const KINDS: CheckKind[] = [
  'syntax', 'regex', 'not_regex', 'calls', 'hooks_event', 'includes',
  'defines', 'uses', 'convar', 'query', 'rule', 'api',
  'compiles', 'judge',
];

describe('evaluator registry', () => {
  it('registers every suite check kind under its own kind', () => {
    expect(Object.keys(evaluators).sort()).toEqual([...KINDS].sort());
    for (const kind of KINDS) expect(evaluators[kind].kind).toBe(kind);
  });

  it('gives each kind a description and a strict option schema', () => {
    for (const kind of KINDS) {
      const ev = evaluators[kind];
      expect(ev.description.length, kind).toBeGreaterThan(10);
      expect(ev.options.safeParse({ surely_not_an_option: 1 }).success, kind).toBe(false);
    }
  });

  it('isCheckKind accepts registered kinds only', () => {
    expect(isCheckKind('hooks_event')).toBe(true);
    expect(isCheckKind('hooks-event')).toBe(false);
    expect(isCheckKind('toString')).toBe(false);
  });
});
