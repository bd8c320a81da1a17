// results.json is read through one validating reader: a malformed file is a user error naming the file and the
// first problem (exit 2 from the CLI), never a TypeError deep in a renderer.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readResults } from '../../src/run/results-file.js';
import { UserError } from '../../src/core/errors.js';
import { cli, ROOT } from '../helpers/cli.js';
import { tempTree } from '../helpers/tmp.js';

describe('reading results.json', () => {
  const dir = tempTree({});
  const bad = path.join(dir, 'results.json');
  writeFileSync(bad, JSON.stringify({ schemaVersion: 1, runId: 'r1', suite: { name: 's', files: [] }, startedAt: 5, models: [], cases: [], items: [] }));

  it('names the file and the first problem', () => {
    expect(() => readResults(bad)).toThrow(UserError);
    expect(() => readResults(bad)).toThrow(/results\.json.*startedAt/);
  });

  it('makes `report` exit 2 with that message and no stack trace', async () => {
    const r = await cli(['report', bad, '--out', path.join(dir, 'out')], ROOT);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: .*results\.json.*startedAt/m);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
