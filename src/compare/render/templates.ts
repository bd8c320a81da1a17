// Loads the comparison template and its `cmp-` partials: shipped ones first, a user's folder overrides.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import Handlebars from 'handlebars';
import { UserError } from '../../core/errors.js';
import { packagePath } from '../../core/paths.js';
import { registerHelpers } from '../../report/helpers.js';
import { registerCompareHelpers } from './helpers.js';

/** Main template file of the comparison report. */
export const COMPARE_TEMPLATE = 'compare.md.hbs';

function isDir(p: string): boolean {
  return existsSync(p) && statSync(p).isDirectory();
}

/** Compiles the comparison template with helpers and partials from the shipped and the user's folders. */
export function compileCompareTemplate(templateDir?: string): HandlebarsTemplateDelegate {
  const dirs = [packagePath('reports', 'templates')];
  if (templateDir !== undefined) {
    if (!isDir(templateDir)) throw new UserError('E_TEMPLATES', `template folder not found: ${templateDir}`, `pass a folder containing ${COMPARE_TEMPLATE} and/or partials/cmp-*.hbs`);
    dirs.push(templateDir);
  }
  const main = [...dirs].reverse().map((d) => join(d, COMPARE_TEMPLATE)).find((f) => existsSync(f));
  if (main === undefined) throw new UserError('E_TEMPLATES', `no ${COMPARE_TEMPLATE} in ${dirs.join(' or ')}`);
  // An isolated environment per render: helpers and partials never leak between reports.
  const hb = Handlebars.create();
  registerHelpers(hb);
  registerCompareHelpers(hb);
  for (const dir of dirs) {
    const partials = join(dir, 'partials');
    if (!isDir(partials)) continue;
    for (const file of readdirSync(partials).filter((f) => f.endsWith('.hbs')).sort()) {
      hb.registerPartial(basename(file, '.hbs'), readFileSync(join(partials, file), 'utf8'));
    }
  }
  // Markdown, not HTML: no entity escaping; table cells go through the `cell` helper.
  return hb.compile(readFileSync(main, 'utf8'), { noEscape: true });
}
