// The build step after tsc (`npm run build:cli`): precompiles the report templates (./templates.ts), then bundles the CLI (dist/src/cli/bin.js and all it imports) into
// dist/cli/: the entry, one chunk per command (still loaded only when that command runs) and shared chunks, so a
// command starts by reading a few files instead of some 300 modules. Packages with native or wasm files stay
// outside the bundle (they find those files next to themselves). The licence of every package whose code is copied
// into the bundle is written to dist/cli/THIRD-PARTY-LICENSES.md.
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { precompileTemplates } from './templates.js';

/** Loaded from node_modules at run time: native bindings, wasm, and the tokenizer's large rank files. */
export const EXTERNAL = ['libsql', 'web-tree-sitter', 'js-tiktoken'];

/** `node_modules/@scope/name/…` or `node_modules/name/…` → the package folder (the innermost one). */
function packageDir(input: string): string | undefined {
  const m = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input.replaceAll('\\', '/'));
  return m?.[1];
}

function licenceText(dir: string): string | undefined {
  const file = readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.(md|txt))?$/i.test(f));
  return file ? readFileSync(path.join(dir, file), 'utf8').trim() : undefined;
}

export async function bundleCli(root: string): Promise<{ files: number; packages: string[] }> {
  const target = path.join(root, 'dist', 'cli');
  // Built beside the old bundle and swapped in at the end: a CLI started meanwhile never finds half a bundle.
  const outdir = `${target}.new-${process.pid}`;
  rmSync(outdir, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints: [path.join(root, 'dist', 'src', 'cli', 'bin.js')],
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    chunkNames: 'chunks/[name]-[hash]',
    external: EXTERNAL,
    metafile: true,
    legalComments: 'none',
    logLevel: 'warning',
    // Bundled CommonJS packages call require(): give the ES module one.
    banner: { js: "import { createRequire as __l4d2CreateRequire } from 'node:module'; const require = __l4d2CreateRequire(import.meta.url);" },
  });
  const dirs = [...new Set(Object.keys(result.metafile.inputs).map(packageDir).filter((d): d is string => d !== undefined))];
  const packages = dirs
    .map((d) => {
      const abs = path.resolve(root, d);
      const pkg = JSON.parse(readFileSync(path.join(abs, 'package.json'), 'utf8')) as { name: string; version: string; license?: string };
      return { name: pkg.name, version: pkg.version, license: pkg.license ?? 'see its package', text: licenceText(abs) };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
  const notice = [
    '# Third-party code in this bundle',
    '',
    'The l4d2-eval command line (dist/cli) is bundled with esbuild; it contains code of the packages below, each under',
    'its own licence, reproduced here.',
    '',
    ...packages.flatMap((p) => [`## ${p.name} ${p.version} (${p.license})`, '', p.text ? p.text.replace(/^/gm, '    ') : `    (the package ships no licence file; its package.json says: ${p.license})`, '']),
  ].join('\n');
  writeFileSync(path.join(outdir, 'THIRD-PARTY-LICENSES.md'), notice);
  const old = `${target}.old-${process.pid}`;
  if (existsSync(target)) renameSync(target, old);
  renameSync(outdir, target);
  rmSync(old, { recursive: true, force: true });
  const files = Object.keys(result.metafile.outputs).length;
  return { files, packages: packages.map((p) => `${p.name}@${p.version}`) };
}

// `node dist/src/build/bundle.js` from the package root (npm scripts run there).
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const root = process.cwd();
  if (!existsSync(path.join(root, 'dist', 'src', 'cli', 'bin.js'))) {
    process.stderr.write('error: dist/src/cli/bin.js not found\nhint: run tsc first (npm run build does both)\n');
    process.exit(2);
  }
  const templates = precompileTemplates(root);
  const { files, packages } = await bundleCli(root);
  process.stdout.write(`dist/templates: ${templates} precompiled templates; dist/cli: ${files} files, bundled packages: ${packages.length} (licences in dist/cli/THIRD-PARTY-LICENSES.md)\n`);
}
