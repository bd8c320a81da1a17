import { csv } from './csv.js';
import { html } from './html/page.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { markdown } from './markdown.js';
import { table } from './table.js';
import type { Reporter } from './types.js';

/** Every reporter by its command-line name; the name union is derived from the keys. */
export const reporters = { md: markdown, csv, json, html, junit, table } satisfies Record<string, Reporter>;

/** A valid `--reporter` value. */
export type ReporterName = keyof typeof reporters;

export type { Reporter, ReportOptions } from './types.js';
export { markdownContext, type MarkdownContext } from './markdown.js';
