// Handlebars for reports: the runtime alone runs the templates the build precompiled; the compiler (parser and code
// generator, several times the runtime's size) loads only when a template must be compiled now: a user's template
// folder, or a checkout whose templates changed since its build.
import { createRequire } from 'node:module';
import type HandlebarsApi from 'handlebars';
import runtime from 'handlebars/runtime.js';

export type Handlebars = typeof HandlebarsApi;

/** The runtime: `create()` an environment per render, register helpers and partials, `template(spec)`. */
export const handlebarsRuntime = runtime as Handlebars;

let compiler: Handlebars | undefined;

/** The template specification of a template's text, as the build's precompiler makes it (loads the compiler once). */
export function compileSpec(source: string, options: CompileOptions): TemplateSpecification {
  compiler ??= createRequire(import.meta.url)('handlebars') as Handlebars;
  // What Handlebars.compile does internally: precompile to the specification's source, then evaluate it.
  return new Function(`return ${String(compiler.precompile(source, options))};`)() as TemplateSpecification;
}
