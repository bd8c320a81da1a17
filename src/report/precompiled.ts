// Templates precompiled by the build (src/build/templates.ts → one dist/templates/<file>.<mode>.cjs each): Handlebars parses
// and compiles the shipped report templates once at build time instead of on every report. An entry is used only
// for the shipped file whose text still has the hash it was compiled from.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { packagePath } from '../core/paths.js';

/** The two ways reports compile templates: Markdown without HTML escaping, the HTML page with it. */
export const TEMPLATE_MODES = {
  markdown: { noEscape: true, strict: false },
  html: { strict: false },
} as const;
export type TemplateMode = keyof typeof TEMPLATE_MODES;

/** `partials/md-cases.hbs` in Markdown mode → the file holding its precompiled form, relative to `dist/templates`. */
export function precompiledFile(rel: string, mode: TemplateMode): string {
  return `${rel.split(path.sep).join('/')}.${mode}.cjs`;
}

/** The precompiled form of `file` (a template's text), or undefined when it must be compiled now. */
export function precompiledSpec(file: string, source: string, mode: TemplateMode): TemplateSpecification | undefined {
  const rel = path.relative(packagePath('reports', 'templates'), file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  let entry: { sha: string; spec: TemplateSpecification } | undefined;
  try {
    entry = createRequire(import.meta.url)(packagePath('dist', 'templates', precompiledFile(rel, mode))) as typeof entry;
  } catch {
    return undefined; // a checkout before `npm run build`, or a file the build did not see: compile
  }
  if (!entry || entry.sha !== createHash('sha256').update(source).digest('hex')) return undefined;
  return entry.spec;
}
