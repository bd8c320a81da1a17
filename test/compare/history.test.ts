import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findResultFiles, loadHistory } from '../../src/analysis/history.js';
import { tempTree } from '../helpers/tmp.js';
import { makeRun } from './make-run.js';

const run = (id: string, at: string, score: number) => JSON.stringify(makeRun({ v2: { a: { score } }, v3: { a: { score: score + 1 } } }, id, at));

describe('history', () => {
  const dir = tempTree({
    'b/results.json': run('r-late', '2026-03-01T00:00:00.000Z', 8),
    'a/deep/results.json': run('r-early', '2026-01-01T00:00:00.000Z', 6),
    'c/results.json': '{"not": "results"}',
    'c/other.json': run('r-ignored', '2025-01-01T00:00:00.000Z', 1),
  });

  it('finds results.json files recursively', () => {
    expect(findResultFiles(dir).map((f) => path.relative(dir, f))).toEqual(['a/deep/results.json', 'b/results.json', 'c/results.json']);
    expect(findResultFiles(path.join(dir, 'missing'))).toEqual([]);
  });

  it('sorts points by start time, filters by model and suite, and skips invalid files with a warning', () => {
    const warnings: string[] = [];
    const points = loadHistory({ dir, model: 'v2', onWarning: (w) => warnings.push(w) });
    expect(points.map((p) => [p.runId, p.model, p.avgScore])).toEqual([['r-early', 'v2', 6], ['r-late', 'v2', 8]]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('c/results.json');
    expect(loadHistory({ dir, suite: 'other' })).toEqual([]);
    expect(loadHistory({ dir, suite: 'mini' })).toHaveLength(4);
  });

  it('counts a run given twice once and fails on an invalid explicit file', () => {
    expect(loadHistory({ dir, files: [path.join(dir, 'b/results.json')] })).toHaveLength(4);
    expect(() => loadHistory({ files: [path.join(dir, 'c/results.json')] })).toThrow(/not an l4d2-eval results file/);
  });
});
