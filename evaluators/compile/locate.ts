// Finds spcomp (config, SPCOMP, PATH) and its include folders, and reads its version once per binary.
import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';
import type { CompilerSettings } from '../core/types.js';

/** Where spcomp was looked for and what was found. */
export interface SpcompLocation {
  /** Absolute path of the binary, or null. */
  path: string | null;
  source: 'config' | 'env' | 'path' | null;
  /** Set when a configured path (config or SPCOMP) does not point at an executable file. */
  problem?: string;
}

function isExecutable(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    if (process.platform !== 'win32') accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Searches PATH ourselves (no shell, no `which`). */
export function searchPath(name: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const exts = process.platform === 'win32' ? (env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';').concat('') : [''];
  for (const dir of (env.PATH ?? env.Path ?? '').split(path.delimiter)) {
    if (dir === '') continue;
    for (const ext of exts) {
      const file = path.resolve(dir, name + ext.toLowerCase());
      if (isExecutable(file)) return file;
    }
  }
  return null;
}

// Answers are judged thousands of times per run; the file system is searched once per distinct setting.
const located = new Map<string, SpcompLocation>();

/** Finds spcomp: the config's `compiler.spcomp`, then `SPCOMP`, then the PATH (memoised per setting). */
export function locateSpcomp(settings: CompilerSettings = {}, env: NodeJS.ProcessEnv = process.env): SpcompLocation {
  const key = [settings.spcomp ?? '', env.SPCOMP ?? '', env.PATH ?? env.Path ?? ''].join('\0');
  let hit = located.get(key);
  if (!hit) {
    hit = findSpcomp(settings, env);
    located.set(key, hit);
  }
  return hit;
}

function findSpcomp(settings: CompilerSettings, env: NodeJS.ProcessEnv): SpcompLocation {
  const configured = settings.spcomp ? { file: settings.spcomp, source: 'config' as const, what: 'compiler.spcomp' }
    : env.SPCOMP ? { file: env.SPCOMP, source: 'env' as const, what: 'SPCOMP' } : null;
  if (configured) {
    const file = path.resolve(configured.file);
    // A path the user set but that is wrong is a compiler problem, not a silent switch to the static check.
    if (isExecutable(file)) return { path: file, source: configured.source };
    return { path: null, source: configured.source, problem: `spcomp not found: ${configured.what} is ${configured.file}, which is not an executable file` };
  }
  const found = searchPath('spcomp', env) ?? searchPath('spcomp64', env);
  return { path: found, source: found ? 'path' : null };
}

/** Include folders: the config's, then SOURCEMOD_INCLUDE (split by the platform's path delimiter). */
export function includeFolders(settings: CompilerSettings = {}, env: NodeJS.ProcessEnv = process.env): string[] {
  const fromEnv = (env.SOURCEMOD_INCLUDE ?? '').split(path.delimiter).filter((d) => d.trim() !== '');
  return [...new Set([...(settings.include ?? []), ...fromEnv].map((d) => path.resolve(d)))];
}

const versions = new Map<string, Promise<string | null>>();

/** spcomp's version (`1.12`) from its banner: it has no --version, so it runs with no arguments (exit 1). */
export function spcompVersion(bin: string): Promise<string | null> {
  let v = versions.get(bin);
  if (!v) {
    v = import('execa').then(({ execa }) => execa(bin, [], { reject: false, timeout: 5000, stdin: 'ignore', maxBuffer: 64 * 1024 })).then((r) => {
      const first = `${String(r.stdout ?? '')}\n${String(r.stderr ?? '')}`.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
      return /SourcePawn Compiler\s+(\S+)/.exec(first)?.[1] ?? null;
    });
    versions.set(bin, v);
  }
  return v;
}
