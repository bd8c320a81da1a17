// An empty project whose lockfile pins the packed package and the repository's own production dependencies, so
// `npm ci --offline` installs it from npm's cache alone (used by the package test and the install benchmark).
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * An empty project that depends on the tarball, with a lockfile whose dependency entries are the repository's own
 * (production ones): `npm ci --offline` then installs from npm's cache, which `npm ci` of the repository filled,
 * where `npm install` would need the registry to resolve version ranges.
 */
export function writeOfflineLock(root: string, dir: string, tarball: string, extra: Record<string, unknown> = {}): void {
  const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as Record<string, unknown> & { version: string };
  const spec = `file:${tarball}`;
  const integrity = `sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}`;
  const project = { name: 'empty-project', version: '1.0.0', private: true, dependencies: { 'l4d2-eval': spec }, ...extra };
  const packages: Record<string, unknown> = {
    '': project,
    'node_modules/l4d2-eval': { version: pkg.version, resolved: spec, integrity, dependencies: pkg.dependencies, bin: pkg.bin, license: pkg.license, engines: pkg.engines },
  };
  for (const [key, entry] of Object.entries(lock.packages)) if (key.startsWith('node_modules/') && !entry.dev) packages[key] = entry;
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify(project, null, 2));
  writeFileSync(path.join(dir, 'package-lock.json'), JSON.stringify({ name: project.name, version: project.version, lockfileVersion: 3, requires: true, packages }, null, 2));
}
