// The folder rules of ARCHITECTURE.md, enforced: every relative import of src/ and evaluators/ goes from a folder to
// one it may use, so folders depend one way and the map stays true.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');

/** Folder → the folders it may import (besides itself). `evaluators/*` and `src/*` stand for every folder there. */
const ALLOWED: Record<string, string[]> = {
  'src/core': [],
  'src/build': ['src/core', 'src/report'],
  'evaluators/core': ['src/core'],
  'evaluators/catalog': ['evaluators/core'],
  'evaluators/api-index': ['evaluators/core', 'evaluators/catalog', 'src/core'],
  'evaluators/symbols': ['evaluators/core', 'evaluators/catalog', 'evaluators/api-index', 'src/core'],
  'evaluators/compile': ['evaluators/core', 'evaluators/catalog', 'evaluators/api-index', 'evaluators/symbols', 'src/core'],
  'evaluators/rules': ['evaluators/core', 'evaluators/catalog'],
  'evaluators/checks': ['evaluators/core', 'evaluators/catalog', 'evaluators/api-index', 'evaluators/symbols', 'evaluators/compile', 'evaluators/rules', 'src/core'],
  'evaluators/(root)': ['evaluators/core', 'evaluators/checks'],
  'src/types': ['evaluators/*', 'src/core'],
  'src/suite': ['evaluators/*', 'src/core', 'src/types'],
  'src/config': ['evaluators/*', 'src/core', 'src/suite', 'src/types'],
  'src/providers': ['src/core', 'src/config', 'src/types'],
  'src/cost': ['src/core', 'src/config', 'src/types'],
  'src/score': ['evaluators/*', 'src/core', 'src/config', 'src/types'],
  'src/run': ['evaluators/*', 'src/core', 'src/types', 'src/suite', 'src/config', 'src/providers', 'src/cost', 'src/score'],
  'src/batch': ['evaluators/*', 'src/core', 'src/types', 'src/suite', 'src/config', 'src/providers', 'src/cost', 'src/score', 'src/run'],
  'src/dataset': ['evaluators/*', 'src/core', 'src/types', 'src/suite', 'src/config', 'src/score', 'src/run'],
  'src/analysis': ['src/core', 'src/types', 'src/run'],
  'src/report': ['evaluators/core', 'src/core', 'src/types', 'src/run', 'src/analysis'],
  'src/compare': ['src/core', 'src/types', 'src/suite', 'src/config', 'src/run', 'src/analysis', 'src/report'],
  'src/gate': ['src/core', 'src/types', 'src/config', 'src/analysis', 'src/report'],
  'src/serve': ['src/core', 'src/types', 'src/config', 'src/suite', 'src/providers', 'src/cost', 'src/run', 'src/batch', 'src/analysis', 'src/report'],
  'src/adopt': ['evaluators/*', 'src/core', 'src/types', 'src/config', 'src/providers', 'src/run'],
  'src/judge': ['evaluators/*', 'src/core', 'src/types', 'src/suite', 'src/config', 'src/providers', 'src/cost', 'src/score', 'src/run'],
  'src/flywheel': ['evaluators/*', 'src/core', 'src/types', 'src/suite', 'src/config', 'src/providers', 'src/cost', 'src/run', 'src/batch', 'src/dataset'],
  'src/cli': ['evaluators/*', 'src/*'],
  'src/(root)': ['evaluators/*', 'src/*'],
};

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((e) => {
    const p = path.join(dir, e);
    return statSync(p).isDirectory() ? tsFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** `src/run`, `evaluators/core`, or `src/(root)` for a file at the top of src/. */
function folderOf(file: string): string {
  const parts = path.relative(ROOT, file).split(path.sep);
  return parts.length > 2 ? `${parts[0]}/${parts[1]}` : `${parts[0]}/(root)`;
}

function imports(): { from: string; to: string; file: string }[] {
  const out: { from: string; to: string; file: string }[] = [];
  for (const file of [...tsFiles(path.join(ROOT, 'src')), ...tsFiles(path.join(ROOT, 'evaluators'))]) {
    for (const m of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)) {
      const target = path.resolve(path.dirname(file), m[1]!);
      const from = folderOf(file);
      const to = folderOf(target);
      if (from !== to) out.push({ from, to, file: path.relative(ROOT, file) });
    }
  }
  return out;
}

function allowed(from: string, to: string): boolean {
  return (ALLOWED[from] ?? []).some((a) => a === to || (a.endsWith('/*') && to.startsWith(a.slice(0, -1))));
}

describe('folder dependencies (ARCHITECTURE.md)', () => {
  const edges = imports();

  it('finds the imports it checks', () => {
    expect(edges.length).toBeGreaterThan(100);
  });

  it('every folder is in the map', () => {
    const folders = new Set(edges.flatMap((e) => [e.from, e.to]));
    expect([...folders].filter((f) => !(f in ALLOWED))).toEqual([]);
  });

  it('every import goes where the map allows', () => {
    expect(edges.filter((e) => !allowed(e.from, e.to)).map((e) => `${e.file}: ${e.from} -> ${e.to}`)).toEqual([]);
  });

  it('no two folders import each other', () => {
    const pairs = new Set(edges.map((e) => `${e.from} -> ${e.to}`));
    expect([...pairs].filter((p) => pairs.has(p.split(' -> ').reverse().join(' -> ')))).toEqual([]);
  });
});
