import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { tempTree } from '../helpers/tmp.js';

const FOLDER = path.resolve(import.meta.dirname, '../fixtures/includes');

describe('l4d2-eval index', () => {
  it('writes the index JSON and prints a summary', async () => {
    const dir = tempTree({});
    const out = path.join(dir, 'api.json');
    const r = await cli(['index', FOLDER, '--out', out, '--json'], dir);
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary.counts).toMatchObject({ includes: 3, native: 7, methodmap: 1, enum: 1 });
    const index = JSON.parse(readFileSync(out, 'utf8'));
    expect(index.schemaVersion).toBe(1);
    expect(index.includes.zapi).toEqual(['zapi_stocks', 'sub/zapi_extra']);
  });

  it('records the versions given with --describes beside those read from version defines', async () => {
    const dir = tempTree({});
    const out = path.join(dir, 'api.json');
    const r = await cli(['index', FOLDER, '--out', out, '--describes', 'zapi=2.1,left4dhooks=SilvDev/Left4DHooks@0136a7c', '--json'], dir);
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).versions).toMatchObject({ zapi: '2.1', left4dhooks: 'SilvDev/Left4DHooks@0136a7c' });
    expect(JSON.parse(readFileSync(out, 'utf8')).symbols.some((s: { line?: number }) => s.line !== undefined)).toBe(true);
    expect((await cli(['index', FOLDER, '--out', out, '--no-lines'], dir)).code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).symbols.some((s: { line?: number }) => s.line !== undefined)).toBe(false);
    const bad = await cli(['index', FOLDER, '--out', out, '--describes', 'zapi'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('"zapi" is not name=version');
  });

  it('is a usage error without a folder or with a missing one', async () => {
    const dir = tempTree({});
    expect((await cli(['index'], dir)).code).toBe(2);
    const r = await cli(['index', path.join(dir, 'nope')], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('not a folder');
  });
});
