// Parsed suites are reused only while nothing they were made from has changed.
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadSuites } from '../../src/suite/multi.js';
import { ROOT, cli } from '../helpers/cli.js';

let project: string;
let cacheDir: string;
const before = process.cwd();

beforeEach(() => {
  project = mkdtempSync(path.join(tmpdir(), 'l4d2-suite-cache-'));
  cpSync(path.join(ROOT, 'suites'), path.join(project, 'suites'), { recursive: true });
  cacheDir = path.join(project, '.l4d2-eval');
  process.chdir(project);
});
afterEach(() => process.chdir(before));

const entries = (dir = cacheDir) => readdirSync(path.join(dir, 'suites')).filter((f) => f.endsWith('.json'));

/** Renames the stored suite: a load that returns the new name read the entry instead of the YAML. */
function tamper(dir = cacheDir): void {
  const file = path.join(dir, 'suites', entries(dir)[0]!);
  const entry = JSON.parse(readFileSync(file, 'utf8')) as { suite: { name: string } };
  entry.suite.name = 'from the cache';
  writeFileSync(file, JSON.stringify(entry));
}

describe('suite cache', () => {
  it('gives exactly what parsing gives, and is read back while the files are unchanged', async () => {
    const fresh = await loadSuites(['suites/intent.yaml']);
    const first = await loadSuites(['suites/intent.yaml'], { dir: cacheDir, mode: 'use' });
    expect(first).toEqual(fresh);
    expect(entries()).toHaveLength(1);
    tamper();
    const again = await loadSuites(['suites/intent.yaml'], { dir: cacheDir, mode: 'use' });
    expect(again.suite.name).toBe('from the cache');
    expect({ ...again.suite, name: fresh.suite.name }).toEqual(fresh.suite);
  });

  it('parses again when the suite, an included file or a rubric file changed', async () => {
    for (const changed of ['suites/core.yaml', 'suites/core/director.yaml', 'suites/rubrics/survival-timer.yaml']) {
      const files = changed.includes('rubric') ? ['suites/intent.yaml'] : ['suites/core.yaml'];
      rmSync(path.join(cacheDir, 'suites'), { recursive: true, force: true });
      await loadSuites(files, { dir: cacheDir, mode: 'use' });
      tamper();
      expect((await loadSuites(files, { dir: cacheDir, mode: 'use' })).suite.name).toBe('from the cache');
      appendFileSync(path.join(project, changed), '\n# edited\n');
      expect((await loadSuites(files, { dir: cacheDir, mode: 'use' })).suite.name).not.toBe('from the cache');
    }
  });

  it('--refresh rebuilds the entry without reading it; --no-cache (answers and judgements) still uses it', async () => {
    await loadSuites(['suites/core.yaml'], { dir: cacheDir, mode: 'use' });
    tamper();
    expect((await loadSuites(['suites/core.yaml'], { dir: cacheDir, mode: 'refresh' })).suite.name).not.toBe('from the cache');
    expect((await loadSuites(['suites/core.yaml'], { dir: cacheDir, mode: 'use' })).suite.name).not.toBe('from the cache');

    const other = mkdtempSync(path.join(tmpdir(), 'l4d2-suite-nocache-'));
    cpSync(path.join(ROOT, 'suites'), path.join(other, 'suites'), { recursive: true });
    cpSync(path.join(ROOT, 'fixtures'), path.join(other, 'fixtures'), { recursive: true });
    cpSync(path.join(ROOT, 'l4d2-eval.config.yaml'), path.join(other, 'l4d2-eval.config.yaml'));
    const r = await cli(['run', '--no-cache', '--quiet', '--format', 'json'], other);
    expect(r.code).toBe(0);
    expect(entries(path.join(other, '.l4d2-eval'))).toHaveLength(1);
    tamper(path.join(other, '.l4d2-eval'));
    const used = await cli(['run', '--no-cache', '--quiet', '--format', 'json', '--out', 'again'], other);
    expect(used.code).toBe(0);
    expect((JSON.parse(readFileSync(path.join(other, 'again', 'results.json'), 'utf8')) as { suite: { name: string } }).suite.name).toBe('from the cache');
  });
});
