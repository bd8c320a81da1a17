// `init`: a new project from the starter files shipped in the package (fixtures/starter/). An existing file is
// never overwritten: it is skipped and named. `.gitignore` only gets the entries it lacks.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync, appendFileSync } from 'node:fs';
import path from 'node:path';
import { packagePath } from '../core/paths.js';

/** The folder of the starter files inside the package. */
export function starterDir(): string {
  return packagePath('fixtures', 'starter');
}

// Starter files whose name in the project differs: npm does not ship `.gitignore` files, and dot-folders are
// easy to lose, so they are stored under plain names.
const RENAMED: Record<string, string> = {
  'github-workflow.yml': '.github/workflows/l4d2-eval.yml',
};
const GITIGNORE = 'gitignore';

/** What `init` did, paths relative to the project folder. */
export interface InitResult {
  dir: string;
  written: string[];
  skipped: string[];
  /** Entries added to .gitignore (created when absent). */
  gitignore: string[];
  /** Things the user must do by hand (e.g. add l4d2-eval to package.json). */
  notes: string[];
}

function walk(dir: string, base = ''): string[] {
  return readdirSync(dir).sort().flatMap((e) => {
    const rel = base ? `${base}/${e}` : e;
    return statSync(path.join(dir, e)).isDirectory() ? walk(path.join(dir, e), rel) : [rel];
  });
}

/** The starter files as `[source in the package, target relative to the project]`, in a stable order. */
export function starterFiles(): [string, string][] {
  const src = starterDir();
  return walk(src).filter((f) => f !== GITIGNORE).map((f) => [path.join(src, f), RENAMED[f] ?? f]);
}

/** What the project's package.json still needs so that CI's `npm ci` installs l4d2-eval (nothing needs approving: no install script runs). */
function packageNotes(dir: string): string[] {
  const file = path.join(dir, 'package.json');
  if (!existsSync(file)) {
    return ['no package.json here: run `npm init -y && npm i -D l4d2-eval` so the workflow\'s `npm ci` installs it (commit package-lock.json)'];
  }
  let pkg: { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
  try {
    pkg = JSON.parse(readFileSync(file, 'utf8')) as typeof pkg;
  } catch {
    return ['package.json is not valid JSON: fix it, then `npm i -D l4d2-eval`'];
  }
  const notes: string[] = [];
  if (!pkg.dependencies?.['l4d2-eval'] && !pkg.devDependencies?.['l4d2-eval']) notes.push('add l4d2-eval to package.json: `npm i -D l4d2-eval` (the workflow runs `npm ci`)');
  return notes;
}

/** Writes the starter files into `dir` (created when absent); skips every file that exists. */
export function initProject(dir: string): InitResult {
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  const skipped: string[] = [];
  for (const [src, rel] of starterFiles()) {
    const target = path.join(dir, rel);
    if (existsSync(target)) {
      skipped.push(rel);
      continue;
    }
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, readFileSync(src));
    written.push(rel);
  }
  const wanted = readFileSync(path.join(starterDir(), GITIGNORE), 'utf8').split('\n').filter((l) => l.trim() !== '');
  const ignoreFile = path.join(dir, '.gitignore');
  const existing = existsSync(ignoreFile) ? readFileSync(ignoreFile, 'utf8') : '';
  const have = new Set(existing.split(/\r?\n/).map((l) => l.trim()));
  const gitignore = wanted.filter((w) => !have.has(w) && !have.has(w.replace(/\/$/, '')) && !have.has(`/${w}`));
  if (gitignore.length > 0) appendFileSync(ignoreFile, `${existing !== '' && !existing.endsWith('\n') ? '\n' : ''}${existing === '' ? '' : '\n'}# l4d2-eval: run store, response cache, reports\n${gitignore.join('\n')}\n`);
  return { dir, written, skipped, gitignore, notes: packageNotes(dir) };
}
