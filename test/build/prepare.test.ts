// `npm ci --omit=dev` in a checkout: npm's prepare finds no build tools; it keeps a dist/ built before, and
// without one it fails with a message saying how to get one (never "tsc: not found", exit 127).
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

/** A checkout without node_modules: package.json and the prepare script. */
function checkout(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'l4d2-prepare-'));
  cpSync(path.join(ROOT, 'package.json'), path.join(dir, 'package.json'));
  mkdirSync(path.join(dir, 'src/build'), { recursive: true });
  cpSync(path.join(ROOT, 'src/build/prepare.cjs'), path.join(dir, 'src/build/prepare.cjs'));
  return dir;
}

describe('prepare without the dev dependencies', () => {
  it('fails with the fix when there is no dist/, and keeps a dist/ built before', async () => {
    const dir = checkout();
    const none = await execa(process.execPath, ['src/build/prepare.cjs'], { cwd: dir, reject: false });
    expect(none.exitCode).toBe(1);
    expect(none.stderr).toContain('cannot build dist/: its dev dependencies (typescript, esbuild) are not installed (npm ci --omit=dev)');
    expect(none.stderr).toContain('hint: run `npm ci`');
    mkdirSync(path.join(dir, 'dist/cli'), { recursive: true });
    writeFileSync(path.join(dir, 'dist/cli/bin.js'), '');
    const kept = await execa(process.execPath, ['src/build/prepare.cjs'], { cwd: dir, reject: false });
    expect(kept.exitCode).toBe(0);
    expect(kept.stderr).toContain('keeping the dist/ built before');
  });
});
