// The stamp of the harness's own code: the version, and the size and modification time of every file of the
// compiled (or, under vitest, source) `src/` and `evaluators/` trees, which hold the judging code and the shipped
// index. Caches of derived data (judgements, parsed suites) are reused only under the same stamp, so a rebuilt
// checkout never reuses what older code derived.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { packagePath } from './paths.js';
import { HARNESS_VERSION } from './version.js';

/** Files that are code or data the code reads (not type declarations or source maps). */
const CODE = /(?<!\.d)\.(?:js|cjs|mjs|ts|json)$/;

/** Size and modification time of every code file under `dir` (recursively), as one string. */
function treeStamp(dir: string): string {
  const parts: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && CODE.test(e.name)) {
        const st = statSync(p);
        parts.push(`${e.name}:${st.size}:${st.mtimeMs}`);
      }
    }
  };
  if (existsSync(dir)) walk(dir);
  return parts.join('|');
}

let stamp: string | undefined;

/** The folders of the code that runs: the bundle (`dist/cli`), else the compiled or source `src` and `evaluators`. */
function codeFolders(): string[] {
  const here = import.meta.dirname;
  const bundle = here.split(path.sep).lastIndexOf('cli');
  if (bundle > 0 && here.split(path.sep)[bundle - 1] === 'dist') return [here.split(path.sep).slice(0, bundle + 1).join(path.sep)];
  // dist/src/core (compiled) or src/core (sources under vitest): the code root is two folders up.
  const root = path.resolve(here, '../..');
  return [path.join(root, 'src'), path.join(root, 'evaluators')];
}

/** The code stamp, computed once per process. */
export function codeStamp(): string {
  if (stamp !== undefined) return stamp;
  const hash = createHash('sha256').update(HARNESS_VERSION);
  for (const dir of codeFolders()) hash.update(treeStamp(dir));
  stamp = hash.update(treeStamp(packagePath('evaluators', 'generated'))).digest('hex'); // the shipped API index
  return stamp;
}
