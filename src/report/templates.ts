// The one Handlebars template loader of reports and comparisons: shipped templates first, a user's folder
// (`--templates`, config `templates`) overrides files of the same name. Mistakes there are the user's: UserError.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { UserError } from '../core/errors.js';
import { packagePath } from '../core/paths.js';
import { compileSpec, handlebarsRuntime, type Handlebars } from './handlebars.js';
import { precompiledSpec, TEMPLATE_MODES, type TemplateMode } from './precompiled.js';

/** Which template to load, and how to name it in errors. */
export interface TemplateSpec {
  /** Main file name, e.g. `report.md.hbs`. */
  main: string;
  /** How errors name the folder's template (default `Template`), e.g. `Comparison template`. */
  title?: string;
  /** Only partials whose names start with this are registered (default: all). */
  partialPrefix?: string;
}

function isDir(p: string): boolean {
  return existsSync(p) && statSync(p).isDirectory();
}

/** Template folders, shipped first, then the user's (which must exist). */
export function templateDirs(spec: TemplateSpec, templateDir?: string): string[] {
  const dirs = [packagePath('reports', 'templates')];
  if (templateDir === undefined) return dirs;
  if (!isDir(templateDir)) {
    throw new UserError('E_TEMPLATES', `${spec.title ?? 'Template'} folder not found: ${templateDir}`, `pass a folder containing ${spec.main} and/or partials/${spec.partialPrefix ?? ''}*.hbs`);
  }
  return [...dirs, templateDir];
}

/** The file at `parts` in the last folder that has it (the user's wins). */
export function lastExisting(dirs: readonly string[], ...parts: string[]): string {
  const found = [...dirs].reverse().map((d) => join(d, ...parts)).find((f) => existsSync(f));
  if (found === undefined) throw new UserError('E_TEMPLATES', `no ${parts.join('/')} in ${dirs.join(' or ')}`, `add ${parts.join('/')} to your template folder, or leave --templates out to use the shipped templates`);
  return found;
}

/** The template in `file` for `hb`: precompiled by the build when it is the shipped, unchanged file, else compiled. */
export function templateOf(hb: Handlebars, file: string, mode: TemplateMode): HandlebarsTemplateDelegate {
  const source = readFileSync(file, 'utf8');
  return hb.template(precompiledSpec(file, source, mode) ?? compileSpec(source, TEMPLATE_MODES[mode]));
}

/**
 * Registers `partials/*.hbs` of every folder by file name without `.hbs`; later folders override earlier ones. Each is
 * read and made (precompiled, or compiled) only when a template first uses it.
 */
export function registerPartials(hb: Handlebars, dirs: readonly string[], prefix = '', mode: TemplateMode = 'markdown'): void {
  for (const dir of dirs) {
    const partials = join(dir, 'partials');
    if (!isDir(partials)) continue;
    for (const file of readdirSync(partials).filter((f) => f.startsWith(prefix) && f.endsWith('.hbs')).sort()) {
      let made: HandlebarsTemplateDelegate | undefined;
      const lazy = (context: unknown, options?: Handlebars.RuntimeOptions) => (made ??= templateOf(hb, join(partials, file), mode))(context, options);
      hb.registerPartial(basename(file, '.hbs'), lazy as HandlebarsTemplateDelegate);
    }
  }
}

/**
 * Compiles a Markdown template with its partials and helpers. Each call gets its own Handlebars environment so
 * helpers and partials never leak between renders; no entity escaping (table cells use the `cell` helper).
 */
export function compileMarkdownTemplate(spec: TemplateSpec, templateDir: string | undefined, helpers: (hb: Handlebars) => void): HandlebarsTemplateDelegate {
  const dirs = templateDirs(spec, templateDir);
  const main = lastExisting(dirs, spec.main);
  const hb = handlebarsRuntime.create();
  helpers(hb);
  registerPartials(hb, dirs, spec.partialPrefix, 'markdown');
  return templateOf(hb, main, 'markdown');
}
